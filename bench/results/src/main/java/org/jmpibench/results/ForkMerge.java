package org.jmpibench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Merges the results files of several runs of the same benchmarks, one JMH fork each, into one JMH JSON results file as
 * JMH would have written it had it run them as forks of one run: per benchmark, every fork's measured iterations
 * ({@code rawData}, or {@code rawDataHistogram} in SampleTime mode) in the order of the files, the {@code forks} count,
 * and score, error, confidence interval and percentiles recomputed over all of them by JMH's own statistics
 * ({@link JmhJson}). Everything else (parameters, JMH's settings, the metrics' units) is the first fork's. A benchmark
 * missing from some files (its job failed there) has the forks it has.
 *
 * <p>Each file is first read with {@link ResultsFile} (the strict reader), so a file it refuses is refused here with
 * the same one-line message. A metric without raw data cannot be merged truthfully and is refused too.
 */
public final class ForkMerge {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ForkMerge() {}

    /**
     * The merged JMH JSON.
     *
     * @param forkFiles results files, each of one fork per benchmark, in the order their forks ran; not empty
     * @throws ResultsFileException if a file is not a usable results file, or a metric has no raw data or another unit
     *     than the same metric of the first fork
     */
    public static byte[] merge(List<Path> forkFiles) {
        if (forkFiles.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Map<BenchmarkKey, List<ObjectNode>> byKey = new LinkedHashMap<>();
        for (Path file : forkFiles) {
            List<BenchmarkResult> results = ResultsFile.read(file).results();
            ArrayNode nodes = readTree(file);
            for (int i = 0; i < results.size(); i++) {
                byKey.computeIfAbsent(results.get(i).key(), key -> new ArrayList<>())
                        .add((ObjectNode) nodes.get(i));
            }
        }
        ArrayNode merged = MAPPER.createArrayNode();
        byKey.forEach((key, forks) -> merged.add(mergeResult(key, forks)));
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(merged);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    private static ArrayNode readTree(Path file) {
        try {
            return (ArrayNode) MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ResultsFileException("results file " + file + ": cannot be read (" + IoCause.of(e) + ")", e);
        }
    }

    private static ObjectNode mergeResult(BenchmarkKey key, List<ObjectNode> forks) {
        ObjectNode result = forks.get(0).deepCopy();
        int forkCount = 0;
        for (ObjectNode fork : forks) {
            forkCount += fork.path("forks").asInt(1);
        }
        result.put("forks", forkCount);
        result.set(
                "primaryMetric",
                mergeMetric(
                        key + " primaryMetric",
                        forks.stream()
                                .map(f -> (ObjectNode) f.get("primaryMetric"))
                                .toList()));
        JsonNode secondary = result.get("secondaryMetrics");
        if (secondary != null && secondary.isObject()) {
            ObjectNode mergedSecondary = MAPPER.createObjectNode();
            secondary.fieldNames().forEachRemaining(name -> {
                List<ObjectNode> metrics = new ArrayList<>();
                for (ObjectNode fork : forks) {
                    JsonNode metric = fork.path("secondaryMetrics").get(name);
                    if (metric != null && metric.isObject()) {
                        metrics.add((ObjectNode) metric);
                    }
                }
                mergedSecondary.set(name, mergeMetric(key + " secondary metric '" + name + "'", metrics));
            });
            result.set("secondaryMetrics", mergedSecondary);
        }
        return result;
    }

    private static ObjectNode mergeMetric(String what, List<ObjectNode> metrics) {
        ObjectNode merged = metrics.get(0).deepCopy();
        String unit = merged.path("scoreUnit").asText();
        boolean histogram = merged.has("rawDataHistogram");
        String field = histogram ? "rawDataHistogram" : "rawData";
        ArrayNode raw = MAPPER.createArrayNode();
        for (ObjectNode metric : metrics) {
            if (!metric.path("scoreUnit").asText().equals(unit)) {
                throw new ResultsFileException(what + ": forks in different units, " + unit + " and "
                        + metric.path("scoreUnit").asText() + "; they cannot be merged");
            }
            JsonNode forks = metric.get(field);
            if (forks == null || !forks.isArray()) {
                throw new ResultsFileException(what + ": a fork without " + field + "; forks can only be merged "
                        + "from their measured iterations");
            }
            forks.forEach(raw::add);
        }
        merged.set(field, raw);
        JmhJson.putFigures(merged, histogram ? histogramStatistics(raw) : iterationStatistics(raw));
        return merged;
    }

    private static Statistics iterationStatistics(ArrayNode forks) {
        ListStatistics statistics = new ListStatistics();
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                statistics.addValue(value(iteration));
            }
        }
        return statistics;
    }

    /** SampleTime: JMH's run result is over every sample of every iteration, as a multiset. */
    private static Statistics histogramStatistics(ArrayNode forks) {
        MultisetStatistics statistics = new MultisetStatistics();
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                for (JsonNode bucket : iteration) {
                    statistics.addValue(value(bucket.get(0)), bucket.get(1).asLong());
                }
            }
        }
        return statistics;
    }

    /** A number the strict reader accepted. */
    private static double value(JsonNode node) {
        return JmhJson.value(node);
    }
}
