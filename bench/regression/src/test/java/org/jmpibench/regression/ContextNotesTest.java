package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextNotesTest {

    @TempDir
    Path dir;

    @Test
    void noContextsNoNotes() {
        assertThat(ContextNotes.between(dir.resolve("a.json"), dir.resolve("b.json"))).isEmpty();
    }

    @Test
    void oneMissingContextIsNoted() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{\"host\": \"x\"}");
        assertThat(ContextNotes.between(dir.resolve("a.json"), dir.resolve("b.json")))
                .singleElement().asString().contains("b.context.json");
    }

    @Test
    void differingMachineFieldsAreNotedButRunSpecificOnesAreNot() throws IOException {
        Files.writeString(dir.resolve("a.context.json"),
                "{\"host\": \"ci-1\", \"started\": \"2026-11-30T10:00Z\", \"git\": {\"commit\": \"abc\"},"
                        + " \"jvm\": {\"version\": \"17.0.13\", \"vendor\": \"Debian\"}, \"cores\": 2}");
        Files.writeString(dir.resolve("b.context.json"),
                "{\"host\": \"laptop\", \"started\": \"2026-11-30T11:00Z\", \"git\": {\"commit\": \"def\"},"
                        + " \"jvm\": {\"version\": \"21.0.5\", \"vendor\": \"Debian\"}, \"cores\": 2}");

        assertThat(ContextNotes.between(dir.resolve("a.json"), dir.resolve("b.json"))).containsExactly(
                "runs differ in context host: baseline 'ci-1', current 'laptop'",
                "runs differ in context jvm.version: baseline '17.0.13', current '21.0.5'");
    }

    @Test
    void unreadableContextIsANoteNotAFailure() throws IOException {
        Files.writeString(dir.resolve("a.context.json"), "{ not json");
        Files.writeString(dir.resolve("b.context.json"), "{}");
        assertThat(ContextNotes.between(dir.resolve("a.json"), dir.resolve("b.json")))
                .singleElement().asString().startsWith("cannot compare the runs' contexts: context file ")
                .contains("a.context.json: not valid JSON");
    }
}
