package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.ScoreUnit;
import org.jmpibench.results.SecondaryMetric;
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
        HarnessRuns run =
                HarnessRuns.run(results, "loopback", "send,bcast,gather,gather-average", "1,1Ki", "array,direct", "60");

        assertThat(run.outcome.failedJobs()).as(run.console).isEmpty();
        assertThat(run.outcome.exitStatus()).isZero();
        List<BenchmarkResult> read = run.results();
        assertThat(read).hasSize(4 * 2 * 2);
        Set<String> seen = new HashSet<>();
        for (BenchmarkResult result : read) {
            Operation op = result.operation().orElseThrow(() -> new AssertionError(result.benchmark()));
            seen.add(op.cliName() + " " + result.sizeElements().getAsLong() + " "
                    + result.param(Param.BUFFER).get());
            assertThat(result.mode()).isEqualTo("avgt");
            assertThat(result.param(Param.BACKEND)).contains("loopback");
            assertThat(result.np()).hasValue(2);
            assertThat(result.sizeElements().getAsLong()).isIn(1L, 1024L);
            assertThat(result.param(Param.BUFFER).get()).isIn("array", "direct");
            assertThat(result.param(Param.IDLE)).contains("default");
            assertPositiveTime(result.primary(), result.benchmark());
            SecondaryMetric expected = op.shape().secondaryMetric();
            assertPositiveTime(result.secondary(expected).orElse(null), result.benchmark() + " " + expected);
            for (SecondaryMetric phase : op.phases()) {
                assertPositiveTime(result.secondary(phase).orElse(null), result.benchmark() + " " + phase);
            }
            assertThat(result.secondary())
                    .as("the shape's own secondary metric and the phases")
                    .hasSize(1 + op.phases().size());
        }
        assertThat(seen).hasSize(16);

        RunContext context = run.context();
        assertThat(context.failedJobs()).isEmpty();
        assertThat(context.matrix(Param.NP.jmhName())).containsExactly("2");
        assertThat(context.results()).isEqualTo(run.outcome.json().getFileName().toString());
        assertThat(context.complete()).isTrue();
        assertThat(context.benchmarksDone()).isEqualTo(16);
        assertThat(context.flatten())
                .containsKey("backends.loopback.version")
                .containsEntry("jmh.version", "1.37")
                .containsKey("git.commit")
                .containsKey("cpuModel");
        List<String> csv = Files.readAllLines(run.outcome.copy());
        assertThat(csv.get(0)).contains("\"Param: backend\"", "\"Param: size\"");
        assertThat(csv).anyMatch(line -> line.contains(":slowestRank"));
        assertThat(run.console).contains("run   loopback", "# send  np=2  buffer=array", "harness overhead");
    }

    private static void assertPositiveTime(Metric metric, String what) {
        assertThat(metric).as(what).isNotNull();
        assertThat(Double.isFinite(metric.score()) && metric.score() > 0)
                .as(what + " score " + metric.score())
                .isTrue();
        assertThat(metric.unit()).as(what).isEqualTo(ScoreUnit.MICROS_PER_OP);
    }
}
