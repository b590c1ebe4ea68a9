package org.jmpibench.harness.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.stat.descriptive.rank.Median;
import org.jmpibench.results.Sizes;

/**
 * The calibration table: per point, the suite's figure divided by the plain program's, round by round; the median ratio
 * and its spread (min to max) over the rounds, and the median of each side in us per operation. A point whose median
 * ratio is above {@value #GOAL} is flagged {@link Verdict#OVER}: the suite reports the library slower than it is, by
 * more than the tolerance.
 */
final class CalibrationTable {

    /** Largest median suite / plain ratio that passes. */
    static final double GOAL = 1.10;

    enum Verdict {
        /** Median ratio at most {@value #GOAL}. */
        WITHIN,
        /** Median ratio above {@value #GOAL}: flagged. */
        OVER,
        /** A round without both figures (a job failed): the ratios are of the rounds that ran. */
        FAILED
    }

    /**
     * One round at one point.
     *
     * @param suiteMicros median over the suite's measurement iterations, us/op; NaN when its job failed
     * @param plainMicros median over the plain program's measured iterations, us/op; NaN when it failed
     * @param suiteFirst whether the suite's job ran before the plain program's in this round
     * @param failures what failed, one line each
     */
    record Round(double suiteMicros, double plainMicros, boolean suiteFirst, List<String> failures) {
        Round {
            failures = List.copyOf(failures);
        }

        double ratio() {
            return suiteMicros / plainMicros;
        }

        boolean measured() {
            return Double.isFinite(suiteMicros) && Double.isFinite(plainMicros) && plainMicros > 0;
        }
    }

    /** A point's rounds and what they add up to. */
    record Row(
            CalibrationPoint point,
            List<Round> rounds,
            double ratioMedian,
            double ratioMin,
            double ratioMax,
            double suiteMedianMicros,
            double plainMedianMicros,
            Verdict verdict) {}

    private final Map<CalibrationPoint, List<Round>> rounds = new LinkedHashMap<>();

    void record(CalibrationPoint point, Round round) {
        rounds.computeIfAbsent(point, p -> new ArrayList<>()).add(round);
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rounds.forEach((point, list) -> rows.add(row(point, list)));
        return rows;
    }

    private static Row row(CalibrationPoint point, List<Round> list) {
        double[] ratios =
                list.stream().filter(Round::measured).mapToDouble(Round::ratio).toArray();
        double[] suite = list.stream()
                .mapToDouble(Round::suiteMicros)
                .filter(Double::isFinite)
                .toArray();
        double[] plain = list.stream()
                .mapToDouble(Round::plainMicros)
                .filter(Double::isFinite)
                .toArray();
        double median = median(ratios);
        Verdict verdict = ratios.length < list.size() ? Verdict.FAILED : median > GOAL ? Verdict.OVER : Verdict.WITHIN;
        double min = ratios.length == 0
                ? Double.NaN
                : java.util.Arrays.stream(ratios).min().getAsDouble();
        double max = ratios.length == 0
                ? Double.NaN
                : java.util.Arrays.stream(ratios).max().getAsDouble();
        return new Row(point, List.copyOf(list), median, min, max, median(suite), median(plain), verdict);
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Median().evaluate(values);
    }

