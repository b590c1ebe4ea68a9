package org.jmpibench.regression;

/**
 * How strict the comparison is.
 *
 * @param threshold the smallest relative change that counts, as a fraction ({@code 0.10} = 10%); it applies
 *                  to the factor between the two medians, so a 10% threshold means "one run is more than
 *                  1.10 times faster or slower than the other", whatever the unit
 * @param alpha the significance level of the two-sided Mann-Whitney U test, in (0, 1)
 * @param includeSecondary whether secondary metrics are compared as rows of their own
 */
public record ComparisonOptions(double threshold, double alpha, boolean includeSecondary) {

    /** 10%: well above this machine's ±7% harness noise (see shared/notes/jmh-under-mpi.md). */
    public static final double DEFAULT_THRESHOLD = 0.10;

    /** 1%: with tens of benchmark rows per run, a 5% level would flag one by chance in most runs. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** Validates the values. */
    public ComparisonOptions {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite fraction >= 0: " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
    }

    /** The defaults: 10% threshold, alpha 0.01, primary metrics only. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(DEFAULT_THRESHOLD, DEFAULT_ALPHA, false);
    }

    public ComparisonOptions withThreshold(double newThreshold) {
        return new ComparisonOptions(newThreshold, alpha, includeSecondary);
    }

    public ComparisonOptions withAlpha(double newAlpha) {
        return new ComparisonOptions(threshold, newAlpha, includeSecondary);
    }

    public ComparisonOptions withSecondary(boolean include) {
        return new ComparisonOptions(threshold, alpha, include);
    }
}
