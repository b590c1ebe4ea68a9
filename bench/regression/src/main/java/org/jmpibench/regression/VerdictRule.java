package org.jmpibench.regression;

import java.util.Locale;
import org.hipparchus.stat.descriptive.rank.Median;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ScoreUnit;

/**
 * Decides the verdict for one metric measured in both runs.
 *
 * <h2>The rule</h2>
 *
 * A change is {@link Verdict#REGRESSED regressed} (or {@link Verdict#IMPROVED improved}) only when both hold:
 *
 * <ol>
 *   <li><b>it is real</b>: the two-sided Mann-Whitney U test on the per-iteration scores of all forks gives {@code p <
 *       alpha};
 *   <li><b>it matters</b>: the factor between the two medians, {@code max(b, c) / min(b, c)}, exceeds {@code 1 +
 *       threshold}.
 * </ol>
 *
 * Its direction comes from the unit: more time per operation is worse, more operations per time is better. Everything
 * else is {@link Verdict#UNCHANGED}, with the reason saying which condition failed.
 *
 * <h2>Why these choices</h2>
 *
 * <ul>
 *   <li><b>Rank test, not means or t-test</b>: iteration scores of a benchmark are skewed and often multimodal (JIT
 *       tiers, GC, a neighbour on a 2-core machine); a single slow iteration moves a mean and inflates a standard
 *       deviation, but moves one rank only. The test needs no normality.
 *   <li><b>Not JMH's confidence intervals</b>: {@code scoreConfidence} is a Student-t interval that assumes normal
 *       iterations, and "the intervals do not overlap" is a much stricter test than its nominal level (two 99.9%
 *       intervals that barely touch mean p far below 0.001), with no p-value to report.
 *   <li><b>Both conditions</b>: with tight iterations the test finds 1% differences that nobody should fail a build for
 *       (and that drift between runs on this machine anyway); a large change inside wide noise is not evidence.
 *       github-action-benchmark uses a ratio alone, so noise fails builds.
 *   <li><b>Medians and a factor</b>: the median goes with a rank test and ignores outlier iterations. A factor makes
 *       the threshold the same for both directions and for both kinds of unit: a 20% slowdown is +20% in us/op and
 *       -16.7% in ops/us, and both are a factor of 1.2.
 *   <li><b>Iterations as samples</b>: iterations of one fork share a JVM (JIT decisions, heap layout), so they vary
 *       less than separate runs do and the p-value is optimistic when a run has one fork. Use two or more forks; the
 *       threshold is the guard against what the p-value cannot see. No correction for multiple comparisons is applied:
 *       the threshold gate already keeps chance flags rare, and {@code --alpha} can be lowered.
 *   <li><b>Too few iterations</b>: when the sample sizes cannot reach {@code p < alpha} even with no overlap (fewer
 *       than 5 per side at alpha 0.01), the row is {@link Verdict#NOT_COMPARABLE}, not a reassuring "unchanged".
 * </ul>
 */
final class VerdictRule {

    private final ComparisonOptions options;
    private final RankSumTest rankSum = new RankSumTest();

    VerdictRule(ComparisonOptions options) {
        this.options = options;
    }

    /** How {@code compare} decides, in a sentence for the reports. */
    static String method(ComparisonOptions options) {
        return "Mann-Whitney U on per-iteration scores, p < alpha " + fmt(options.alpha())
                + ", and a factor between the medians beyond the threshold " + thresholds(options.thresholds())
                + "; values are medians of iterations";
    }

