package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code plot} may replace an existing output directory, and that it leaves no debris. */
class OutputDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void regeneratingTheSameRunReplacesItsChartsAndDropsStaleOnes() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path out = temp.resolve("out");
        assertThat(Fixtures.plot("--out", out.toString(), results.toString()).exitCode())
                .isZero();
        Path stale = Files.writeString(out.resolve("time-vs-size_old-operation_np2.png"), "left from an older run");

        Fixtures.Outcome again = Fixtures.plot("--out", out.toString(), results.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        assertNoStagingLeftIn(temp);
    }

    @Test
    void refusesToReplaceAnotherRunsReportUnlessForced() throws Exception {
        Path runA = Fixtures.copy(Fixtures.RUN_A, temp);
        Path runB = Fixtures.copy(Fixtures.RUN_B, temp);
        Path out = temp.resolve("out");
        assertThat(Fixtures.plot("--out", out.toString(), runA.toString()).exitCode())
                .isZero();
        String pageOfA = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);

        Fixtures.Outcome refused = Fixtures.plot("--out", out.toString(), runB.toString());

        assertThat(refused.exitCode()).isEqualTo(PlotCommand.EXIT_BAD_INPUT);
        assertThat(refused.err().strip())
                .doesNotContain("\n")
                .contains("holds the report of another run ('results-2026-11-30'", "--force");
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .isEqualTo(pageOfA);

        Fixtures.Outcome forced = Fixtures.plot("--force", "--out", out.toString(), runB.toString());

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("jmpi-bench report: results-2026-12-01");
        assertNoStagingLeftIn(temp);
    }

    @Test
    void neverReplacesADirectoryItDidNotWriteEvenWhenForced() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path someoneElses = Files.createDirectory(temp.resolve("thesis"));
        Path chapter = Files.writeString(someoneElses.resolve("chapter1.tex"), "precious");

        Fixtures.Outcome refused = Fixtures.plot("--force", "--out", someoneElses.toString(), results.toString());

        assertThat(refused.exitCode()).isEqualTo(PlotCommand.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("was not written by plot");
        assertThat(chapter).hasContent("precious");
        assertNoStagingLeftIn(temp);
    }

    @Test
    void writesIntoAnEmptyExistingDirectory() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path empty = Files.createDirectory(temp.resolve("empty"));

        assertThat(Fixtures.plot("--out", empty.toString(), results.toString()).exitCode())
                .isZero();
        assertThat(empty.resolve("index.html")).isNotEmptyFile();
    }

    @Test
    void refusesAFileAsOutputDirectory() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        Fixtures.Outcome refused = Fixtures.plot("--out", file.toString(), results.toString());

        assertThat(refused.exitCode()).isEqualTo(PlotCommand.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("is not a directory");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsAFailureNotBadInput() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        Fixtures.Outcome failed = Fixtures.plot("--out", file.resolve("sub").toString(), results.toString());

        assertThat(failed.exitCode()).isEqualTo(PlotCommand.EXIT_FAILED).isEqualTo(1);
        assertThat(failed.err().strip())
                .startsWith("plot: ")
                .contains("cannot create the output directory")
                .doesNotContain("\n");
        assertNoStagingLeftIn(temp);
    }

    private static void assertNoStagingLeftIn(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains(".staging-") || name.contains(".old-"));
        }
    }
}
