package org.jmpibench.regression;

import java.util.Optional;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ScoreUnit;

/**
 * One row of a comparison: one metric of one benchmark, its verdict and the figures behind it.
 *
 * @param key the benchmark, mode and parameters
 * @param metric {@link #PRIMARY} or a secondary metric's name
 * @param verdict the outcome
 * @param reason one line saying why, e.g. {@code slower by a factor of 1.203, p=0.0002}
 * @param unit the unit the medians are expressed in: the baseline's (the current's for a new benchmark)
 * @param baseline the baseline's measurement; null for {@link Verdict#NEW}
 * @param current the current run's measurement; null for {@link Verdict#MISSING}
 * @param baselineMedian the baseline's median in {@code unit} (of iterations for {@code compare}, of per-fork medians
 *     for {@code ab}); NaN when there is none
 * @param currentMedian the current run's, likewise
 * @param change the relative change in {@code unit}: +0.2 is 20% more time per op or 20% more ops per time
 *     ({@code compare}: of the medians; {@code ab}: the paired estimate over pairs of forks); NaN when not computed
 * @param pValue the two-sided p-value (Mann-Whitney U for {@code compare}, signed-rank over pairs of forks for
 *     {@code ab}); NaN when not computed
 * @param changeLow lower end of the change's confidence interval; NaN when there is none ({@code compare})
 * @param changeHigh upper end, likewise
 * @param pairs how many A/B pairs of forks the row's figures come from; 0 for {@code compare}
 * @param threshold the smallest change that counted for this row; NaN when no verdict used one
 */
public record MetricComparison(
        BenchmarkKey key,
        String metric,
        Verdict verdict,
        String reason,
        ScoreUnit unit,
        Metric baseline,
        Metric current,
        double baselineMedian,
        double currentMedian,
        double change,
        double pValue,
        double changeLow,
        double changeHigh,
        int pairs,
        double threshold) {

    /** The name of JMH's primary metric in rows and reports. */
    public static final String PRIMARY = "primary";

    /** A row without an interval or pairs ({@code compare}). */
    public MetricComparison(
            BenchmarkKey key,
            String metric,
            Verdict verdict,
            String reason,
            ScoreUnit unit,
            Metric baseline,
            Metric current,
            double baselineMedian,
            double currentMedian,
            double change,
            double pValue,
            double threshold) {
        this(
                key,
                metric,
                verdict,
                reason,
                unit,
                baseline,
                current,
                baselineMedian,
                currentMedian,
                change,
                pValue,
                Double.NaN,
                Double.NaN,
                0,
                threshold);
    }

    public Optional<Metric> baselineMeasurement() {
        return Optional.ofNullable(baseline);
    }

    public Optional<Metric> currentMeasurement() {
        return Optional.ofNullable(current);
    }

    /** True for the primary metric's row. */
    public boolean isPrimary() {
        return PRIMARY.equals(metric);
    }

    /** Whether the row has a confidence interval of its change. */
    public boolean hasInterval() {
        return !Double.isNaN(changeLow);
    }

    /** The benchmark name, plus {@code :metric} for a secondary metric's row. */
    public String displayName() {
        return isPrimary() ? key.benchmark() : key.benchmark() + ":" + metric;
    }
}