    /** {@code 10%}, or {@code 10% (op:send=15%, ...)} with per-benchmark rules. */
    static String thresholds(Thresholds thresholds) {
        String rules = thresholds.rules().stream()
                .map(Thresholds.Rule::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        return percent(thresholds.defaultThreshold()) + (rules.isEmpty() ? "" : " (" + rules + ")");
    }

    MetricComparison decide(BenchmarkKey key, String metric, Metric baseline, Metric current) {
        ScoreUnit unit = baseline.unit();
        if (!current.unit().convertibleTo(unit)) {
            return notComparable(
                    key,
                    metric,
                    baseline,
                    current,
                    "units " + unit + " and " + current.unit() + " measure different things");
        }
        if (!unit.hasDirection()) {
            return notComparable(key, metric, baseline, current, "unit " + unit + " has no known better direction");
        }
        double[] base = baseline.iterationScores();
        double[] curr = current.in(unit).iterationScores();
        if (base.length == 0 || curr.length == 0) {
            return notComparable(
                    key,
                    metric,
                    baseline,
                    current,
                    "no per-iteration raw data in the " + (base.length == 0 ? "baseline" : "current") + " run");
        }
        if (!allFinite(base) || !allFinite(curr)) {
            return notComparable(
                    key,
                    metric,
                    baseline,
                    current,
                    "NaN or infinite iteration scores in the " + (!allFinite(base) ? "baseline" : "current") + " run");
        }
        double baseMedian = new Median().evaluate(base);
        double currMedian = new Median().evaluate(curr);
        double change = currMedian / baseMedian - 1;
        double smallest = rankSum.smallestPValue(base.length, curr.length);
        if (smallest >= options.alpha()) {
            return row(
                    key,
                    metric,
                    baseline,
                    current,
                    Verdict.NOT_COMPARABLE,
                    String.format(
                            Locale.ROOT,
                            "too few iterations (%d vs %d): p cannot go below %.4f, alpha is %s",
                            base.length,
                            curr.length,
                            smallest,
                            fmt(options.alpha())),
                    baseMedian,
                    currMedian,
                    change,
                    Double.NaN,
                    Double.NaN);
        }
        if (!(baseMedian > 0 && currMedian > 0)) {
            return row(
                    key,
                    metric,
                    baseline,
                    current,
                    Verdict.NOT_COMPARABLE,
                    "median score is not positive, a relative change is meaningless",
                    baseMedian,
                    currMedian,
                    change,
                    Double.NaN,
                    Double.NaN);
        }
        double p = rankSum.pValue(base, curr);
        double threshold = options.thresholdFor(key);
        boolean worse = unit.lowerIsBetter() ? currMedian > baseMedian : currMedian < baseMedian;
        double factor = Math.max(baseMedian, currMedian) / Math.min(baseMedian, currMedian);
        double magnitude = factor - 1;
        String direction = unit.lowerIsBetter()
                ? (currMedian > baseMedian ? "slower" : "faster")
                : (currMedian < baseMedian ? "lower throughput" : "higher throughput");
        String figures = currMedian == baseMedian
                ? "same median, p=" + fmtP(p)
                : String.format(Locale.ROOT, "%s by a factor of %.3f, p=%s", direction, factor, fmtP(p));
        if (!(p < options.alpha())) {
            return row(
                    key,
                    metric,
                    baseline,
                    current,
                    Verdict.UNCHANGED,
                    "not significant (" + figures + " >= alpha " + fmt(options.alpha()) + ")",
                    baseMedian,
                    currMedian,
                    change,
                    p,
                    threshold);
        }
        if (!(magnitude > threshold)) {
            return row(
                    key,
                    metric,
                    baseline,
                    current,
                    Verdict.UNCHANGED,
                    String.format(
                            Locale.ROOT,
                            "within threshold (%s; %.1f%% <= %s)",
                            figures,
                            magnitude * 100,
                            percent(threshold)),
                    baseMedian,
                    currMedian,
                    change,
                    p,
                    threshold);
        }
        return row(
                key,
                metric,
                baseline,
                current,
                worse ? Verdict.REGRESSED : Verdict.IMPROVED,
                figures,
                baseMedian,
                currMedian,
                change,
                p,
                threshold);
    }

    private static MetricComparison notComparable(
            BenchmarkKey key, String metric, Metric baseline, Metric current, String reason) {
        return row(
                key,
                metric,
                baseline,
                current,
                Verdict.NOT_COMPARABLE,
                reason,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    private static MetricComparison row(
            BenchmarkKey key,
            String metric,
            Metric baseline,
            Metric current,
            Verdict verdict,
            String reason,
            double baseMedian,
            double currMedian,
            double change,
            double p,
            double threshold) {
        return new MetricComparison(
                key,
                metric,
                verdict,
                reason,
                baseline.unit(),
                baseline,
                current,
                baseMedian,
                currMedian,
                change,
                p,
                threshold);
    }

    /** The median iteration score, or JMH's score when the file has no raw data. */
    static double medianOrScore(Metric m) {
        return m.iterations() == 0 ? m.score() : new Median().evaluate(m.iterationScores());
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** A plain number without trailing zeros: 0.01, 10, 12.5. */
    static String fmt(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage without trailing zeros: 0.1 -> 10%, 0.125 -> 12.5%. */
    static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction)
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    /** A p-value with enough digits to compare with alpha, in scientific notation when tiny. */
    static String fmtP(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
