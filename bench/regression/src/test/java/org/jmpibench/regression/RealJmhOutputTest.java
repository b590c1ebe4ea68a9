package org.jmpibench.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads what JMH 1.37 itself writes with {@code -rf json}, in all four modes, instead of trusting a
 * hand-written fixture to look like it. The run is in-process ({@code forks(0)}), 5 iterations of 10 ms per
 * mode and parameter; only the file's structure and self-comparison are asserted, never a figure.
 */
class RealJmhOutputTest {

    @TempDir
    static Path dir;

    static Path jmhJson;

    @BeforeAll
    static void runJmh() throws Exception {
        // Other JMH runs on this machine hold /tmp/jmh.lock; this one needs no exclusive machine.
        System.setProperty("jmh.ignoreLock", "true");
        jmhJson = dir.resolve("tiny.json");
        new Runner(new OptionsBuilder()
                .include(TinyBenchmark.class.getName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(5)
                .measurementTime(TimeValue.milliseconds(10))
                .mode(Mode.AverageTime).mode(Mode.Throughput).mode(Mode.SampleTime).mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .verbosity(VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(jmhJson.toString())
                .build()).run();
    }

    @Test
    void everyModeIsReadWithItsIterations() {
        ResultFile file = ResultFile.read(jmhJson, "current");

        assertThat(file.benchmarks()).hasSize(4 * 2);
        assertThat(file.benchmarks()).extracting(b -> b.key().mode())
                .containsOnly("avgt", "thrpt", "sample", "ss");
        assertThat(file.benchmarks()).allSatisfy(b -> {
            assertThat(b.key().benchmark()).isEqualTo(TinyBenchmark.class.getName() + ".spin");
            assertThat(b.key().params()).containsOnlyKeys("size");
            assertThat(b.primary().iterations()).isEqualTo(5);
            assertThat(b.primary().unit().hasDirection()).isTrue();
        });
        assertThat(file.benchmarks()).filteredOn(b -> b.key().mode().equals("thrpt"))
                .allSatisfy(b -> assertThat(b.primary().unit().label()).isEqualTo("ops/us"));
        assertThat(file.benchmarks()).filteredOn(b -> !b.key().mode().equals("thrpt"))
                .allSatisfy(b -> assertThat(b.primary().unit().label()).isEqualTo("us/op"));
    }

    @Test
    void sampleModeIterationMeansMatchJmhsScore() {
        // JMH's SampleTime score is the mean over all samples; with equal-length iterations it is close to,
        // but not exactly, the mean of iteration means: both come from the same histogram buckets.
        MeasuredBenchmark sample = ResultFile.read(jmhJson, "current").benchmarks().stream()
                .filter(b -> b.key().mode().equals("sample")).findFirst().orElseThrow();
        double[] iterations = sample.primary().iterationScores();
        double min = java.util.Arrays.stream(iterations).min().orElseThrow();
        double max = java.util.Arrays.stream(iterations).max().orElseThrow();
        assertThat(sample.primary().score()).isBetween(min, max);
    }

    @Test
    void aRunComparedWithItselfIsUnchangedAndExitsZero() {
        ComparisonReport report = Comparison.of(jmhJson, jmhJson, ComparisonOptions.defaults());

        assertThat(report.rows()).hasSize(8).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNCHANGED);
            assertThat(r.change()).isZero();
            assertThat(r.pValue()).isEqualTo(1.0);
        });
        assertThat(report.exitCode(true)).isZero();
    }

    @Test
    void theSameRunMadeSlowerIsARegressionInEveryMode() throws IOException {
        // Scale every iteration by k = 1.5 * (slowest / fastest iteration of that benchmark): every slowed
        // iteration is then slower than every original one, whatever noise this machine put into the run, so
        // the verdict does not depend on the measured figures. Time goes up by k, throughput down by k.
        java.util.Map<String, Double> spreadByKey = new java.util.HashMap<>();
        for (MeasuredBenchmark b : ResultFile.read(jmhJson, "current").benchmarks()) {
            double[] it = b.primary().iterationScores();
            double max = java.util.Arrays.stream(it).max().orElseThrow();
            double min = java.util.Arrays.stream(it).min().orElseThrow();
            spreadByKey.put(b.key().mode() + b.key().params(), max / min);
        }
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode root = (ArrayNode) mapper.readTree(jmhJson.toFile());
        for (JsonNode result : root) {
            JsonNode primary = result.get("primaryMetric");
            String key = result.get("mode").asText() + "{size=" + result.get("params").get("size").asText() + "}";
            double k = 1.5 * spreadByKey.get(key);
            double factor = result.get("mode").asText().equals("thrpt") ? 1 / k : k;
            JsonNode raw = primary.has("rawData") ? primary.get("rawData") : primary.get("rawDataHistogram");
            for (JsonNode fork : raw) {
                for (int i = 0; i < fork.size(); i++) {
                    if (fork.get(i).isArray()) {
                        for (JsonNode bucket : fork.get(i)) {
                            ((ArrayNode) bucket).set(0, DoubleNode.valueOf(bucket.get(0).asDouble() * factor));
                        }
                    } else {
                        ((ArrayNode) fork).set(i, DoubleNode.valueOf(fork.get(i).asDouble() * factor));
                    }
                }
            }
        }
        Path slower = dir.resolve("slower.json");
        Files.writeString(slower, mapper.writeValueAsString(root));

        ComparisonReport report = Comparison.of(jmhJson, slower, ComparisonOptions.defaults());

        assertThat(report.rows()).hasSize(8)
                .allSatisfy(r -> assertThat(r.verdict()).as(r.key().toString()).isEqualTo(Verdict.REGRESSED));
    }
}
