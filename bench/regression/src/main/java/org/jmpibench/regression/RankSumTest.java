package org.jmpibench.regression;

import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.ranking.NaturalRanking;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test on per-iteration scores.
 *
 * <p>Without ties Hipparchus gives the exact p-value for small samples (5 vs 5 perfectly separated iterations: 2/252 =
 * 0.0079) and the normal approximation otherwise. With ties (SingleShotTime scores are whole nanoseconds, so two
 * iterations can be equal) Hipparchus only has the normal approximation, which is far too conservative for small
 * samples: 5 vs 5 perfectly separated iterations with one tie inside a sample gave p = 0.0117 instead of the exact
 * 0.0079, so a 6x slowdown passed at alpha 0.01. For tied samples of at most {@value #MAX_EXACT_ARRANGEMENTS}
 * arrangements the p-value is therefore the exact permutation one: the share of all ways to split the pooled mid-ranks
 * into the two sample sizes whose U is at least as far from its mean as the observed U.
 *
 * <p>Small samples cannot reach small p-values at all: {@link #smallestPValue} is the p-value of two perfectly
 * separated samples of the given sizes, so a comparison can say "too few iterations" instead of a misleading
 * "unchanged". At alpha 0.01 that needs at least 5 iterations on each side.
 */
final class RankSumTest {

    static final long MAX_EXACT_ARRANGEMENTS = 1_000_000;

    private final MannWhitneyUTest test = new MannWhitneyUTest();

    /** The two-sided p-value that {@code a} and {@code b} come from the same distribution. */
    double pValue(double[] a, double[] b) {
        if (hasTies(a, b) && arrangements(a.length, b.length) <= MAX_EXACT_ARRANGEMENTS) {
            return exactWithTies(a, b);
        }
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

    private static boolean hasTies(double[] a, double[] b) {
        double[] pooled = pool(a, b);
        java.util.Arrays.sort(pooled);
        for (int i = 1; i < pooled.length; i++) {
            if (pooled[i] == pooled[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** C(n + m, n), saturating above the limit. */
    static long arrangements(int n, int m) {
        long c = 1;
        for (int i = 1; i <= Math.min(n, m); i++) {
            c = c * (n + m - Math.min(n, m) + i) / i;
            if (c > MAX_EXACT_ARRANGEMENTS) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    /** Enumerates every split of the pooled mid-ranks into |a| and |b| values. */
    private static double exactWithTies(double[] a, double[] b) {
        double[] ranks = new NaturalRanking().rank(pool(a, b));
        int n = a.length;
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += ranks[i];
        }
        double meanRankSum = n * (ranks.length + 1) / 2.0;
        double observedDistance = Math.abs(observed - meanRankSum) - 1e-9;
        long[] counts = new long[2];
        countSplits(ranks, 0, n, 0, meanRankSum, observedDistance, counts);
        return (double) counts[0] / counts[1];
    }

    /** counts[0]: splits at least as extreme as observed; counts[1]: all splits. */
    private static void countSplits(
            double[] ranks, int from, int left, double sum, double mean, double distance, long[] counts) {
        if (left == 0) {
            counts[1]++;
            if (Math.abs(sum - mean) >= distance) {
                counts[0]++;
            }
            return;
        }
        for (int i = from; i <= ranks.length - left; i++) {
            countSplits(ranks, i + 1, left - 1, sum + ranks[i], mean, distance, counts);
        }
    }

    private static double[] pool(double[] a, double[] b) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        return pooled;
    }
}
