package org.jmpibench.regression;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH JSON result file ({@code -rf json}), read and checked: an array of benchmark results, each with
 * {@code benchmark}, {@code mode}, optional {@code params}, {@code primaryMetric} (score, scoreError,
 * scoreUnit, and {@code rawData} — or {@code rawDataHistogram} in SampleTime mode) and optional
 * {@code secondaryMetrics}.
 *
 * <p>Everything that makes a file unusable — missing, empty, not JSON, JSON that is not a JMH result, the same
 * benchmark twice — is an {@link InputFileException} whose message is one line naming the file. Missing raw
 * data is not an error here (JMH omits it under {@code -Djmh.json.rawData=false}); the comparison reports
 * such a benchmark as not comparable.
 */
public final class ResultFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path path;
    private final List<MeasuredBenchmark> benchmarks;

    private ResultFile(Path path, List<MeasuredBenchmark> benchmarks) {
        this.path = path;
        this.benchmarks = Collections.unmodifiableList(benchmarks);
    }

    /**
     * Reads and checks a JMH JSON result file.
     *
     * @param path the file
     * @param role how the file is named in error messages, e.g. {@code "baseline"} or {@code "current"}
     * @return the file's benchmark results, in file order
     * @throws InputFileException if the file is missing, empty, not JSON or not a JMH result
     */
    public static ResultFile read(Path path, String role) {
        String name = role + " file " + path;
        if (!Files.exists(path)) {
            throw new InputFileException(name + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InputFileException(name + ": is a directory, expected a JMH JSON result file");
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new InputFileException(name + ": cannot be read (" + oneLine(e.toString()) + ")", e);
        }
        if (text.isBlank()) {
            throw new InputFileException(name + ": is empty, expected a JMH JSON result");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InputFileException(name + ": not valid JSON (" + where + oneLine(e.getOriginalMessage()) + ")", e);
        }
        return new ResultFile(path, new Parser(name).benchmarks(root));
    }

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** The benchmark results, in file order; never empty. */
    public List<MeasuredBenchmark> benchmarks() {
        return benchmarks;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Turns the JSON tree into results; knows the file's name for messages. */
    private static final class Parser {
        private final String name;

        Parser(String name) {
            this.name = name;
        }

        List<MeasuredBenchmark> benchmarks(JsonNode root) {
            if (!root.isArray()) {
                throw notJmh("expected a JSON array of benchmark results, found " + describe(root));
            }
            if (root.isEmpty()) {
                throw new InputFileException(name + ": holds no benchmark results (empty JSON array;"
                        + " did every benchmark fail?)");
            }
            List<MeasuredBenchmark> result = new ArrayList<>();
            Map<BenchmarkKey, Integer> seen = new TreeMap<>();
            for (int i = 0; i < root.size(); i++) {
                String element = "element #" + (i + 1);
                MeasuredBenchmark benchmark = benchmark(root.get(i), element);
                Integer earlier = seen.putIfAbsent(benchmark.key(), i + 1);
                if (earlier != null) {
                    throw notJmh(element + " repeats element #" + earlier + ", " + benchmark.key());
                }
                result.add(benchmark);
            }
            return result;
        }

        private MeasuredBenchmark benchmark(JsonNode node, String element) {
            if (!node.isObject()) {
                throw notJmh(element + " is " + describe(node) + ", expected a benchmark result object");
            }
            String benchmark = requiredText(node, "benchmark", element);
            String mode = requiredText(node, "mode", element);
            Map<String, String> params = new TreeMap<>();
            JsonNode paramsNode = node.get("params");
            if (paramsNode != null && !paramsNode.isNull()) {
                if (!paramsNode.isObject()) {
                    throw notJmh(element + " has 'params' that is " + describe(paramsNode) + ", expected an object");
                }
                for (Map.Entry<String, JsonNode> e : paramsNode.properties()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            String where = element + " (" + benchmark + ")";
            JsonNode primaryNode = node.get("primaryMetric");
            if (primaryNode == null || !primaryNode.isObject()) {
                throw notJmh(where + " has no 'primaryMetric' object");
            }
            Measurement primary = measurement(Measurement.PRIMARY, primaryNode, where + " primaryMetric");
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            JsonNode secondaryNode = node.get("secondaryMetrics");
            if (secondaryNode != null && !secondaryNode.isNull()) {
                if (!secondaryNode.isObject()) {
                    throw notJmh(where + " has 'secondaryMetrics' that is " + describe(secondaryNode)
                            + ", expected an object");
                }
                for (Map.Entry<String, JsonNode> e : secondaryNode.properties()) {
                    if (!e.getValue().isObject()) {
                        throw notJmh(where + " secondary metric '" + e.getKey() + "' is not an object");
                    }
                    secondary.put(e.getKey(),
                            measurement(e.getKey(), e.getValue(), where + " secondary metric '" + e.getKey() + "'"));
                }
            }
            return new MeasuredBenchmark(BenchmarkKey.of(benchmark, mode, params), primary, secondary);
        }

        private Measurement measurement(String metric, JsonNode node, String where) {
            String unitLabel = requiredText(node, "scoreUnit", where);
            JsonNode scoreNode = node.get("score");
            if (scoreNode == null) {
                throw notJmh(where + " has no 'score'");
            }
            double score = number(scoreNode, where + " 'score'");
            JsonNode errorNode = node.get("scoreError");
            double error = errorNode == null ? Double.NaN : number(errorNode, where + " 'scoreError'");
            List<Double> iterations = new ArrayList<>();
            int forks;
            if (node.has("rawDataHistogram")) {
                forks = histogramIterations(node.get("rawDataHistogram"), where, iterations);
            } else if (node.has("rawData")) {
                forks = rawIterations(node.get("rawData"), where, iterations);
            } else {
                forks = 0;
            }
            double[] scores = iterations.stream().mapToDouble(Double::doubleValue).toArray();
            return new Measurement(metric, ScoreUnit.parse(unitLabel), score, error, forks, scores);
        }

        /** {@code rawData}: one array per fork, holding each measured iteration's score. */
        private int rawIterations(JsonNode rawData, String where, List<Double> into) {
            String field = where + " 'rawData'";
            requireArray(rawData, field);
            int forks = 0;
            for (JsonNode fork : rawData) {
                requireArray(fork, field + " fork");
                if (!fork.isEmpty()) {
                    forks++;
                }
                for (JsonNode iteration : fork) {
                    into.add(number(iteration, field + " iteration"));
                }
            }
            return forks;
        }

        /**
         * {@code rawDataHistogram} (SampleTime): per fork, per iteration, a list of {@code [value, count]};
         * each iteration becomes its count-weighted mean, as in JMH's own iteration score.
         */
        private int histogramIterations(JsonNode histogram, String where, List<Double> into) {
            String field = where + " 'rawDataHistogram'";
            requireArray(histogram, field);
            int forks = 0;
            for (JsonNode fork : histogram) {
                requireArray(fork, field + " fork");
                if (!fork.isEmpty()) {
                    forks++;
                }
                for (JsonNode iteration : fork) {
                    requireArray(iteration, field + " iteration");
                    double sum = 0;
                    double count = 0;
                    for (JsonNode bucket : iteration) {
                        if (!bucket.isArray() || bucket.size() != 2) {
                            throw notJmh(field + " has a bucket that is not [value, count]: " + bucket);
                        }
                        double value = number(bucket.get(0), field + " value");
                        double n = number(bucket.get(1), field + " count");
                        sum += value * n;
                        count += n;
                    }
                    if (count > 0) {
                        into.add(sum / count);
                    }
                }
            }
            return forks;
        }

        private String requiredText(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw notJmh(where + " has no '" + field + "' text");
            }
            return value.asText();
        }

        private void requireArray(JsonNode node, String field) {
            if (node == null || !node.isArray()) {
                throw notJmh(field + " is " + describe(node) + ", expected an array");
            }
        }

        /** JMH writes NaN and infinities as the strings "NaN", "+INF" and "-INF". */
        private double number(JsonNode node, String field) {
            if (node != null && node.isNumber()) {
                return node.doubleValue();
            }
            if (node != null && node.isTextual()) {
                switch (node.asText()) {
                    case "NaN":
                        return Double.NaN;
                    case "+INF":
                    case "INF":
                        return Double.POSITIVE_INFINITY;
                    case "-INF":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        try {
                            return Double.parseDouble(node.asText());
                        } catch (NumberFormatException e) {
                            // fall through to the error below
                        }
                }
            }
            throw notJmh(field + " is " + describe(node) + ", expected a number");
        }

        private InputFileException notJmh(String what) {
            return new InputFileException(name + ": not a JMH JSON result: " + what);
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "missing";
            }
            if (node.isArray()) {
                return "an array";
            }
            if (node.isObject()) {
                return "an object";
            }
            if (node.isTextual()) {
                String text = node.asText();
                return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
            }
            return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + node;
        }
    }
}
