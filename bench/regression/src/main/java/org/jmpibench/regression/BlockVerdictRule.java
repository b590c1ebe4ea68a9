package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.stat.descriptive.rank.Median;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ScoreUnit;

/**
 * Decides the verdict of one benchmark metric of an A/B run from its pairs of forks ({@link BlockDesign#pair}).
 *
 * <h2>The rule</h2>
 *
 * Each complete pair gives {@code d = log head fork - log base fork} of the per-fork medians. The change is
 * {@code exp(HL) - 1}, HL the Hodges–Lehmann estimate over the pairs, with the signed-rank interval
 * ({@link SignedRank}) at level {@code 1 - alpha / m}, where {@code m} is the number of metrics compared (Bonferroni:
 * the chance that any of them is flagged when nothing changed stays below {@code alpha}). A metric is
 * {@link Verdict#REGRESSED regressed} (or {@link Verdict#IMPROVED improved}) when both hold:
 *
 * <ol>
 *   <li>its interval excludes no change (it lies entirely on one side of 0), and
 *   <li>the estimate's factor, {@code max(r, 1/r)} of the ratio {@code r}, exceeds {@code 1 + threshold}.
 * </ol>
 *
 * The direction comes from the unit, as in {@link VerdictRule}. Fewer pairs than the corrected level can ever reject
 * ({@code 2 / 2^n > alpha / m}) give {@link Verdict#NOT_COMPARABLE}, never a reassuring "unchanged". Why this design
 * and these defaults: {@code bench/regression/README.md}.
 */
final class BlockVerdictRule {

    /**
     * One complete pair of forks of a metric.
     *
     * @param block the block's number, from 0
     * @param pair which pair of the block ({@link BlockDesign#pair})
     * @param base the base fork's median
     * @param head the head fork's median
     */
    record Pair(int block, int pair, double base, double head) {

        /** The pair's log ratio head/base. */
        double logRatio() {
            return Math.log(head) - Math.log(base);
        }
    }

    /**
     * What a metric's verdict is decided from.
     *
     * @param pairs the complete pairs, outliers left out
     * @param outlierForks how many forks were left out as outliers of their side ({@link OutlierForks})
     */
    record Samples(List<Pair> pairs, int outlierForks) {
        Samples {
            pairs = List.copyOf(pairs);
        }
    }

    private final ComparisonOptions options;
    private final int comparisons;

    /** @param comparisons how many metrics the run compares (the Bonferroni divisor); at least 1 */
    BlockVerdictRule(ComparisonOptions options, int comparisons) {
        this.options = options;
        this.comparisons = Math.max(1, comparisons);
    }

    /** The two-sided level each metric's interval is built at. */
    double perComparisonAlpha() {
        return options.alpha() / comparisons;
    }

    /** How {@code ab} decides, in a sentence for the reports. */
    String method(int blocks) {
        double confidence = 1 - perComparisonAlpha();
        return String.format(
                Locale.ROOT,
                "%d %s of 4 forks (ABBA and BAAB alternating); per metric, the change "
                        + "is the Hodges-Lehmann estimate of the log ratios head/base of per-fork medians of each "
                        + "pair of forks run back to back (forks 1-2 and 3-4 of a block; a fork further than "
                        + VerdictRule.fmt(OutlierForks.K) + " robust sd from the median of all forks left out), "
                        + "with a signed-rank interval at %s%% (alpha %s for all %d compared, Bonferroni); "
                        + "regressed or improved when the interval excludes no change and the estimate is beyond "
                        + "the threshold %s; Base and Head are medians of per-fork medians",
                blocks,
                blocks == 1 ? "block" : "blocks",
                VerdictRule.fmt(round(confidence * 100)),
                VerdictRule.fmt(options.alpha()),
                comparisons,
                VerdictRule.thresholds(options.thresholds()));
    }

