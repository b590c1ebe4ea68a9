package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.SecondaryMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OsuTableTest {

    @TempDir
    Path dir;

    /**
     * send np=2 on loopback, shm and shm/spin (one missing size), each with a hand-timed loop twice as fast as JMH's
     * score; bcast np=4 on loopback with its slowest rank; and a benchmark that is not ours.
     */
    private Path run() {
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (String backend : List.of("loopback", "shm")) {
            for (long size : new long[] {1, 1024}) {
                double t = backend.equals("shm") ? 0.5 * size / 1024 + 0.25 : 4.0 * size / 1024 + 4;
                file.add(Operation.SEND, new double[] {t, t, t})
                        .params(backend, 2, size)
                        .secondary(SecondaryMetric.HAND_TIMED, new double[] {t / 2, t / 2, t / 2})
                        .done();
            }
        }
        file.add(Operation.SEND, new double[] {0.2, 0.2, 0.2})
                .params("shm", 2, 1)
                .param(Param.IDLE, "spin")
                .done();
        file.add(Operation.BCAST, new double[] {10, 10, 10})
                .params("loopback", 4, 1024)
                .secondary(SecondaryMetric.SLOWEST_RANK, new double[] {12, 12, 12})
                .done();
        file.add("com.example.Other.run", "thrpt", "ops/s", new double[] {5, 5, 5})
                .done();
        return file.writeTo(dir.resolve("run.json"));
    }

    private List<BenchmarkResult> results() {
        return ResultsFile.read(run()).results();
    }

    @Test
    void textHasOneBlockPerOperationAndParametersOneRowPerSizeOneColumnPerBackendVariant() {
        String text = OsuTable.render(results(), OsuTable.Format.TEXT);

        assertThat(text).isEqualTo("""

        # send  np=2  buffer=array  (one-way latency us / bandwidth MB/s)
        Size  Bytes      loopback            shm     shm/spin
        1         4    4.00 / 1.0    0.25 / 16.0  0.20 / 20.0
        1Ki    4096  8.00 / 512.0  0.75 / 5461.3            -

        # bcast  np=4  buffer=array  (latency us at rank 0 [slowest rank us])
        Size  Bytes       loopback
        1Ki    4096  10.00 [12.00]

        # harness overhead: send score / hand-timed loop in the same job, median of per-iteration pairs (goal <= 1.05)
        Backend   Median    Min    Max  Benchmarks
        loopback   2.000  2.000  2.000           2
        shm        2.000  2.000  2.000           2

        # other benchmarks
        com.example.Other.run {} 5.000 ops/s
        """);
    }

    @Test
    void markdownHasTheSameFiguresAsTables() {
        String markdown = OsuTable.render(results(), OsuTable.Format.MARKDOWN);

        assertThat(markdown)
                .contains("""
        ### send, np=2, buffer=array: one-way latency (µs) / bandwidth (MB/s)

        | Size | Bytes | loopback | shm | shm/spin |
        | --- | ---: | ---: | ---: | ---: |
        | 1 | 4 | 4.00 / 1.0 | 0.25 / 16.0 | 0.20 / 20.0 |
        | 1Ki | 4096 | 8.00 / 512.0 | 0.75 / 5461.3 | - |
        """)
                .contains("""
        | 1Ki | 4096 | 10.00 [12.00] |
        """)
                .contains("| loopback | 2.000 | 2.000 | 2.000 | 2 |")
                .contains("- com.example.Other.run {}");
    }

    @Test
    void severalJdksAreColumnsOfOneBlockAndABlockAcrossHostsSaysSoInItsHeading() {
        ResultsFileBuilder file = ResultsFileBuilder.file();
        file.add(Operation.SEND, new double[] {2, 2, 2})
                .params("loopback", 2, 1)
                .param(Param.JDK, "17")
                .done();
        file.add(Operation.SEND, new double[] {1, 1, 1})
                .params("loopback", 2, 1)
                .param(Param.JDK, "25")
                .done();
        file.add(Operation.GATHER, new double[] {3, 3, 3})
                .params("loopback", 2, 1024)
                .param(Param.JDK, "25")
                .secondary(SecondaryMetric.SLOWEST_RANK, new double[] {4, 4, 4})
                .done();
        file.add(Operation.BCAST, new double[] {5, 5, 5})
                .params("tcp", 2, 1)
                .param(Param.LAYOUT, "1host")
                .done();
        file.add(Operation.BCAST, new double[] {9, 9, 9})
                .params("tcp", 2, 1)
                .param(Param.LAYOUT, "2hosts:0/1")
                .done();

        String text = OsuTable.render(
                ResultsFile.read(file.writeTo(dir.resolve("jdks.json"))).results(), OsuTable.Format.TEXT);

        assertThat(text).isEqualTo("""

        # send  np=2  buffer=array  (one-way latency us / bandwidth MB/s)
        Size  Bytes  loopback, JDK 17  loopback, JDK 25
        1         4        2.00 / 2.0        1.00 / 4.0

        # bcast  np=2  buffer=array  (latency us at rank 0 [slowest rank us])
        Size  Bytes  tcp, JDK 17
        1         4         5.00

        # bcast  np=2  buffer=array  2 hosts, layout 2hosts:0/1  (latency us at rank 0 [slowest rank us])
        Size  Bytes  tcp, JDK 17
        1         4         9.00

        # gather  np=2  buffer=array  (latency us at rank 0 [slowest rank us])
        Size  Bytes  loopback, JDK 25
        1Ki    4096       3.00 [4.00]
        """);
        assertThat(OsuTable.render(ResultsFile.read(dir.resolve("jdks.json")).results(), OsuTable.Format.MARKDOWN))
                .contains("### bcast, np=2, buffer=array, 2 hosts, layout 2hosts:0/1: latency at rank 0 (µs)");
    }

    @Test
    void theTableCommandPrintsItFromAFileAndRefusesABadOneInOneLine() throws Exception {
        Path file = run();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TableCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("--markdown", file.toString())).isZero();
        assertThat(out.toString())
                .isEqualTo(OsuTable.render(ResultsFile.read(file).results(), OsuTable.Format.MARKDOWN));

        Path notJson = Files.writeString(dir.resolve("notes.json"), "benchmark,score\n");
        assertThat(cli.execute(notJson.toString())).isEqualTo(PlotCommand.EXIT_BAD_INPUT);
        assertThat(err.toString().strip())
                .startsWith("table: results file " + notJson + ": not valid JSON")
                .doesNotContain("\n");
    }
}
