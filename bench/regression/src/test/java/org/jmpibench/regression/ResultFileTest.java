package org.jmpibench.regression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultFileTest {

    @TempDir
    Path dir;

    /** A file in JMH 1.37's own layout (its tidy() formatting, "NaN" strings), as written by -rf json. */
    @Test
    void readsJmhsOwnLayout() throws IOException {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, String.join("\n",
                "[",
                "    {",
                "        \"jmhVersion\" : \"1.37\",",
                "        \"benchmark\" : \"org.jmpibench.harness.PingPong.pingPong\",",
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

        ResultFile result = ResultFile.read(file, "current");

        assertThat(result.benchmarks()).singleElement().satisfies(b -> {
            assertThat(b.key().benchmark()).isEqualTo("org.jmpibench.harness.PingPong.pingPong");
            assertThat(b.key().mode()).isEqualTo("avgt");
            assertThat(b.key().paramsText()).isEqualTo("backend=loopback buffer=direct np=2 size=1024");
            assertThat(b.primary().unit().label()).isEqualTo("us/op");
            assertThat(b.primary().score()).isEqualTo(2.5);
            assertThat(b.primary().scoreError()).isNaN();
            assertThat(b.primary().forks()).isEqualTo(2);
            assertThat(b.primary().iterationScores()).containsExactly(2.0, 3.0, 2.25, 2.75);
            assertThat(b.secondary()).containsOnlyKeys("slowestRank");
            assertThat(b.secondary().get("slowestRank").iterations()).isEqualTo(4);
        });
    }

    @Test
    void benchmarkWithoutParamsHasEmptyParams() throws IOException {
        Path file = dir.resolve("noparams.json");
        Files.writeString(file, "[{\"benchmark\":\"a.B.c\",\"mode\":\"ss\",\"primaryMetric\":"
                + "{\"score\":1.0,\"scoreUnit\":\"ms/op\",\"rawData\":[[1.0]]}}]");
        assertThat(ResultFile.read(file, "baseline").benchmarks().get(0).key().params()).isEmpty();
    }

    @Test
    void missingFileIsOneLineNamingTheFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> ResultFile.read(file, "baseline"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("baseline file " + file + ": no such file");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> ResultFile.read(dir, "baseline"))
                .isInstanceOf(InputFileException.class).hasMessageContaining("is a directory");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty               | ''                                            | is empty",
            "blank               | '   \n  '                                     | is empty",
            "not JSON            | 'Benchmark  Mode  Cnt  Score'                 | not valid JSON (line 1",
            "truncated           | '[{\"benchmark\": \"a.B.c\", \"mode\"'        | not valid JSON",
            "trailing garbage    | '[] xyz'                                      | not valid JSON",
            "object root         | '{\"benchmark\": \"a.B.c\"}'                  | not a JMH JSON result: expected a JSON array of benchmark results, found an object",
            "empty array         | '[]'                                          | holds no benchmark results",
            "array of numbers    | '[1, 2]'                                      | element #1 is number 1, expected a benchmark result object",
            "no benchmark        | '[{\"mode\": \"avgt\"}]'                      | element #1 has no 'benchmark' text",
            "no primaryMetric    | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]' | element #1 (a.B.c) has no 'primaryMetric' object",
            "no unit             | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1}}]' | has no 'scoreUnit' text",
            "score not a number  | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": \"fast\", \"scoreUnit\": \"us/op\"}}]' | 'score' is the text 'fast', expected a number",
            "rawData not arrays  | '[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"us/op\", \"rawData\": [1, 2]}}]' | 'rawData' fork is number 1, expected an array",
    })
    void unusableFileIsOneLineNamingTheFile(String what, String content, String expected) throws IOException {
        Path file = dir.resolve("current.json");
        Files.writeString(file, content);

        assertThatThrownBy(() -> ResultFile.read(file, "current"))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("current file " + file + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void theSameBenchmarkTwiceIsRejected() {
        Path file = JmhJson.file()
                .add(JmhJson.PING_PONG, "avgt", "us/op", new double[]{1, 2}).harnessParams("loopback", 2, 1).done()
                .add(JmhJson.PING_PONG, "avgt", "us/op", new double[]{1, 2}).harnessParams("loopback", 2, 1).done()
                .writeTo(dir.resolve("twice.json"));

        assertThatThrownBy(() -> ResultFile.read(file, "current"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("element #2 repeats element #1");
    }
}