    MetricComparison decide(BenchmarkKey key, String metric, Metric base, Metric head, Samples samples) {
        List<Pair> pairs = samples.pairs();
        ScoreUnit unit = base.unit();
        List<Double> baseForks = new ArrayList<>();
        List<Double> headForks = new ArrayList<>();
        pairs.forEach(p -> {
            baseForks.add(p.base());
            headForks.add(p.head());
        });
        double baseMedian = median(baseForks);
        double headMedian = median(headForks);
        if (!head.unit().convertibleTo(unit)) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.NOT_COMPARABLE,
                    "units " + unit + " and " + head.unit() + " measure different things",
                    baseMedian,
                    headMedian,
                    null,
                    Double.NaN);
        }
        if (!unit.hasDirection()) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.NOT_COMPARABLE,
                    "unit " + unit + " has no known better direction",
                    baseMedian,
                    headMedian,
                    null,
                    Double.NaN);
        }
        double alpha = perComparisonAlpha();
        if (pairs.isEmpty()) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.NOT_COMPARABLE,
                    "no complete pair of forks (a base and a head fork run back to back, both with usable "
                            + "iterations)",
                    baseMedian,
                    headMedian,
                    null,
                    Double.NaN);
        }
        double[] d = pairs.stream().mapToDouble(Pair::logRatio).toArray();
        SignedRank.Estimate estimate = SignedRank.of(d, alpha);
        double threshold = options.thresholdFor(key);
        if (!estimate.hasInterval()) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.NOT_COMPARABLE,
                    String.format(
                            Locale.ROOT,
                            "too few pairs of forks (%d): the smallest p-value is %s, the level per comparison %s",
                            d.length,
                            VerdictRule.fmtP(SignedRank.smallestPValue(d.length)),
                            VerdictRule.fmtP(alpha)),
                    baseMedian,
                    headMedian,
                    estimate,
                    threshold);
        }
        double ratio = Math.exp(estimate.centre());
        double factor = Math.max(ratio, 1 / ratio);
        boolean worse = unit.lowerIsBetter() ? ratio > 1 : ratio < 1;
        String direction = unit.lowerIsBetter()
                ? (ratio > 1 ? "slower" : "faster")
                : (ratio < 1 ? "lower throughput" : "higher throughput");
        String figures = String.format(
                Locale.ROOT,
                "%s %s, %d pairs%s, p=%s",
                Cells.change(ratio - 1),
                intervalText(estimate),
                d.length,
                outliersText(samples.outlierForks()),
                VerdictRule.fmtP(estimate.pValue()));
        if (!estimate.excludesZero()) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.UNCHANGED,
                    "not significant (" + figures + "; the interval includes no change)",
                    baseMedian,
                    headMedian,
                    estimate,
                    threshold);
        }
        if (!(factor - 1 > threshold)) {
            return row(
                    key,
                    metric,
                    base,
                    head,
                    Verdict.UNCHANGED,
                    String.format(
                            Locale.ROOT,
                            "within threshold (%s; %.1f%% <= %s)",
                            figures,
                            (factor - 1) * 100,
                            VerdictRule.percent(threshold)),
                    baseMedian,
                    headMedian,
                    estimate,
                    threshold);
        }
        return row(
                key,
                metric,
                base,
                head,
                worse ? Verdict.REGRESSED : Verdict.IMPROVED,
                String.format(Locale.ROOT, "%s by a factor of %.3f (%s)", direction, factor, figures),
                baseMedian,
                headMedian,
                estimate,
                threshold);
    }

    private static String outliersText(int forks) {
        return forks == 0 ? "" : " (" + forks + (forks == 1 ? " outlier fork" : " outlier forks") + " left out)";
    }

    private static String intervalText(SignedRank.Estimate e) {
        return "[" + Cells.change(Math.exp(e.low()) - 1) + ", " + Cells.change(Math.exp(e.high()) - 1) + "]";
    }

    private static MetricComparison row(
            BenchmarkKey key,
            String metric,
            Metric base,
            Metric head,
            Verdict verdict,
            String reason,
            double baseMedian,
            double headMedian,
            SignedRank.Estimate estimate,
            double threshold) {
        if (estimate == null) {
            return new MetricComparison(
                    key,
                    metric,
                    verdict,
                    reason,
                    base.unit(),
                    base,
                    head,
                    baseMedian,
                    headMedian,
                    Double.NaN,
                    Double.NaN,
                    threshold);
        }
        return new MetricComparison(
                key,
                metric,
                verdict,
                reason,
                base.unit(),
                base,
                head,
                baseMedian,
                headMedian,
                Math.exp(estimate.centre()) - 1,
                estimate.pValue(),
                Math.exp(estimate.low()) - 1,
                Math.exp(estimate.high()) - 1,
                estimate.n(),
                threshold);
    }

    private static double median(List<Double> values) {
        return values.isEmpty()
                ? Double.NaN
                : new Median()
                        .evaluate(
                                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double round(double percent) {
        return Math.round(percent * 1000) / 1000.0;
    }
}
