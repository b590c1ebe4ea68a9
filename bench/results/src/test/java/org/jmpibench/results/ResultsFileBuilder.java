package org.jmpibench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Builds JMH 1.37-shaped JSON results files for tests, the one fixture builder of the project (shared through this
 * module's test jar): every field JMH writes, in its order, with the per-fork iteration scores the test gives, and
 * score, error, confidence interval and percentiles computed by JMH's own statistics ({@link ListStatistics} through
 * {@link JmhJson}), non-finite numbers written as JMH writes them ({@code "NaN"}, {@code "+INF"}, {@code "-INF"}).
 * Benchmark names come from {@link Operation}, parameter and metric names from {@link Param} and
 * {@link SecondaryMetric}, so fixtures look like what the harness writes.
 *
 * <pre>{@code
 * Path file = ResultsFileBuilder.file()
 *         .add(Operation.SEND, new double[] {10.1, 9.9, 10.0}).params("loopback", 2, 1024).done()
 *         .writeTo(dir.resolve("run.json"));
 * }</pre>
 */
public final class ResultsFileBuilder {

    /** The unit our harness writes. */
    public static final String US_PER_OP = "us/op";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ObjectNode> results = new ArrayList<>();

    private ResultsFileBuilder() {}

    public static ResultsFileBuilder file() {
        return new ResultsFileBuilder();
    }

    /** A result of one of our operations, mode avgt in us/op as the harness runs it; {@code forks} per fork. */
    public Result add(Operation op, double[]... forks) {
        return add(op.benchmarkName(), "avgt", US_PER_OP, forks);
    }

    /** A result of any benchmark; {@code forks} holds each fork's iteration scores in {@code unit}. */
    public Result add(String benchmark, String mode, String unit, double[]... forks) {
        return new Result(benchmark, mode, unit, forks);
    }

    /** One benchmark result under construction; {@link #done()} adds it to the file. */
    public final class Result {
        private final ObjectNode node = MAPPER.createObjectNode();
        private final Map<String, String> params = new LinkedHashMap<>();
        private final ObjectNode primary;
        private final ObjectNode secondary = MAPPER.createObjectNode();
        private final String unit;

        private Result(String benchmark, String mode, String unit, double[][] forks) {
            this.unit = unit;
            node.put("jmhVersion", "1.37");
            node.put("benchmark", benchmark);
            node.put("mode", mode);
            node.put("threads", 1);
            node.put("forks", forks.length);
            node.put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
            node.putArray("jvmArgs").add("-Xmx512m");
            node.put("jdkVersion", "17.0.15");
            node.put("vmName", "OpenJDK 64-Bit Server VM");
            node.put("vmVersion", "17.0.15+6-Debian-1deb12u1");
            node.put("warmupIterations", 2);
            node.put("warmupTime", "200 ms");
            node.put("warmupBatchSize", 1);
            node.put("measurementIterations", forks.length == 0 ? 0 : forks[0].length);
            node.put("measurementTime", "200 ms");
            node.put("measurementBatchSize", 1);
            primary = metric(unit, forks);
        }

        public Result param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Result param(Param param, Object value) {
            return param(param.jmhName(), String.valueOf(value));
        }

        /** Our harness's parameters: backend, np, size, and buffer {@code array}. */
        public Result params(String backend, int np, long size) {
            return param(Param.BACKEND, backend)
                    .param(Param.NP, np)
                    .param(Param.SIZE, size)
                    .param(Param.BUFFER, "array");
        }

        /** One of our secondary metrics, in the primary metric's unit. */
        public Result secondary(SecondaryMetric metric, double[]... forks) {
            return secondary(metric.jmhName(), unit, forks);
        }

        public Result secondary(String name, String metricUnit, double[]... forks) {
            secondary.set(name, metric(metricUnit, forks));
            return this;
        }

        /**
         * Replaces the primary metric's raw data with a SampleTime histogram: per fork, per iteration, [value, count].
         */
        public Result histogram(double[][][][] forks) {
            primary.remove("rawData");
            primary.set("rawDataHistogram", MAPPER.valueToTree(forks));
            return this;
        }

        /** As JMH writes it under {@code -Djmh.json.rawData=false}. */
        public Result withoutRawData() {
            primary.remove("rawData");
            return this;
        }

        /** Overrides the primary metric's score (e.g. with NaN or an infinity, written as JMH writes them). */
        public Result score(double score) {
            putNumber(primary, "score", score);
            return this;
        }

        public ResultsFileBuilder done() {
            ObjectNode p = node.putObject("params");
            params.forEach(p::put);
            node.set("primaryMetric", primary);
            node.set("secondaryMetrics", secondary);
            results.add(node);
            return ResultsFileBuilder.this;
        }
    }

    private static ObjectNode metric(String unit, double[][] forks) {
        ObjectNode m = MAPPER.createObjectNode();
        ListStatistics statistics = new ListStatistics();
        for (double[] fork : forks) {
            for (double value : fork) {
                statistics.addValue(value);
            }
        }
        JmhJson.putFigures(m, statistics);
        m.put("scoreUnit", unit);
        ArrayNode raw = m.putArray("rawData");
        for (double[] fork : forks) {
            ArrayNode f = raw.addArray();
            for (double v : fork) {
                f.add(JmhJson.number(v));
            }
        }
        return m;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        node.set(field, JmhJson.number(value));
    }

    public String text() {
        ArrayNode array = MAPPER.createArrayNode();
        results.forEach(array::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path writeTo(Path file) {
        try {
            Files.writeString(file, text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Iteration scores {@code base * factors[i]}. */
    public static double[] scaled(double base, double... factors) {
        double[] out = new double[factors.length];
        for (int i = 0; i < factors.length; i++) {
            out[i] = base * factors[i];
        }
        return out;
    }

    /** Each value multiplied by {@code factor}. */
    public static double[] times(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
