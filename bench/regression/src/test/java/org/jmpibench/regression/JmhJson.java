package org.jmpibench.regression;

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

/**
 * Builds JMH 1.37-shaped JSON result files for tests: the fields JMH writes, with per-fork raw data given
 * by the test, and score/scoreError derived from it as JMH would (mean; error only as a plausible figure).
 */
final class JmhJson {

    static final String PING_PONG = "org.jmpibench.harness.PingPong.pingPong";
    static final String BCAST = "org.jmpibench.harness.Bcast.bcast";
    static final String GATHER_AVERAGE = "org.jmpibench.harness.GatherAverage.gatherAverage";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ObjectNode> results = new ArrayList<>();

    static JmhJson file() {
        return new JmhJson();
    }

    /** Adds a benchmark result; {@code forks} holds each fork's iteration scores. */
    Result add(String benchmark, String mode, String unit, double[]... forks) {
        Result r = new Result(benchmark, mode, unit, forks);
        return r;
    }

    /** One benchmark result under construction; {@link #done()} adds it to the file. */
    final class Result {
        private final ObjectNode node = MAPPER.createObjectNode();
        private final Map<String, String> params = new LinkedHashMap<>();
        private final ObjectNode secondary = MAPPER.createObjectNode();

        Result(String benchmark, String mode, String unit, double[][] forks) {
            node.put("jmhVersion", "1.37");
            node.put("benchmark", benchmark);
            node.put("mode", mode);
            node.put("threads", 1);
            node.put("forks", forks.length);
            node.put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
            node.putArray("jvmArgs");
            node.put("jdkVersion", "17.0.13");
            node.put("warmupIterations", 2);
            node.put("warmupTime", "1 s");
            node.put("warmupBatchSize", 1);
            node.put("measurementIterations", forks.length == 0 ? 0 : forks[0].length);
            node.put("measurementTime", "1 s");
            node.put("measurementBatchSize", 1);
            node.set("primaryMetric", metric(unit, forks));
        }

        Result param(String name, String value) {
            params.put(name, value);
            return this;
        }

        /** backend, np, size, buffer: the parameters of our harness. */
        Result harnessParams(String backend, int np, int size) {
            return param("backend", backend).param("np", Integer.toString(np)).param("size", Integer.toString(size))
                    .param("buffer", "heap");
        }

        Result secondary(String name, String unit, double[]... forks) {
            secondary.set(name, metric(unit, forks));
            return this;
        }

        /** Replaces the primary metric's raw data with a SampleTime histogram: per fork, per iteration, [value, count]. */
        Result histogram(double[][][][] forks) {
            ObjectNode primary = (ObjectNode) node.get("primaryMetric");
            primary.remove("rawData");
            primary.set("rawDataHistogram", MAPPER.valueToTree(forks));
            return this;
        }

        Result withoutRawData() {
            ((ObjectNode) node.get("primaryMetric")).remove("rawData");
            return this;
        }

        JmhJson done() {
            if (!params.isEmpty()) {
                ObjectNode p = MAPPER.createObjectNode();
                params.forEach(p::put);
                // JMH writes params before primaryMetric; field order does not matter to readers.
                node.set("params", p);
            }
            node.set("secondaryMetrics", secondary);
            results.add(node);
            return JmhJson.this;
        }
    }

    private static ObjectNode metric(String unit, double[][] forks) {
        ObjectNode m = MAPPER.createObjectNode();
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        putNumber(m, "score", mean);
        putNumber(m, "scoreError", n < 2 ? Double.NaN : mean * 0.01);
        ArrayNode confidence = m.putArray("scoreConfidence");
        confidence.add(mean * 0.99);
        confidence.add(mean * 1.01);
        m.put("scoreUnit", unit);
        ArrayNode raw = m.putArray("rawData");
        for (double[] fork : forks) {
            ArrayNode f = raw.addArray();
            for (double v : fork) {
                f.add(v);
            }
        }
        return m;
    }

    /** JMH writes NaN as the string "NaN". */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.put(field, "NaN");
        } else {
            node.put(field, value);
        }
    }

    String text() {
        ArrayNode array = MAPPER.createArrayNode();
        results.forEach(array::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeTo(Path file) {
        try {
            Files.writeString(file, text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Iteration scores {@code base * factors[i]}. */
    static double[] scaled(double base, double... factors) {
        double[] out = new double[factors.length];
        for (int i = 0; i < factors.length; i++) {
            out[i] = base * factors[i];
        }
        return out;
    }

    /** Each value multiplied by {@code factor}. */
    static double[] times(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
