package org.jmpibench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH JSON results file ({@code -rf json}, as JMH 1.37 writes it), read and checked: the one reader of that format in
 * this project.
 *
 * <p>What it accepts: a non-empty JSON array of result objects, each with {@code benchmark}, {@code mode} and
 * {@code primaryMetric} ({@code score}, {@code scoreUnit}; {@code scoreError}, {@code scoreConfidence} and
 * {@code rawData} — or {@code rawDataHistogram} in SampleTime mode — when JMH wrote them), optional {@code params} and
 * {@code secondaryMetrics}. Numbers may be JSON numbers or the strings JMH writes for non-finite values, {@code "NaN"},
 * {@code "+INF"} and {@code "-INF"}, read as NaN, +∞ and −∞ (see {@link Metric}). The values of our {@link Param
 * parameters} are checked ({@code np} and {@code size} are whole numbers).
 *
 * <p>Everything else — missing, a directory, unreadable, empty, not JSON, JSON that is not a JMH result, a malformed
 * number, the same benchmark twice — is a {@link ResultsFileException} whose message is one line naming the file.
 * Missing raw data is not an error (JMH omits it under {@code -Djmh.json.rawData=false}).
 *
 * @param path the file this was read from
 * @param results the benchmark results, in file order; never empty
 */
public record ResultsFile(Path path, List<BenchmarkResult> results) {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The settings JMH writes into every result, in the order it writes them. */
    private static final List<String> JMH_SETTINGS = List.of(
            "jmhVersion",
            "jdkVersion",
            "vmName",
            "vmVersion",
            "jvm",
            "jvmArgs",
            "threads",
            "forks",
            "warmupIterations",
            "warmupTime",
            "measurementIterations",
            "measurementTime");

    public ResultsFile {
        results = List.copyOf(results);
    }

    /** Reads and checks {@code path}; errors name it as "results file PATH". */
    public static ResultsFile read(Path path) {
        return read(path, "results");
    }

    /**
     * Reads and checks a JMH JSON results file.
     *
     * @param role how the file is named in error messages, e.g. {@code "baseline"} gives "baseline file PATH: ..."
     * @throws ResultsFileException if the file is missing, unreadable, empty, not JSON or not a JMH result
     */
    public static ResultsFile read(Path path, String role) {
        String name = role + " file " + path;
        if (Files.isDirectory(path)) {
            throw new ResultsFileException(name + ": is a directory, expected a JMH JSON results file");
        }
        if (!Files.exists(path)) {
            throw new ResultsFileException(name + ": no such file");
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ResultsFileException(name + ": cannot be read (" + IoCause.of(e) + ")", e);
        }
        return parse(path, role, text);
    }

    /**
     * Checks {@code text} as the content of a results file at {@code path} (which need not exist yet): what a run is
     * about to save reads exactly as it will from the file.
     *
     * @param role how the file is named in error messages, e.g. {@code "results"}
     * @throws ResultsFileException if the text is empty, not JSON or not a JMH result
     */
    public static ResultsFile parse(Path path, String role, String text) {
        String name = role + " file " + path;
        if (text.isBlank()) {
            throw new ResultsFileException(name + ": is empty (did the benchmark run write no results?)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ResultsFileException(
                    name + ": not valid JSON (" + where + IoCause.oneLine(e.getOriginalMessage()) + ")", e);
        }
        return new ResultsFile(path, new Parser(name, path).results(root));
    }

    /** Turns the JSON tree into results; knows the file's name for messages. */
    private static final class Parser {
        private final String name;
        private final Path path;

        Parser(String name, Path path) {
            this.name = name;
            this.path = path;
        }

        List<BenchmarkResult> results(JsonNode root) {
            if (!root.isArray()) {
                throw notJmh("the top level is " + describe(root) + ", not an array of results");
            }
            if (root.isEmpty()) {
                Path context = RunFiles.contextFileOf(path);
                throw new ResultsFileException(name + ": holds no benchmark results (an empty JSON array"
                        + (Files.exists(context) ? "; " + context.getFileName() + " may say which jobs failed)" : ")"));
            }
            List<BenchmarkResult> results = new ArrayList<>();
            Map<BenchmarkKey, Integer> seen = new TreeMap<>();
            for (int i = 0; i < root.size(); i++) {
                String element = "result #" + (i + 1);
                BenchmarkResult result = result(root.get(i), element);
                Integer earlier = seen.putIfAbsent(result.key(), i + 1);
                if (earlier != null) {
                    throw notJmh(element + " repeats result #" + earlier + ", " + result.key());
                }
                results.add(result);
            }
            return results;
        }