    /** The table as printed at the end of {@code calibrate}. */
    String render(int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%n# calibrate: suite / plain program on the library itself (same "
                        + "launcher, JVM options, binding, environment), %d interleaved rounds; goal: median <= %.2f%n",
                rounds,
                GOAL));
        out.append(String.format(
                Locale.ROOT,
                "%-12s %-3s %-7s %-7s %-6s %8s %17s %11s %11s  %s%n",
                "backend",
                "np",
                "op",
                "size",
                "buffer",
                "median",
                "[min - max]",
                "suite us",
                "plain us",
                "verdict"));
        for (Row row : rows()) {
            CalibrationPoint p = row.point();
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %-3d %-7s %-7s %-6s %8s %17s %11s %11s  %s%n",
                    p.backend(),
                    p.np(),
                    p.op().cliName(),
                    Sizes.format(p.size()),
                    p.buffer().cliName(),
                    fmt(row.ratioMedian(), 3),
                    "[" + fmt(row.ratioMin(), 3) + " - " + fmt(row.ratioMax(), 3) + "]",
                    fmt(row.suiteMedianMicros(), 3),
                    fmt(row.plainMedianMicros(), 3),
                    verdictText(row)));
        }
        return out.toString();
    }

    private static String verdictText(Row row) {
        return switch (row.verdict()) {
            case WITHIN -> "ok";
            case OVER -> String.format(Locale.ROOT, "OVER %.2f", GOAL);
            case FAILED ->
                "FAILED: "
                        + row.rounds().stream()
                                .flatMap(r -> r.failures().stream())
                                .findFirst()
                                .orElse("a round has no figure");
        };
    }

    /** One line: how many points are flagged, and which. */
    String verdictLine() {
        List<Row> rows = rows();
        List<String> over = new ArrayList<>();
        int failed = 0;
        for (Row row : rows) {
            if (row.verdict() == Verdict.OVER) {
                over.add(row.point().describe() + " (" + fmt(row.ratioMedian(), 2) + ")");
            } else if (row.verdict() == Verdict.FAILED) {
                failed++;
            }
        }
        String line = over.isEmpty()
                ? String.format(Locale.ROOT, "calibrate: every measured point within %.2f", GOAL)
                : String.format(
                        Locale.ROOT,
                        "calibrate: %d of %d points OVER %.2f: %s",
                        over.size(),
                        rows.size(),
                        GOAL,
                        String.join(", ", over));
        return failed == 0 ? line : line + "; " + failed + " point(s) FAILED";
    }

    /** Whether every point was measured in every round and none is over the goal. */
    boolean allWithin() {
        return !rounds.isEmpty() && rows().stream().allMatch(row -> row.verdict() == Verdict.WITHIN);
    }

    /** The table as {@code <run>.calibration.json}: every round's figures, and the medians and verdicts. */
    byte[] toJson(String run, String resultsFile, int roundCount, Map<String, Object> settings) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run);
        root.put("results", resultsFile);
        root.put(
                "what",
                "suite / plain program at each point: the suite's JMH score (median over measurement "
                        + "iterations) divided by the plain program's (median over its iterations), both in us per "
                        + "operation (send: one way, half a round trip), per round; rounds interleaved point by point, "
                        + "alternating which runs first");
        root.put("goal", GOAL);
        root.put("rounds", roundCount);
        root.put("settings", settings);
        List<Map<String, Object>> points = new ArrayList<>();
        for (Row row : rows()) {
            CalibrationPoint p = row.point();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("backend", p.backend());
            point.put("np", p.np());
            point.put("operation", p.op().cliName());
            point.put("size", p.size());
            point.put("bytes", Sizes.bytes(p.size()));
            point.put("buffer", p.buffer().cliName());
            point.put("ratioMedian", number(row.ratioMedian()));
            point.put("ratioMin", number(row.ratioMin()));
            point.put("ratioMax", number(row.ratioMax()));
            point.put("suiteMedianUs", number(row.suiteMedianMicros()));
            point.put("plainMedianUs", number(row.plainMedianMicros()));
            point.put("verdict", row.verdict().name().toLowerCase(Locale.ROOT));
            List<Map<String, Object>> perRound = new ArrayList<>();
            for (Round round : row.rounds()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("first", round.suiteFirst() ? "suite" : "plain");
                r.put("suiteUs", number(round.suiteMicros()));
                r.put("plainUs", number(round.plainMicros()));
                r.put("ratio", round.measured() ? number(round.ratio()) : null);
                if (!round.failures().isEmpty()) {
                    r.put("failures", round.failures());
                }
                perRound.add(r);
            }
            point.put("rounds", perRound);
            points.add(point);
        }
        root.put("points", points);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calibration table not serialisable", e);
        }
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String fmt(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }
}
