package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jmpibench.regression.ComparisonTest.TIGHT_FORK_1;
import static org.jmpibench.regression.ComparisonTest.TIGHT_FORK_2;
import static org.jmpibench.results.ResultsFileBuilder.scaled;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jmpibench.results.Operation;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.ResultsFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BaselineStoreTest {

    @TempDir
    Path dir;

    private Path results(String name, double centre, String host) throws IOException {
        Path file = ResultsFileBuilder.file()
                .add(
                        Operation.SEND.benchmarkName(),
                        "avgt",
                        "us/op",
                        scaled(centre, TIGHT_FORK_1),
                        scaled(centre, TIGHT_FORK_2))
                .params("loopback", 2, 1)
                .done()
                .writeTo(dir.resolve(name + ".json"));
        Files.writeString(dir.resolve(name + ".context.json"), "{\"host\": \"" + host + "\"}");
        return file;
    }

    @Test
    void recordsResultsAndContextByteForByte() throws IOException {
        Path results = results("2026-11-30T14-00-00-ci", 10, "ci-1");
        Path baseline = dir.resolve("results/baseline/baseline.json");

        assertThat(BaselineStore.record(results, baseline))
                .containsExactly(baseline, dir.resolve("results/baseline/baseline.context.json"));

        assertThat(Files.readString(baseline)).isEqualTo(Files.readString(results));
        assertThat(Files.readString(dir.resolve("results/baseline/baseline.context.json")))
                .contains("ci-1");
        try (var files = Files.list(baseline.getParent())) {
            assertThat(files).hasSize(2); // no temporary file left behind
        }
    }

    @Test
    void refusesResultsWithoutContext() throws IOException {
        Path results = results("run", 10, "ci-1");
        Files.delete(dir.resolve("run.context.json"));
        Path baseline = dir.resolve("baseline.json");

        assertThatThrownBy(() -> BaselineStore.record(results, baseline))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("no context file " + dir.resolve("run.context.json"));
        assertThat(baseline).doesNotExist();
    }

    @Test
    void refusesAFileThatIsNotJmh() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.json"), "{}");
        Files.writeString(dir.resolve("bogus.context.json"), "{}");

        assertThatThrownBy(() -> BaselineStore.record(bogus, dir.resolve("baseline.json")))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("not a JMH results file");
    }

    @Test
    void compareUpdateBaselineRecordsTheFirstAndReplacesLaterOnes() throws IOException {
        Path baseline = dir.resolve("baseline/baseline.json");
        Path first = results("first", 10, "ci-1");
        Path slower = results("slower", 12, "ci-1");
        StringWriter out = new StringWriter();

        CommandLine cmd = new CommandLine(new CompareCommand()).setOut(new PrintWriter(out));
        assertThat(cmd.execute(baseline.toString(), first.toString(), "--update-baseline"))
                .isEqualTo(0);
        assertThat(out.toString()).contains("No baseline at " + baseline);
        assertThat(Files.readString(baseline)).isEqualTo(Files.readString(first));

        // Without the option the slower run fails; with it, the comparison is shown and then accepted.
        assertThat(new CommandLine(new CompareCommand())
                        .setOut(new PrintWriter(new StringWriter()))
                        .execute(baseline.toString(), slower.toString()))
                .isEqualTo(1);
        assertThat(cmd.execute(baseline.toString(), slower.toString(), "--update-baseline"))
                .isEqualTo(0);
        assertThat(out.toString()).contains("regressed", "Baseline " + baseline + " replaced by " + slower);
        assertThat(Files.readString(baseline)).isEqualTo(Files.readString(slower));
    }

    @Test
    void compareUpdateBaselineRefusesResultsWithoutContextBeforeComparing() throws IOException {
        Path baseline = results("baseline", 10, "ci-1");
        Path noContext = results("nocontext", 12, "ci-1");
        Files.delete(dir.resolve("nocontext.context.json"));
        String before = Files.readString(baseline);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = new CommandLine(new CompareCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(baseline.toString(), noContext.toString(), "--update-baseline");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString().contains("no context file");
        assertThat(Files.readString(baseline)).isEqualTo(before);
    }
}
