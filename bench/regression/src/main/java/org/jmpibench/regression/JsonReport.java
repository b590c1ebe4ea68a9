package org.jmpibench.regression;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jmpibench.results.Metric;
import org.jmpibench.results.RunContext;

/**
 * The report as JSON, for tools: the verdict line, settings, both sides (file, commit, dirty flag, host, CPU, JVM),
 * counts per verdict, and one object per compared metric with the full benchmark name, parameters, both sides' figures,
 * the change and its interval, the p-value, the threshold and the verdict. Numbers that were not computed are
 * {@code null}, never the string "NaN".
 *
 * <pre>{@code
 * {"verdict": "REGRESSION: ...", "baseline": "...", "current": "...", "threshold": 0.1, "alpha": 0.01,
 *  "regression": true, "method": "...", "warnings": [...], "notes": [...],
 *  "sides": {"baseline": {"name": "base", "file": "...", "commit": "...", "dirty": false, ...}, "current": {...}},
 *  "thresholds": [{"selector": "op:send", "threshold": 0.15}],
 *  "counts": {"regressed": 1, "improved": 0, ...},
 *  "comparisons": [{"benchmark": "org.jmpibench.harness.PingPong.send", "mode": "avgt",
 *                   "params": {"backend": "loopback", ...}, "metric": "primary", "unit": "us/op",
 *                   "baseline": {"median": 10.0, "score": 10.1, "scoreError": 0.2, "iterations": 10, "forks": 2},
 *                   "current": {...}, "change": 0.2, "changeLow": 0.15, "changeHigh": 0.26, "pairs": 24,
 *                   "pValue": 0.0002, "threshold": 0.05, "verdict": "regressed", "reason": "..."}]}
 * }</pre>
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** The JSON text. */
    public static String render(ComparisonReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", report.verdictLine());
        root.put(
                "baseline",
                report.baselineFile() == null ? null : report.baselineFile().toString());
        root.put(
                "current",
                report.currentFile() == null ? null : report.currentFile().toString());
        root.put("threshold", report.options().threshold());
        root.put("alpha", report.options().alpha());
        root.put("regression", report.hasRegression());
        root.put("method", report.method());
        report.warnings().forEach(root.putArray("warnings")::add);
        report.notes().forEach(root.putArray("notes")::add);
        ObjectNode sides = root.putObject("sides");
        side(sides.putObject("baseline"), report.baseline());
        side(sides.putObject("current"), report.current());
        ArrayNode rules = root.putArray("thresholds");
        for (Thresholds.Rule rule : report.options().thresholds().rules()) {
            rules.addObject().put("selector", rule.selector().toString()).put("threshold", rule.threshold());
        }
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
            measurement(node, "baseline", row.baselineMeasurement().orElse(null), row.baselineMedian());
            measurement(node, "current", row.currentMeasurement().orElse(null), row.currentMedian());
            number(node, "change", row.change());
            number(node, "changeLow", row.changeLow());
            number(node, "changeHigh", row.changeHigh());
            if (row.pairs() > 0) {
                node.put("pairs", row.pairs());
            }
            number(node, "pValue", row.pValue());
            number(node, "threshold", row.threshold());
            node.put("verdict", row.verdict().label().replace(' ', '_'));
            node.put("reason", row.reason());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    private static void side(ObjectNode node, ComparisonReport.Side side) {
        node.put("name", side.name());
        node.put("file", side.file() == null ? null : side.file().toString());
        RunContext context = side.context();
        if (context != null) {
            node.put("commit", context.gitCommit());
            context.gitDirty().ifPresent(dirty -> node.put("dirty", dirty));
            node.put("host", context.host());
            node.put("cpuModel", context.cpuModel());
            node.put("jvm", context.flatten().get("jvm.version"));
        }
    }

    /** One side's figures; {@code median} is in the row's unit, score and error in the side's own unit. */
    private static void measurement(ObjectNode parent, String name, Metric m, double median) {
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
