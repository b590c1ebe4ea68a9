package org.jmpibench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a JMH JSON results file ({@code -rf json}, as JMH 1.37 writes it) and the optional context file beside it.
 *
 * <p>What it accepts: a JSON array of result objects, each with {@code benchmark}, {@code mode},
 * {@code primaryMetric.score} and {@code primaryMetric.scoreUnit}; {@code params}, {@code scoreError},
 * {@code scoreConfidence} and {@code secondaryMetrics} are optional. JMH writes {@code "NaN"} (a string) for an
 * error it could not compute; that reads as NaN. Anything else is refused with a {@link ReportException} whose
 * one-line message names the file and what is wrong with it: a results file of another tool must not turn into
 * empty charts.
 */
final class JmhResultsReader {
  /** The secondary metric in which the collectives report the slowest rank's time per operation. */
  static final String SLOWEST_RANK_METRIC = "slowestRank";

  private static final String[] JMH_SETTINGS = {
    "jmhVersion", "jdkVersion", "vmName", "vmVersion", "jvm", "jvmArgs", "threads", "forks",
    "warmupIterations", "warmupTime", "measurementIterations", "measurementTime"
  };

  private final ObjectMapper json = new ObjectMapper();

  /** Reads {@code file} as the run called {@code label}. */
  RunResults read(Path file, String label) throws ReportException {
    JsonNode root = parse(file);
    if (!root.isArray()) {
      throw notJmh(file, "the top level is a JSON " + kind(root) + ", not an array of results");
    }
    if (root.isEmpty()) {
      Path context = contextFileOf(file);
      throw ReportException.badInput(file + ": no benchmark results in it (an empty JMH results array"
          + (Files.exists(context) ? "; " + context.getFileName() + " may say which jobs failed)" : ")"));
    }
    List<Measurement> measurements = new ArrayList<>();
    int index = 0;
    for (JsonNode result : root) {
      measurements.add(measurement(file, index++, result, label));
    }
    Path contextFile = contextFileOf(file);
    Map<String, String> context = new LinkedHashMap<>();
    String contextProblem = null;
    if (Files.exists(contextFile)) {
      try {
        flatten("", readContext(contextFile), context);
      } catch (ReportException e) {
        contextProblem = e.getMessage();
      }
    }
    return new RunResults(label, file, measurements, jmhSettings(root.get(0)), context, contextProblem);
  }

  /** {@code X.json} -> {@code X.context.json} in the same directory. */
  static Path contextFileOf(Path resultsFile) {
    String name = resultsFile.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return resultsFile.resolveSibling(base + ".context.json");
  }

