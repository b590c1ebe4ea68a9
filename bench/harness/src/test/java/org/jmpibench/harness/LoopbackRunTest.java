package org.jmpibench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run on the loopback backend: every benchmark is a job, and the files keep the agreed shape. */
class LoopbackRunTest {

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void tinyMatrixGivesJmhJsonWithParamsScoresAndSecondaryMetrics() throws Exception {
        HarnessRuns run = HarnessRuns.run(results, "loopback", "send,bcast,gather-average", "1,1Ki",
                "array,direct", "60");

        assertThat(run.outcome.failedJobs()).as(run.console).isEmpty();
        assertThat(run.outcome.exitStatus()).isZero();
        JsonNode json = run.json();
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(3 * 2 * 2);
        Set<String> seen = new HashSet<>();
        for (JsonNode benchmark : json) {
            String name = benchmark.get("benchmark").asText();
            JsonNode params = benchmark.get("params");
            seen.add(name + " " + params.get("size").asText() + " " + params.get("buffer").asText());
            assertThat(name).isIn(Operation.SEND.benchmarkName(), Operation.BCAST.benchmarkName(),
                    Operation.GATHER_AVERAGE.benchmarkName());
            assertThat(benchmark.get("mode").asText()).isEqualTo("avgt");
            assertThat(params.get("backend").asText()).isEqualTo("loopback");
            assertThat(params.get("np").asText()).isEqualTo("2");
            assertThat(params.get("size").asText()).isIn("1", "1024");
            assertThat(params.get("buffer").asText()).isIn("array", "direct");
            assertPositiveTime(benchmark.get("primaryMetric"), name);
            JsonNode secondary = benchmark.get("secondaryMetrics");
            if (name.equals(Operation.SEND.benchmarkName())) {
                assertPositiveTime(secondary.get(RankMetricsProfiler.HAND_TIMED), name + " handTimed");
                assertThat(secondary.has(RankMetricsProfiler.SLOWEST_RANK)).isFalse();
            } else {
                assertPositiveTime(secondary.get(RankMetricsProfiler.SLOWEST_RANK), name + " slowestRank");
            }
        }
        assertThat(seen).hasSize(12);

        JsonNode context = run.context();
        assertThat(context.get("failedJobs")).isEmpty();
        assertThat(context.get("np").get(0).asInt()).isEqualTo(2);
        assertThat(context.get("results").asText()).isEqualTo(run.outcome.json().getFileName().toString());
        assertThat(context.get("backends").findValuesAsText("name")).contains("loopback");
        assertThat(context.get("jmh").get("version").asText()).isEqualTo("1.37");
        List<String> csv = Files.readAllLines(run.outcome.csv());
        assertThat(csv.get(0)).contains("\"Param: backend\"", "\"Param: size\"");
        assertThat(csv).anyMatch(line -> line.contains(":slowestRank"));
        assertThat(run.console).contains("run   loopback", "# send  np=2  buffer=array", "harness overhead");
    }

    private static void assertPositiveTime(JsonNode metric, String what) {
        assertThat(metric).as(what).isNotNull();
        double score = metric.get("score").asDouble();
        assertThat(Double.isFinite(score) && score > 0).as(what + " score " + score).isTrue();
        assertThat(metric.get("scoreUnit").asText()).as(what).isEqualTo("us/op");
    }
}
