package org.jmpibench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.util.Statistics;

/**
 * How JMH 1.37 writes a metric's figures into its JSON: JSON numbers, and the strings {@code "NaN"}, {@code "+INF"},
 * {@code "-INF"} for what JSON cannot hold; score, error (99.9%), confidence interval and the percentiles it lists,
 * from JMH's own {@link Statistics}.
 */
public final class JmhJson {

    /** The percentiles JMH writes under {@code scorePercentiles}, as it names them. */
    private static final String[] PERCENTILES = {
        "0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0"
    };

    private JmhJson() {}

    /** A number as JMH writes it. */
    public static JsonNode number(double value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (Double.isNaN(value)) {
            return nodes.textNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return nodes.textNode(value > 0 ? "+INF" : "-INF");
        }
        return nodes.numberNode(value);
    }

    /** A number as JMH wrote it: a JSON number, or one of its strings for non-finite values; null for anything else. */
    public static Double value(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.doubleValue();
        }
        if (node != null && node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "+INF":
                    return Double.POSITIVE_INFINITY;
                case "-INF":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        return null;
    }

    /**
     * Sets {@code score}, {@code scoreError}, {@code scoreConfidence} and {@code scorePercentiles} of a metric object
     * from {@code statistics}, as JMH does for a run's result.
     */
    public static void putFigures(ObjectNode metric, Statistics statistics) {
        boolean empty = statistics.getN() == 0;
        metric.set("score", number(empty ? Double.NaN : statistics.getMean()));
        metric.set("scoreError", number(statistics.getMeanErrorAt(0.999)));
        ArrayNode confidence = metric.putArray("scoreConfidence");
        double[] interval = statistics.getConfidenceIntervalAt(0.999);
        confidence.add(number(interval[0]));
        confidence.add(number(interval[1]));
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (String p : PERCENTILES) {
            percentiles.set(p, number(empty ? Double.NaN : statistics.getPercentile(Double.parseDouble(p))));
        }
    }
}
