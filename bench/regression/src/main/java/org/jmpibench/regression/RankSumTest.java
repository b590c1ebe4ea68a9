package org.jmpibench.regression;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test on per-iteration scores, from commons-math3.
 *
 * <p>commons-math3 computes the p-value from the normal approximation of U, without continuity or tie
 * correction. For small samples this is close to the exact value (5 vs 5 perfectly separated iterations:
 * 0.0090 against the exact 0.0079), and JMH's double-precision iteration scores practically never tie.
 *
 * <p>Small samples cannot reach small p-values at all: {@link #smallestPValue} is the p-value of two
 * perfectly separated samples of the given sizes, so a comparison can say "too few iterations" instead of
 * a misleading "unchanged". At alpha 0.01 that needs at least 5 iterations on each side.
 */
final class RankSumTest {

    private final MannWhitneyUTest test = new MannWhitneyUTest();

    /** The two-sided p-value that {@code a} and {@code b} come from the same distribution. */
    double pValue(double[] a, double[] b) {
        return test.mannWhitneyUTest(a, b);
    }

    /** The smallest p-value samples of these sizes can produce (no overlap at all). */
    double smallestPValue(int sizeA, int sizeB) {
        if (sizeA < 1 || sizeB < 1) {
            return 1.0;
        }
        double[] low = new double[sizeA];
        double[] high = new double[sizeB];
        for (int i = 0; i < sizeA; i++) {
            low[i] = i;
        }
        for (int i = 0; i < sizeB; i++) {
            high[i] = sizeA + i;
        }
        return test.mannWhitneyUTest(low, high);
    }
}
