package org.jmpibench.regression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunContextTest {

    @TempDir
    Path dir;

    @Test
    void contextFileSitsBesideTheResults() {
        assertThat(RunContext.contextFileOf(Path.of("results/2026-11-30T14-00-00-host.json")))
                .isEqualTo(Path.of("results/2026-11-30T14-00-00-host.context.json"));
        assertThat(RunContext.contextFileOf(Path.of("results/baseline/baseline.json")))
                .isEqualTo(Path.of("results/baseline/baseline.context.json"));
    }

    @Test
    void noContextsNoNotes() {
        assertThat(RunContext.differences(dir.resolve("a.json"), dir.resolve("b.json"))).isEmpty();
    }

    @Test
    void oneMissingContextIsNoted() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{\"host\": \"x\"}");
        assertThat(RunContext.differences(dir.resolve("a.json"), dir.resolve("b.json")))
                .singleElement().asString().contains("b.context.json");
    }

    @Test
    void differingMachineFieldsAreNotedButRunSpecificOnesAreNot() throws IOException {
        Files.writeString(dir.resolve("a.context.json"),
                "{\"host\": \"ci-1\", \"startTime\": \"2026-11-30T10:00Z\", \"commit\": \"abc\","
                        + " \"jvm\": {\"version\": \"17.0.13\", \"vendor\": \"Debian\"}, \"cores\": 2}");
        Files.writeString(dir.resolve("b.context.json"),
                "{\"host\": \"laptop\", \"startTime\": \"2026-11-30T11:00Z\", \"commit\": \"def\","
                        + " \"jvm\": {\"version\": \"21.0.5\", \"vendor\": \"Debian\"}, \"cores\": 2}");

        assertThat(RunContext.differences(dir.resolve("a.json"), dir.resolve("b.json"))).containsExactly(
                "runs differ in context host: baseline 'ci-1', current 'laptop'",
                "runs differ in context jvm.version: baseline '17.0.13', current '21.0.5'");
    }

    @Test
    void unreadableContextIsANoteNotAFailure() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{ not json");
        Files.writeString(dir.resolve("b.context.json"), "{}");
        assertThat(RunContext.differences(dir.resolve("a.json"), dir.resolve("b.json")))
                .singleElement().asString().startsWith("cannot read the context files");
    }
}
