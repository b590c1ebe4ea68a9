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
 * @param reason one line saying why, e.g. {@code 20.3% slower, p=0.0002 < 0.01}
 * @param unit the unit the medians are expressed in: the baseline's (the current's for a new benchmark)
 * @param baseline the baseline's measurement; null for {@link Verdict#NEW}
 * @param current the current run's measurement; null for {@link Verdict#MISSING}
 * @param baselineMedian median of the baseline's iteration scores in {@code unit}; NaN when there is none
 * @param currentMedian median of the current run's iteration scores in {@code unit}; NaN when there is none
 * @param change {@code currentMedian / baselineMedian - 1} in {@code unit}: +0.2 is 20% more time per op or
 *               20% more ops per time; NaN when not computed
 * @param pValue two-sided Mann-Whitney U p-value; NaN when not computed
 */
public record MetricComparison(BenchmarkKey key, String metric, Verdict verdict, String reason, ScoreUnit unit,
                               Metric baseline, Metric current, double baselineMedian,
                               double currentMedian, double change, double pValue) {

    /** The name of JMH's primary metric in rows and reports. */
    public static final String PRIMARY = "primary";

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

    /** The benchmark name, plus {@code :metric} for a secondary metric's row. */
    public String displayName() {
        return isPrimary() ? key.benchmark() : key.benchmark() + ":" + metric;
    }
}
