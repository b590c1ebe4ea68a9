package org.jmpibench.regression;

import org.jmpibench.results.BenchmarkKey;

/**
 * How strict the comparison is.
 *
 * @param thresholds the smallest relative change that counts, per benchmark, as a fraction ({@code 0.10} = 10%); it
 *     applies to the factor between the two sides, so a 10% threshold means "one side is more than 1.10 times faster or
 *     slower than the other", whatever the unit
 * @param alpha the significance level, in (0, 1): per benchmark for {@code compare} (Mann-Whitney U), for all
 *     benchmarks together for {@code ab} (divided among them, see {@link BlockVerdictRule})
 * @param includeSecondary whether secondary metrics are compared as rows of their own
 */
public record ComparisonOptions(Thresholds thresholds, double alpha, boolean includeSecondary) {

    /** 10%: well above this machine's ±7% harness noise (bench/regression/README.md). */
    public static final double DEFAULT_THRESHOLD = 0.10;

    /** 1%: with tens of benchmark rows per run, a 5% level would flag one by chance in most runs. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** Validates the values. */
    public ComparisonOptions {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds must be given");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
    }

    public ComparisonOptions(double threshold, double alpha, boolean includeSecondary) {
        this(Thresholds.of(threshold), alpha, includeSecondary);
    }

    /** The defaults of {@code compare}: 10% threshold, alpha 0.01, primary metrics only. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(DEFAULT_THRESHOLD, DEFAULT_ALPHA, false);
    }

    /** The threshold of every benchmark no per-benchmark rule picks. */
    public double threshold() {
        return thresholds.defaultThreshold();
    }

    /** The threshold of {@code key}. */
    public double thresholdFor(BenchmarkKey key) {
        return thresholds.of(key);
    }

    public ComparisonOptions withThreshold(double newThreshold) {
        return new ComparisonOptions(thresholds.withDefault(newThreshold), alpha, includeSecondary);
    }

    public ComparisonOptions withThresholds(Thresholds newThresholds) {
        return new ComparisonOptions(newThresholds, alpha, includeSecondary);
    }

    public ComparisonOptions withAlpha(double newAlpha) {
        return new ComparisonOptions(thresholds, newAlpha, includeSecondary);
    }

    public ComparisonOptions withSecondary(boolean include) {
        return new ComparisonOptions(thresholds, alpha, include);
    }
}