        private BenchmarkResult result(JsonNode node, String element) {
            if (!node.isObject()) {
                throw notJmh(element + " is " + describe(node) + ", not a JMH result object");
            }
            String benchmark = requiredText(node, "benchmark", element);
            String where = element + " (" + benchmark + ")";
            String mode = requiredText(node, "mode", where);
            Map<String, String> params = params(node.get("params"), where);
            JsonNode primaryNode = node.get("primaryMetric");
            if (primaryNode == null || !primaryNode.isObject()) {
                throw notJmh(where + " has no 'primaryMetric' object");
            }
            Metric primary = metric(primaryNode, where + " primaryMetric");
            Map<String, Metric> secondary = new LinkedHashMap<>();
            JsonNode secondaryNode = node.get("secondaryMetrics");
            if (secondaryNode != null && !secondaryNode.isNull()) {
                if (!secondaryNode.isObject()) {
                    throw notJmh(
                            where + " has 'secondaryMetrics' that is " + describe(secondaryNode) + ", not an object");
                }
                for (Map.Entry<String, JsonNode> e : secondaryNode.properties()) {
                    String what = where + " secondary metric '" + e.getKey() + "'";
                    if (!e.getValue().isObject()) {
                        throw notJmh(what + " is " + describe(e.getValue()) + ", not an object");
                    }
                    secondary.put(e.getKey(), metric(e.getValue(), what));
                }
            }
            return new BenchmarkResult(benchmark, mode, params, primary, secondary, jmhSettings(node));
        }

        private Map<String, String> params(JsonNode node, String where) {
            Map<String, String> params = new TreeMap<>();
            if (node == null || node.isNull()) {
                return params;
            }
            if (!node.isObject()) {
                throw notJmh(where + " has 'params' that is " + describe(node) + ", not an object");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw notJmh(where + " has parameter '" + e.getKey() + "' that is " + describe(e.getValue()));
                }
                String value = e.getValue().asText();
                Param.byJmhName(e.getKey())
                        .flatMap(param -> param.problemWith(value))
                        .ifPresent(problem -> {
                            throw new ResultsFileException(name + ": " + where + " has " + e.getKey() + "=" + problem);
                        });
                params.put(e.getKey(), value);
            }
            return params;
        }

        private Metric metric(JsonNode node, String where) {
            String unitLabel = requiredText(node, "scoreUnit", where);
            JsonNode scoreNode = node.get("score");
            if (scoreNode == null) {
                throw notJmh(where + " has no 'score'");
            }
            double score = number(scoreNode, where + " 'score'");
            double error = optionalNumber(node.get("scoreError"), where + " 'scoreError'");
            double low = Double.NaN;
            double high = Double.NaN;
            JsonNode confidence = node.get("scoreConfidence");
            if (confidence != null && !confidence.isNull()) {
                if (!confidence.isArray() || confidence.size() != 2) {
                    throw notJmh(where + " 'scoreConfidence' is " + describe(confidence) + ", not [low, high]");
                }
                low = number(confidence.get(0), where + " 'scoreConfidence'");
                high = number(confidence.get(1), where + " 'scoreConfidence'");
            }
            double[][] raw;
            if (node.has("rawDataHistogram")) {
                raw = histogramIterations(node.get("rawDataHistogram"), where);
            } else if (node.has("rawData")) {
                raw = rawIterations(node.get("rawData"), where);
            } else {
                raw = new double[0][];
            }
            return new Metric(ScoreUnit.parse(unitLabel), score, error, low, high, raw);
        }

        /** {@code rawData}: one array per fork, holding each measured iteration's score. */
        private double[][] rawIterations(JsonNode rawData, String where) {
            String field = where + " 'rawData'";
            requireArray(rawData, field);
            double[][] forks = new double[rawData.size()][];
            for (int f = 0; f < forks.length; f++) {
                JsonNode fork = rawData.get(f);
                requireArray(fork, field + " fork");
                forks[f] = new double[fork.size()];
                for (int i = 0; i < fork.size(); i++) {
                    forks[f][i] = number(fork.get(i), field + " iteration");
                }
            }
            return forks;
        }

        /**
         * {@code rawDataHistogram} (SampleTime): per fork, per iteration, a list of {@code [value, count]}; each
         * iteration becomes its count-weighted mean, as in JMH's own iteration score.
         */
        private double[][] histogramIterations(JsonNode histogram, String where) {
            String field = where + " 'rawDataHistogram'";
            requireArray(histogram, field);
            double[][] forks = new double[histogram.size()][];
            for (int f = 0; f < forks.length; f++) {
                JsonNode fork = histogram.get(f);
                requireArray(fork, field + " fork");
                List<Double> means = new ArrayList<>();
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
                        means.add(sum / count);
                    }
                }
                forks[f] = means.stream().mapToDouble(Double::doubleValue).toArray();
            }
            return forks;
        }

        private Map<String, String> jmhSettings(JsonNode node) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String setting : JMH_SETTINGS) {
                JsonNode value = node.get(setting);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    settings.put(setting, String.join(" ", items));
                } else {
                    settings.put(setting, value.asText());
                }
            }
            return settings;
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
                throw notJmh(field + " is " + describe(node) + ", not an array");
            }
        }

        private double optionalNumber(JsonNode node, String field) {
            return node == null || node.isNull() ? Double.NaN : number(node, field);
        }

        /** A JSON number, or one of the strings JMH writes for what JSON cannot hold: "NaN", "+INF", "-INF". */
        private double number(JsonNode node, String field) {
            Double value = JmhJson.value(node);
            if (value == null) {
                throw notJmh(field + " is " + describe(node) + ", not a number");
            }
            return value;
        }

        private ResultsFileException notJmh(String what) {
            return new ResultsFileException(name + ": not a JMH results file (" + what
                    + "; expected the JSON array that JMH writes with -rf json)");
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
            return "the " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + node;
        }
    }
}
