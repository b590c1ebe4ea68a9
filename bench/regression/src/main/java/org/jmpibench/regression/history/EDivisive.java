package org.jmpibench.regression.history;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Change points of a series by E-divisive means (Matteson and James, "A Nonparametric Approach for Multiple Change
 * Point Analysis of Multivariate Data", JASA 2014), as MongoDB's CI and Apache Otava (formerly Hunter) use it on
 * benchmark histories: divisive bisection with the energy statistic, each split accepted only when a permutation test
 * says it is significant.
 *
 * <p>For a segment {@code [a, b)} and a split {@code t}, with {@code X = x[a..t)} ({@code m} values) and {@code Y =
 * x[t..b)} ({@code n} values) and distances {@code |x_i - x_j|} (the energy distance with alpha = 1):
 *
 * <pre>
 *   Q(t) = m n / (m + n) * ( 2/(m n) sum|X - Y| - 1/C(m,2) sum|X - X'| - 1/C(n,2) sum|Y - Y'| )
 * </pre>
 *
 * The best split of every segment of the current segmentation is found (with the segment's end as the other boundary,
 * as MongoDB's implementation does); the largest {@code Q} over segments is the candidate. The permutation test
 * shuffles the values within each current segment {@code permutations} times and counts how often the largest {@code Q}
 * of the shuffled series reaches the candidate's: {@code p = (count + 1) / (permutations + 1)}. A candidate with
 * {@code p <= significance} becomes a change point and the search goes on; the first that fails ends it. Permutations
 * come from a seeded generator: the same series gives the same answer.
 */
public final class EDivisive {

    /**
     * A change point.
     *
     * @param index the first index of the new segment: {@code x[index]} is the first value after the change
     * @param qhat the energy statistic of the split
     * @param pValue the permutation test's p-value
     */
    public record ChangePoint(int index, double qhat, double pValue) {}

    private final double significance;
    private final int permutations;
    private final int minSize;
    private final long seed;

    /**
     * @param significance a split is accepted when its p-value is at most this
     * @param permutations shuffles per test; the smallest p-value possible is {@code 1 / (permutations + 1)}
     * @param minSize the fewest values a segment may have (a lone outlier is not a segment)
     */
    public EDivisive(double significance, int permutations, int minSize, long seed) {
        if (!(significance > 0 && significance < 1) || permutations < 1 || minSize < 2) {
            throw new IllegalArgumentException("significance in (0, 1), permutations >= 1, minSize >= 2: "
                    + significance + ", " + permutations + ", " + minSize);
        }
        this.significance = significance;
        this.permutations = permutations;
        this.minSize = minSize;
        this.seed = seed;
    }

    /** The change points of {@code series}, by index. */
    public List<ChangePoint> detect(double[] series) {
        SplittableRandom random = new SplittableRandom(seed);
        TreeSet<Integer> bounds = new TreeSet<>(List.of(0, series.length));
        List<ChangePoint> found = new ArrayList<>();
        while (true) {
            Split candidate = bestSplit(series, bounds);
            if (candidate == null) {
                break;
            }
            int reached = 0;
            double[] shuffled = series.clone();
            for (int r = 0; r < permutations; r++) {
                shuffleWithinSegments(shuffled, bounds, random);
                Split best = bestSplit(shuffled, bounds);
                if (best != null && best.qhat >= candidate.qhat) {
                    reached++;
                }
            }
            double p = (reached + 1.0) / (permutations + 1.0);
            if (p > significance) {
                break;
            }
            found.add(new ChangePoint(candidate.index, candidate.qhat, p));
            bounds.add(candidate.index);
        }
        found.sort((x, y) -> Integer.compare(x.index(), y.index()));
        return found;
    }

    private record Split(int index, double qhat) {}

    /** The split with the largest statistic over all segments; null when no segment can be split. */
    private Split bestSplit(double[] x, TreeSet<Integer> bounds) {
        Split best = null;
        Integer start = null;
        for (int end : bounds) {
            if (start != null) {
                Split split = bestSplit(x, start, end);
                if (split != null && (best == null || split.qhat > best.qhat)) {
                    best = split;
                }
            }
            start = end;
        }
        return best;
    }

    /**
     * The best split of {@code x[a..b)}: O(n^2) with running sums of the within-segment distances on either side of the
     * split.
     */
    private Split bestSplit(double[] x, int a, int b) {
        int n = b - a;
        if (n < 2 * minSize) {
            return null;
        }
        double total = 0;
        for (int i = a; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                total += Math.abs(x[i] - x[j]);
            }
        }
        double left = 0;
        double right = total;
        Split best = null;
        for (int t = a + 1; t < b; t++) {
            // Moving x[t-1] from the right part to the left one.
            for (int i = a; i < t - 1; i++) {
                left += Math.abs(x[i] - x[t - 1]);
            }
            for (int j = t; j < b; j++) {
                right -= Math.abs(x[t - 1] - x[j]);
            }
            int m = t - a;
            int k = b - t;
            if (m < minSize || k < minSize) {
                continue;
            }
            double between = total - left - right;
            double e = 2 * between / ((double) m * k) - left / (m * (m - 1) / 2.0) - right / (k * (k - 1) / 2.0);
            double q = (double) m * k / (m + k) * e;
            if (best == null || q > best.qhat) {
                best = new Split(t, q);
            }
        }
        return best;
    }

    private static void shuffleWithinSegments(double[] x, TreeSet<Integer> bounds, SplittableRandom random) {
        Integer start = null;
        for (int end : bounds) {
            if (start != null) {
                for (int i = end - 1; i > start; i--) {
                    int j = start + random.nextInt(i - start + 1);
                    double swap = x[i];
                    x[i] = x[j];
                    x[j] = swap;
                }
            }
            start = end;
        }
    }
}
