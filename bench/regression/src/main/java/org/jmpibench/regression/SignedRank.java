package org.jmpibench.regression;

import java.util.Arrays;
import org.hipparchus.stat.descriptive.rank.Median;
import org.hipparchus.stat.ranking.NaturalRanking;

/**
 * The centre of paired differences (the log ratios of pairs of forks) with its distribution-free confidence interval:
 * the Hodges–Lehmann estimate (the median of the Walsh averages {@code (d_i + d_j) / 2}, {@code i <= j}) and the
 * interval between the {@code (k+1)}-th smallest and the {@code (k+1)}-th largest Walsh average, where {@code k} is the
 * largest value with {@code 2 P(T <= k) <= alpha} under the exact null distribution of the Wilcoxon signed-rank
 * statistic {@code T} (Hollander and Wolfe, Nonparametric Statistical Methods, 3.2). It needs only that the differences
 * are independent and symmetric about their centre: no normality, and one wild difference moves the estimate by one
 * Walsh average at most. The interval excludes 0 exactly when the two-sided signed-rank test has {@code p <= alpha}.
 *
 * <p>Hipparchus has the signed-rank test but not the interval, and its exact p-value enumerates all {@code 2^n} sign
 * patterns (seconds per benchmark at 25 differences); the null distribution here is the number of subsets of {1..n}
 * with each rank sum, by the usual recurrence, as probabilities: exact for any n, in O(n^3). A test checks its p-values
 * against Hipparchus's.
 */
final class SignedRank {

    /**
     * @param n how many differences
     * @param centre the Hodges–Lehmann estimate
     * @param low lower end of the interval; NaN when {@code n} is too small for {@code alpha}
     * @param high upper end; NaN likewise
     * @param confidence the interval's exact coverage, {@code 1 - 2 P(T <= k)}; NaN likewise
     * @param pValue the two-sided signed-rank p-value for a centre of 0
     */
    record Estimate(int n, double centre, double low, double high, double confidence, double pValue) {

        boolean hasInterval() {
            return !Double.isNaN(low);
        }

        /** Whether the interval lies entirely above or entirely below 0. */
        boolean excludesZero() {
            return hasInterval() && (low > 0 || high < 0);
        }
    }

    private SignedRank() {}

    /**
     * The estimate and the interval at two-sided level {@code alpha}.
     *
     * @param d at least one finite difference
     */
    static Estimate of(double[] d, double alpha) {
        int n = d.length;
        double[] walsh = walshAverages(d);
        double centre = new Median().evaluate(walsh);
        double p = pValue(d);
        int k = criticalValue(n, alpha);
        if (k < 0) {
            return new Estimate(n, centre, Double.NaN, Double.NaN, Double.NaN, p);
        }
        double confidence = 1 - 2 * lowerTail(n, k);
        return new Estimate(n, centre, walsh[k], walsh[walsh.length - 1 - k], confidence, p);
    }

    /** The smallest two-sided p-value {@code n} differences can give: all of one sign, {@code 2 / 2^n}. */
    static double smallestPValue(int n) {
        return Math.min(1, 2 * Math.pow(0.5, n));
    }

    /** The largest {@code k} with {@code 2 P(T <= k) <= alpha}, or -1 when even {@code k = 0} is too likely. */
    static int criticalValue(int n, double alpha) {
        double[] distribution = nullDistribution(n);
        double cumulative = 0;
        int k = -1;
        for (int t = 0; t < distribution.length; t++) {
            cumulative += distribution[t];
            if (2 * cumulative > alpha * (1 + 1e-12)) {
                break;
            }
            k = t;
        }
        return k;
    }

    /** {@code P(T <= k)} for {@code n} differences under the null hypothesis. */
    static double lowerTail(int n, int k) {
        double[] distribution = nullDistribution(n);
        double sum = 0;
        for (int t = 0; t <= k && t < distribution.length; t++) {
            sum += distribution[t];
        }
        return sum;
    }

    /** {@code P(T = t)} for t = 0 .. n(n+1)/2: each rank is in T with probability 1/2, independently. */
    private static double[] nullDistribution(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        int reach = 0;
        for (int rank = 1; rank <= n; rank++) {
            reach += rank;
            for (int t = reach; t >= 0; t--) {
                p[t] = 0.5 * p[t] + (t >= rank ? 0.5 * p[t - rank] : 0);
            }
        }
        return p;
    }

    private static double[] walshAverages(double[] d) {
        double[] walsh = new double[d.length * (d.length + 1) / 2];
        int w = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = i; j < d.length; j++) {
                walsh[w++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        return walsh;
    }

    /**
     * The exact two-sided p-value {@code 2 P(T <= min(T+, T-))}, from the same distribution as the interval, so the two
     * always agree. Zeros are dropped (Wilcoxon's rule); tied magnitudes get mid-ranks (Hipparchus's
     * {@link NaturalRanking}), and the statistic is rounded down, which errs towards "not significant".
     */
    private static double pValue(double[] d) {
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        if (nonZero.length == 0) {
            return 1;
        }
        double[] ranks =
                new NaturalRanking().rank(Arrays.stream(nonZero).map(Math::abs).toArray());
        double positive = 0;
        double negative = 0;
        for (int i = 0; i < nonZero.length; i++) {
            if (nonZero[i] > 0) {
                positive += ranks[i];
            } else {
                negative += ranks[i];
            }
        }
        return Math.min(1, 2 * lowerTail(nonZero.length, (int) Math.floor(Math.min(positive, negative))));
    }
}
