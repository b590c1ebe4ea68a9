package org.jmpibench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * JMH's send score against the hand-timed loop of the same job ({@link SecondaryMetric#HAND_TIMED}). Each measurement
 * iteration gives one pair (JMH's iteration score, the hand-timed loop run right after it); the overhead of a benchmark
 * is the median of the per-iteration ratios. Pairing cancels the slow drifts of a shared machine (2-3x between runs
 * here) and the median ignores the iteration a burst of other work landed in.
 */
public final class HarnessOverhead {

    private HarnessOverhead() {}

    /** The overhead of a result read from a file, or NaN when it has no hand-timed loop or no raw data. */
    public static double ratio(BenchmarkResult result) {
        Metric hand = result.secondary(SecondaryMetric.HAND_TIMED).orElse(null);
        if (hand == null) {
            return Double.NaN;
        }
        return ratio(
                flatten(result.primary().rawData()),
                flatten(hand.in(result.primary().unit()).rawData()));
    }

    /**
     * Median of {@code scores[i] / handTimed[i]} over the iterations where both are positive; NaN when none is.
     *
     * @param scores JMH's score of each measured iteration
     * @param handTimed the hand-timed loop of the same iterations, in the same unit
     */
    public static double ratio(double[] scores, double[] handTimed) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(scores.length, handTimed.length); i++) {
            if (handTimed[i] > 0 && scores[i] > 0) {
                ratios.add(scores[i] / handTimed[i]);
            }
        }
        return median(ratios);
    }

    public static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double[] flatten(double[][] forks) {
        List<Double> all = new ArrayList<>();
        for (double[] fork : forks) {
            for (double value : fork) {
                all.add(value);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
