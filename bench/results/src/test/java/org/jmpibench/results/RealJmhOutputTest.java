package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader against what JMH 1.37 itself writes ({@link RealJmhRun}), in all four modes. */
class RealJmhOutputTest {

    @Test
    void everyModeIsReadWithItsIterations() {
        List<BenchmarkResult> results = ResultsFile.read(RealJmhRun.file()).results();

        assertThat(results).hasSize(RealJmhRun.RESULTS);
        assertThat(results).extracting(BenchmarkResult::mode).containsOnly("avgt", "thrpt", "sample", "ss");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.benchmark()).isEqualTo(TinyBenchmark.class.getName() + ".spin");
            assertThat(r.params()).containsOnlyKeys("size");
            assertThat(r.primary().iterations()).isEqualTo(5);
            assertThat(r.primary().forks()).isEqualTo(1);
            assertThat(r.primary().unit().hasDirection()).isTrue();
            assertThat(r.jmhSettings()).containsEntry("jmhVersion", "1.37").containsKey("measurementTime");
            assertThat(r.operation()).isEmpty();
        });
        assertThat(results)
                .filteredOn(r -> r.mode().equals("thrpt"))
                .allSatisfy(r -> assertThat(r.primary().unit().label()).isEqualTo("ops/us"));
        assertThat(results)
                .filteredOn(r -> !r.mode().equals("thrpt"))
                .allSatisfy(r -> assertThat(r.primary().unit()).isEqualTo(ScoreUnit.MICROS_PER_OP));
    }

    @Test
    void sampleModeIterationMeansMatchJmhsScore() {
        // JMH's SampleTime score is the mean over all samples; with equal-length iterations it is close to,
        // but not exactly, the mean of iteration means: both come from the same histogram buckets.
        BenchmarkResult sample = ResultsFile.read(RealJmhRun.file()).results().stream()
                .filter(r -> r.mode().equals("sample"))
                .findFirst()
                .orElseThrow();
        double[] iterations = sample.primary().iterationScores();
        assertThat(sample.primary().score())
                .isBetween(
                        Arrays.stream(iterations).min().orElseThrow(),
                        Arrays.stream(iterations).max().orElseThrow());
    }

    @Test
    void throughputBecomesTimePerOperation() {
        List<BenchmarkResult> results = ResultsFile.read(RealJmhRun.file()).results();
        BenchmarkResult throughput = results.stream()
                .filter(r -> r.mode().equals("thrpt"))
                .findFirst()
                .orElseThrow();

        Metric time = throughput.primary().asTimePerOp(ScoreUnit.MICROS_PER_OP);

        assertThat(time.unit()).isEqualTo(ScoreUnit.MICROS_PER_OP);
        assertThat(time.score())
                .isCloseTo(1 / throughput.primary().score(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(time.iterations()).isEqualTo(5);
    }
}
