package org.jmpibench.regression;

import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jmpibench.results.Metric;

/**
 * The report as JSON, for tools: settings, counts per verdict, and one object per compared metric with the
 * full benchmark name, parameters, both sides' figures, the change, the p-value and the verdict. Numbers
 * that were not computed are {@code null}, never the string "NaN".
 *
 * <pre>{@code
 * {"baseline": "...", "current": "...", "threshold": 0.1, "alpha": 0.01, "regression": true,
 *  "counts": {"regressed": 1, "improved": 0, ...},
 *  "comparisons": [{"benchmark": "org.jmpibench.harness.PingPong.send", "mode": "avgt",
 *                   "params": {"backend": "loopback", ...}, "metric": "primary", "unit": "us/op",
 *                   "baseline": {"median": 10.0, "score": 10.1, "scoreError": 0.2, "iterations": 10, "forks": 2},
 *                   "current": {...}, "change": 0.2, "pValue": 0.0002, "verdict": "regressed",
 *                   "reason": "..."}]}
 * }</pre>
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The JSON text. */
    public static String render(ComparisonReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("baseline", report.baselineFile() == null ? null : report.baselineFile().toString());
        root.put("current", report.currentFile() == null ? null : report.currentFile().toString());
        root.put("threshold", report.options().threshold());
        root.put("alpha", report.options().alpha());
        root.put("regression", report.hasRegression());
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<Verdict, Integer> e : report.counts().entrySet()) {
            counts.put(e.getKey().label().replace(' ', '_'), e.getValue());
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (MetricComparison row : report.rows()) {
            ObjectNode node = comparisons.addObject();
            node.put("benchmark", row.key().benchmark());
            node.put("mode", row.key().mode());
            ObjectNode params = node.putObject("params");
            row.key().params().forEach(params::put);
            node.put("metric", row.metric());
            node.put("unit", row.unit().label());
            side(node, "baseline", row.baselineMeasurement().orElse(null), row.baselineMedian());
            side(node, "current", row.currentMeasurement().orElse(null), row.currentMedian());
            number(node, "change", row.change());
            number(node, "pValue", row.pValue());
            node.put("verdict", row.verdict().label().replace(' ', '_'));
            node.put("reason", row.reason());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    /** One side's figures; {@code median} is in the row's unit, score and error in the side's own unit. */
    private static void side(ObjectNode parent, String name, Metric m, double median) {
        if (m == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode node = parent.putObject(name);
        number(node, "median", median);
        number(node, "score", m.score());
        number(node, "scoreError", m.scoreError());
        node.put("scoreUnit", m.unit().label());
        node.put("iterations", m.iterations());
        node.put("forks", m.forks());
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