  private JsonNode parse(Path file) throws ReportException {
    if (Files.isDirectory(file)) {
      throw ReportException.badInput(file + ": is a directory, not a results file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw ReportException.badInput(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw ReportException.badInput(file + ": cannot read it (permission denied)");
    } catch (IOException e) {
      throw ReportException.badInput(file + ": cannot read it (" + e.getMessage() + ")");
    }
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw ReportException.badInput(file + ": is empty (did the benchmark run write no results?)");
    }
    try {
      JsonNode root = json.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw ReportException.badInput(file + ": is empty (did the benchmark run write no results?)");
      }
      return root;
    } catch (JacksonException e) {
      throw ReportException.badInput(file + ": not valid JSON (" + firstLine(e.getOriginalMessage())
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw ReportException.badInput(file + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private Measurement measurement(Path file, int index, JsonNode result, String label) throws ReportException {
    String where = "result #" + (index + 1);
    if (!result.isObject()) {
      throw notJmh(file, where + " is a JSON " + kind(result) + ", not a JMH result object");
    }
    String benchmark = text(result, "benchmark");
    JsonNode primary = result.get("primaryMetric");
    if (benchmark == null || primary == null || !primary.isObject()) {
      throw notJmh(file, where + " has no 'benchmark' and 'primaryMetric'");
    }
    where = where + " (" + benchmark + ")";
    String mode = text(result, "mode");
    if (mode == null) {
      throw notJmh(file, where + " has no 'mode'");
    }
    Map<String, String> params = params(file, where, result.get("params"));
    Metric time = metric(file, where + " primaryMetric", primary);
    Metric slowest = null;
    SortedMap<String, Metric> otherTimes = new TreeMap<>();
    JsonNode secondary = result.get("secondaryMetrics");
    if (secondary != null && secondary.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        if (name.equals(SLOWEST_RANK_METRIC)) {
          // part of the contract with the harness: a malformed one is an error, not a silent gap
          slowest = metric(file, where + " secondaryMetrics." + name, field.getValue());
        } else {
          try {
            otherTimes.put(name, metric(file, where + " secondaryMetrics." + name, field.getValue()));
          } catch (ReportException notATime) {
            // a profiler's metric in another unit (B/op, counts): not ours to show
          }
        }
      }
    }
    return new Measurement(label, benchmark, Operations.of(benchmark), mode, params, time, slowest, otherTimes);
  }

  private static Map<String, String> params(Path file, String where, JsonNode node) throws ReportException {
    Map<String, String> params = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return params;
    }
    if (!node.isObject()) {
      throw notJmh(file, where + ": 'params' is not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      params.put(field.getKey(), field.getValue().asText());
    }
    checkWholeNumber(file, where, params, "np", 1);
    checkWholeNumber(file, where, params, "size", 0);
    return params;
  }

  private static void checkWholeNumber(Path file, String where, Map<String, String> params, String name, long min)
      throws ReportException {
    String value = params.get(name);
    if (value == null) {
      return;
    }
    try {
      long number = name.equals("np") ? Integer.parseInt(value.trim()) : Long.parseLong(value.trim());
      if (number >= min) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ReportException.badInput(file + ": " + where + " has " + name + "='" + value
        + "', expected a whole number >= " + min);
  }

  private static Metric metric(Path file, String where, JsonNode node) throws ReportException {
    if (!node.isObject()) {
      throw notJmh(file, where + " is not an object");
    }
    JsonNode score = node.get("score");
    String unit = text(node, "scoreUnit");
    if (score == null || unit == null) {
      throw notJmh(file, where + " has no 'score' and 'scoreUnit'");
    }
    double value = number(score);
    if (Double.isNaN(value) && !score.isTextual()) {
      throw notJmh(file, where + ": 'score' is not a number");
    }
    double error = number(node.get("scoreError"));
    double lower = Double.NaN;
    double upper = Double.NaN;
    JsonNode confidence = node.get("scoreConfidence");
    if (confidence != null && confidence.isArray() && confidence.size() == 2) {
      lower = number(confidence.get(0));
      upper = number(confidence.get(1));
    }
    try {
      return ScoreUnits.toMicrosPerOp(unit, value, error, lower, upper);
    } catch (IllegalArgumentException e) {
      throw ReportException.badInput(file + ": " + where + ": " + e.getMessage()
          + " (expected time per op such as us/op, or ops per time such as ops/s)");
    }
  }

  /** JSON numbers, and the strings JMH writes for non-finite values ("NaN", "Infinity"); otherwise NaN. */
  private static double number(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.textValue().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static Map<String, String> jmhSettings(JsonNode first) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (first == null) {
      return settings;
    }
    for (String name : JMH_SETTINGS) {
      JsonNode value = first.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      if (value.isArray()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        settings.put(name, String.join(" ", items));
      } else {
        settings.put(name, value.asText());
      }
    }
    return settings;
  }

  private JsonNode readContext(Path contextFile) throws ReportException {
    JsonNode context;
    try {
      context = json.readTree(contextFile.toFile());
    } catch (JacksonException e) {
      throw ReportException.badInput(contextFile + ": not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw ReportException.badInput(contextFile + ": cannot read it (" + e.getMessage() + ")");
    }
    if (context == null || !context.isObject()) {
      throw ReportException.badInput(contextFile + ": expected a JSON object of names to values");
    }
    return context;
  }

  /**
   * Nested objects become dotted keys ({@code machine.cpus}); arrays of plain values are joined with ", "; arrays
   * of objects get one key per field, {@code backends.loopback.version} when the objects have a {@code name},
   * {@code failedJobs[0].reason} otherwise.
   */
  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
      }
    } else if (node.isArray()) {
      boolean plainValues = true;
      for (JsonNode item : node) {
        plainValues &= item.isValueNode();
      }
      if (plainValues) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> items.add(item.asText()));
        into.put(prefix, String.join(", ", items));
        return;
      }
      // a list of records (backends, failed jobs): one key per field; by name where the records have one
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        JsonNode name = item.get("name");
        String key = name != null && name.isTextual() ? prefix + "." + name.textValue() : prefix + "[" + i + "]";
        flatten(key, item, into);
      }
    } else {
      into.put(prefix, node.isNull() ? "" : node.asText());
    }
  }

  private static ReportException notJmh(Path file, String detail) {
    return ReportException.badInput(file + ": not a JMH results file (" + detail
        + "; expected the JSON array that JMH writes with -rf json)");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
