package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultsFileTest {

    @TempDir
    Path dir;

    /** A file in JMH 1.37's own layout (its tidy() formatting, "NaN" strings), as written by -rf json. */
    @Test
    void readsJmhsOwnLayout() throws IOException {
        Path file = dir.resolve("jmh.json");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "[",
                        "    {",
                        "        \"jmhVersion\" : \"1.37\",",
                        "        \"benchmark\" : \"org.jmpibench.harness.PingPong.send\",",
                        "        \"mode\" : \"avgt\",",
                        "        \"threads\" : 1,",
                        "        \"forks\" : 2,",
                        "        \"params\" : {",
                        "            \"backend\" : \"loopback\",",
                        "            \"np\" : \"2\",",
                        "            \"size\" : \"1024\",",
                        "            \"buffer\" : \"direct\"",
                        "        },",
                        "        \"primaryMetric\" : {",
                        "            \"score\" : 2.5,",
                        "            \"scoreError\" : \"NaN\",",
                        "            \"scoreConfidence\" : [",
                        "                \"NaN\",",
                        "                \"NaN\"",
                        "            ],",
                        "            \"scorePercentiles\" : {",
                        "                \"0.0\" : 2.0,",
                        "                \"100.0\" : 3.0",
                        "            },",
                        "            \"scoreUnit\" : \"us/op\",",
                        "            \"rawData\" : [",
                        "                [",
                        "                    2.0,",
                        "                    3.0",
                        "                ],",
                        "                [",
                        "                    2.25,",
                        "                    2.75",
                        "                ]",
                        "            ]",
                        "        },",
                        "        \"secondaryMetrics\" : {",
                        "            \"slowestRank\" : {",
                        "                \"score\" : 1.0,",
                        "                \"scoreError\" : \"NaN\",",
                        "                \"scoreConfidence\" : [\"NaN\", \"NaN\"],",
                        "                \"scorePercentiles\" : {},",
                        "                \"scoreUnit\" : \"#\",",
                        "                \"rawData\" : [[1.0, 1.0], [1.0, 1.0]]",
                        "            }",
                        "        }",
                        "    }",
                        "]",
                        ""));

        ResultsFile read = ResultsFile.read(file, "current");

        assertThat(read.results()).singleElement().satisfies(r -> {
            assertThat(r.benchmark()).isEqualTo(Operation.SEND.benchmarkName());
            assertThat(r.operation()).contains(Operation.SEND);
            assertThat(r.mode()).isEqualTo("avgt");
            assertThat(r.key().paramsText()).isEqualTo("backend=loopback buffer=direct np=2 size=1024");
            assertThat(r.np()).hasValue(2);
            assertThat(r.sizeBytes()).hasValue(4096);
            assertThat(r.primary().unit().label()).isEqualTo("us/op");
            assertThat(r.primary().score()).isEqualTo(2.5);
            assertThat(r.primary().scoreError()).isNaN();
            assertThat(r.primary().confidenceLow()).isNaN();
            assertThat(r.primary().forks()).isEqualTo(2);
            assertThat(r.primary().iterationScores()).containsExactly(2.0, 3.0, 2.25, 2.75);
            assertThat(r.secondary()).containsOnlyKeys("slowestRank");
            assertThat(r.secondary(SecondaryMetric.SLOWEST_RANK))
                    .hasValueSatisfying(m -> assertThat(m.iterations()).isEqualTo(4));
            assertThat(r.jmhSettings()).containsEntry("jmhVersion", "1.37").containsEntry("forks", "2");
        });
    }

    /** JMH writes what JSON cannot hold as strings; each is read as the IEEE value it stands for. */
    @Test
    void jmhsNonFiniteStringsAreReadAsTheValuesTheyStandFor() throws IOException {
        Path file = dir.resolve("inf.json");
        Files.writeString(
                file,
                "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":\"+INF\","
                        + "\"scoreError\":\"NaN\",\"scoreConfidence\":[\"-INF\",\"+INF\"],\"scoreUnit\":\"us/op\","
                        + "\"rawData\":[[1.0,\"+INF\",\"NaN\",\"-INF\"]]}}]");

        Metric metric = ResultsFile.read(file).results().get(0).primary();

        assertThat(metric.score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metric.scoreError()).isNaN();
        assertThat(metric.confidenceLow()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(metric.confidenceHigh()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metric.iterationScores())
                .containsExactly(1.0, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY);
    }

    @Test
    void theBuilderWritesNonFiniteValuesAsJmhDoes() {
        Path file = ResultsFileBuilder.file()
                .add(Operation.BCAST, new double[] {2.0})
                .score(Double.NEGATIVE_INFINITY)
                .params("shm", 2, 1)
                .done()
                .writeTo(dir.resolve("b.json"));

        Metric metric = ResultsFile.read(file).results().get(0).primary();

        assertThat(metric.score()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(metric.scoreError()).as("one iteration: JMH has no error").isNaN();
    }

    @Test
    void benchmarkWithoutParamsHasEmptyParams() throws IOException {
        Path file = dir.resolve("noparams.json");
        Files.writeString(
                file,
                "[{\"benchmark\":\"a.B.c\",\"mode\":\"ss\",\"primaryMetric\":"
                        + "{\"score\":1.0,\"scoreUnit\":\"ms/op\",\"rawData\":[[1.0]]}}]");
        BenchmarkResult result = ResultsFile.read(file, "baseline").results().get(0);
        assertThat(result.params()).isEmpty();
        assertThat(result.operation()).isEmpty();
        assertThat(result.method()).isEqualTo("c");
        assertThat(result.paramOrNeutral(Param.IDLE)).contains("default");
        assertThat(result.np()).isEmpty();
    }

    @Test
    void missingFileIsOneLineNamingTheFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> ResultsFile.read(file, "baseline"))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage("baseline file " + file + ": no such file");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> ResultsFile.read(dir))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage("results file " + dir + ": is a directory, expected a JMH JSON results file");
    }

    @Test
    void aFileWhoseReadFailsIsNamedWithTheCause() {
        // readable by permissions, but reading fails (EIO at offset 0): works as root too
        Path unreadable = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.exists(unreadable), "needs Linux /proc");
        assertThatThrownBy(() -> ResultsFile.read(unreadable))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith("results file /proc/self/mem: cannot be read (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
    }

    @Test
    void anEmptyArrayPointsToTheContextFile() throws IOException {
        Path file = Files.writeString(dir.resolve("r.json"), "[ ]");
        Files.writeString(dir.resolve("r.context.json"), "{}");

        assertThatThrownBy(() -> ResultsFile.read(file))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("holds no benchmark results")
                .hasMessageContaining("r.context.json may say which jobs failed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty               | ''                                            | is empty",
                "blank               | '   \n  '                                     | is empty",
                "not JSON            | 'Benchmark  Mode  Cnt  Score'                 | not valid JSON (line 1",
                "truncated           | '[{\"benchmark\": \"a.B.c\", \"mode\"'        | not valid JSON",
                "trailing garbage    | '[] xyz'                                      | not valid JSON",
                "object root         | '{\"benchmark\": \"a.B.c\"}'                  | not a JMH results file (the top level is an object, not an array of results",
                "array of numbers    | '[1, 2]'                                      | result #1 is the number 1, not a JMH result object",
                "no benchmark        | '[{\"mode\": \"avgt\"}]'                      | result #1 has no 'benchmark' text",
                "no primaryMetric    | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]' | result #1 (a.B.c) has no 'primaryMetric' object",
                "no unit             | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1}}]' | has no 'scoreUnit' text",
                "score not a number  | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": \"fast\", \"scoreUnit\": \"us/op\"}}]' | 'score' is the text 'fast', not a number",
                "Infinity spelt so   | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": \"Infinity\", \"scoreUnit\": \"us/op\"}}]' | 'score' is the text 'Infinity', not a number",
                "rawData not arrays  | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"us/op\", \"rawData\": [1, 2]}}]' | 'rawData' fork is the number 1, not an array",
                "np not a number     | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"params\": {\"np\": \"two\"}, \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"us/op\"}}]' | has np='two', expected a whole number >= 1",
                "negative size       | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"params\": {\"size\": \"-4\"}, \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"us/op\"}}]' | has size='-4', expected a whole number >= 0",
            })
    void unusableFileIsOneLineNamingTheFile(String what, String content, String expected) throws IOException {
        Path file = dir.resolve("current.json");
        Files.writeString(file, content);

        assertThatThrownBy(() -> ResultsFile.read(file, "current"))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith("current file " + file + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void theSameBenchmarkTwiceIsRejected() {
        Path file = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {1, 2})
                .params("loopback", 2, 1)
                .done()
                .add(Operation.SEND, new double[] {1, 2})
                .params("loopback", 2, 1)
                .done()
                .writeTo(dir.resolve("twice.json"));

        assertThatThrownBy(() -> ResultsFile.read(file, "current"))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("result #2 repeats result #1");
    }

    @Test
    void theCommittedBaselineIsRead() {
        Path baseline = Path.of("../../results/baseline/baseline.json");
        Assumptions.assumeTrue(Files.exists(baseline), "no committed baseline at " + baseline.toAbsolutePath());

        List<BenchmarkResult> results = ResultsFile.read(baseline).results();

        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.operation()).as(r.benchmark()).isPresent();
            assertThat(r.key().params())
                    .as("idle=default is left out, so keys match the baseline's")
                    .doesNotContainKey(Param.IDLE.jmhName());
        });
        // gather joined the operations after this baseline was recorded: it has the three it was recorded with.
        assertThat(results)
                .extracting(r -> r.operation().orElseThrow())
                .contains(Operation.SEND, Operation.BCAST, Operation.GATHER_AVERAGE);
    }
}
