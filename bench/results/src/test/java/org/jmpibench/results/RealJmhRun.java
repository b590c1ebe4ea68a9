package org.jmpibench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What JMH 1.37 itself writes with {@code -rf json}, in all four modes, for tests that must not trust a hand-made
 * fixture to look like it: {@link TinyBenchmark} run in-process ({@code forks(0)}), 5 iterations of 10 ms per mode and
 * parameter, once per test JVM. Only the file's structure may be asserted, never a figure.
 */
public final class RealJmhRun {

    /** Benchmarks in the file: 4 modes x 2 sizes. */
    public static final int RESULTS = 8;

    private static Path file;

    private RealJmhRun() {}

    /**
     * A copy of {@link #file()} made slower beyond its noise, in JMH's own layout: every iteration of every benchmark
     * is scaled by k = 1.5 * (slowest / fastest iteration of that benchmark), so every slowed iteration is slower than
     * every original one whatever this machine's noise; time goes up by k, throughput down by k.
     */
    public static Path slowedCopy(Path target) throws IOException {
        Map<String, Double> spreadByKey = new HashMap<>();
        for (BenchmarkResult b : ResultsFile.read(file()).results()) {
            double[] it = b.primary().iterationScores();
            spreadByKey.put(
                    b.mode() + " " + b.params().get("size"),
                    Arrays.stream(it).max().orElseThrow()
                            / Arrays.stream(it).min().orElseThrow());
        }
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode root = (ArrayNode) mapper.readTree(file().toFile());
        for (JsonNode result : root) {
            String mode = result.get("mode").asText();
            double k = 1.5
                    * spreadByKey.get(
                            mode + " " + result.get("params").get("size").asText());
            double factor = mode.equals("thrpt") ? 1 / k : k;
            JsonNode primary = result.get("primaryMetric");
            JsonNode raw = primary.has("rawData") ? primary.get("rawData") : primary.get("rawDataHistogram");
            for (JsonNode fork : raw) {
                for (int i = 0; i < fork.size(); i++) {
                    if (fork.get(i).isArray()) {
                        for (JsonNode bucket : fork.get(i)) {
                            ((ArrayNode) bucket)
                                    .set(0, DoubleNode.valueOf(bucket.get(0).asDouble() * factor));
                        }
                    } else {
                        ((ArrayNode) fork).set(i, DoubleNode.valueOf(fork.get(i).asDouble() * factor));
                    }
                }
            }
        }
        return Files.writeString(target, mapper.writeValueAsString(root));
    }

    /** The results file; runs JMH the first time. */
    public static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("jmpi-real-jmh-");
                dir.toFile().deleteOnExit();
                Path json = dir.resolve("tiny.json");
                json.toFile().deleteOnExit();
                // Other JMH runs on this machine hold /tmp/jmh.lock; this one needs no exclusive machine.
                System.setProperty("jmh.ignoreLock", "true");
                new Runner(new OptionsBuilder()
                                .include(TinyBenchmark.class.getName() + "\\.")
                                .forks(0)
                                .warmupIterations(0)
                                .measurementIterations(5)
                                .measurementTime(TimeValue.milliseconds(10))
                                .mode(Mode.AverageTime)
                                .mode(Mode.Throughput)
                                .mode(Mode.SampleTime)
                                .mode(Mode.SingleShotTime)
                                .timeUnit(TimeUnit.MICROSECONDS)
                                .verbosity(VerboseMode.SILENT)
                                .resultFormat(ResultFormatType.JSON)
                                .result(json.toString())
                                .build())
                        .run();
                file = json;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RunnerException e) {
                throw new IllegalStateException("the tiny JMH run failed", e);
            }
        }
        return file;
    }
}
