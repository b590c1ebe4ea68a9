package org.jmpibench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 30, 14, 5, 9, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void namesFilesByUtcTimeAndHost() throws IOException {
        ResultFiles files = ResultFiles.create(dir, WHEN, "node-1");

        assertThat(files.json().getFileName().toString()).isEqualTo("20261130-140509-node-1.json");
        assertThat(files.context().getFileName().toString()).isEqualTo("20261130-140509-node-1.context.json");
        assertThat(files.csv().getFileName().toString()).isEqualTo("20261130-140509-node-1.csv");
    }

    @Test
    void neverReusesANameAlreadyTaken() throws IOException {
        ResultFiles first = ResultFiles.create(dir, WHEN, "h");
        first.writeResults(List.of());
        ResultFiles second = ResultFiles.create(dir, WHEN, "h");

        assertThat(second.json()).isNotEqualTo(first.json());
        assertThat(second.json().getFileName().toString()).isEqualTo("20261130-140509-h-2.json");
    }

    @Test
    void writesWholeFilesAndRefusesToOverwrite() throws IOException {
        Path target = dir.resolve("x.json");
        ResultFiles.writeAtomically(target, "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("[]");
        assertThatThrownBy(() -> ResultFiles.writeAtomically(target, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("overwrite");
        assertThat(target).hasContent("[]");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("x.json");
        }
    }

    @Test
    void emptyRunStillGivesValidJmhJson() throws IOException {
        ResultFiles files = ResultFiles.create(dir, WHEN, "h");
        files.writeResults(List.of());

        assertThat(Files.readString(files.json()).strip()).isEqualTo("[\n]".strip().replace("\n", System.lineSeparator()));
    }

    @Test
    void hostNamesBecomeSafeFileNames() {
        assertThat(ResultFiles.safe("a b/c:d")).isEqualTo("a_b_c_d");
        assertThat(ResultFiles.safe("")).isEqualTo("host");
    }
}
