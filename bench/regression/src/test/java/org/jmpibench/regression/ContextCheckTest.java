package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCheckTest {

    @TempDir
    Path dir;

    private List<String> notes() {
        return ContextCheck.notes("baseline", dir.resolve("a.json"), "current", dir.resolve("b.json"));
    }

    private List<String> gateWarning() {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        return ContextCheck.gateWarning(a, ContextCheck.contextOf(a), b, ContextCheck.contextOf(b));
    }

    @Test
    void noContextsNoNotes() {
        assertThat(notes()).isEmpty();
    }

    @Test
    void oneMissingContextIsNoted() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{\"host\": \"x\"}");
        assertThat(notes()).singleElement().asString().contains("b.context.json");
    }

    @Test
    void differingMachineFieldsAreNotedButRunSpecificOnesAreNot() throws IOException {
        Files.writeString(
                dir.resolve("a.context.json"),
                "{\"host\": \"ci-1\", \"started\": \"2026-11-30T10:00Z\", \"git\": {\"commit\": \"abc\"},"
                        + " \"jvm\": {\"version\": \"17.0.13\", \"vendor\": \"Debian\"}, \"cores\": 2}");
        Files.writeString(
                dir.resolve("b.context.json"),
                "{\"host\": \"laptop\", \"started\": \"2026-11-30T11:00Z\", \"git\": {\"commit\": \"def\"},"
                        + " \"jvm\": {\"version\": \"21.0.5\", \"vendor\": \"Debian\"}, \"cores\": 2}");

        assertThat(notes())
                .containsExactly(
                        "runs differ in context host: baseline 'ci-1', current 'laptop'",
                        "runs differ in context jvm.version: baseline '17.0.13', current '21.0.5'");
    }

    @Test
    void unreadableContextIsANoteNotAFailure() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{ not json");
        Files.writeString(dir.resolve("b.context.json"), "{}");
        assertThat(notes())
                .singleElement()
                .asString()
                .startsWith("cannot compare the runs' contexts: context file ")
                .contains("a.context.json: not valid JSON");
    }

    @Test
    void theGateWarningNamesHostCpuAndJvmOnlyOnce() throws IOException {
        Files.writeString(
                dir.resolve("a.context.json"),
                "{\"host\": \"ci-1\", \"cpuModel\": \"A\", \"cores\": 2,"
                        + " \"jvm\": {\"version\": \"17.0.13\", \"vendor\": \"Debian\"}}");
        Files.writeString(
                dir.resolve("b.context.json"),
                "{\"host\": \"ci-1\", \"cpuModel\": \"B\", \"cores\": 4,"
                        + " \"jvm\": {\"version\": \"21.0.5\", \"vendor\": \"Eclipse Adoptium\"}}");

        assertThat(gateWarning())
                .containsExactly("not comparable as a gate: different CPU ('A' vs 'B'), JVM "
                        + "('Debian' vs 'Eclipse Adoptium', '17.0.13' vs '21.0.5')");
    }

    @Test
    void sameMachineAndJvmNoWarning() throws IOException {
        String same = "{\"host\": \"ci-1\", \"cpuModel\": \"A\", \"jvm\": {\"version\": \"17.0.13\"},"
                + " \"started\": \"%s\"}";
        Files.writeString(dir.resolve("a.context.json"), same.formatted("2026-11-30T10:00Z"));
        Files.writeString(dir.resolve("b.context.json"), same.formatted("2026-11-30T11:00Z"));

        assertThat(gateWarning()).isEmpty();
    }

    @Test
    void aMissingContextIsAWarningToo() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{\"host\": \"x\"}");

        assertThat(gateWarning())
                .singleElement()
                .asString()
                .startsWith("cannot tell whether host, CPU and JVM are the same")
                .contains("b.context.json");
    }
}
