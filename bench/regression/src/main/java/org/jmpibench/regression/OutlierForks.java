package org.jmpibench.regression;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipparchus.stat.descriptive.rank.Median;

/**
 * Which forks of an A/B run sat in a state of the machine the others did not: the Hampel identifier on the log scale
 * over the forks of both sides together, a fork further than {@value #K} robust standard deviations ({@code 1.4826 x}
 * the median absolute deviation) from their median.
 *
 * <p>Why: on this 2-core VM about one shm fork in eight ran 3-4x slower for its whole life (where the host put the
 * vCPUs), on either side. Such a fork spoils its pair with a log ratio of about ±1.3 against ±0.15 of the others, and a
 * quarter of the pairs spoiled halves the gate's power at 10% (see {@code bench/regression/README.md}).
 *
 * <p>Why both sides together: the rule then sees the same forks whichever fork of a pair is head and which base, so on
 * unchanged code the pairs it keeps are exactly as likely to lean either way as before, and the signed-rank test stays
 * exact (simulated: 1.2% of runs under the 1.25% level it promises). Judging each side by its own median does not have
 * that property: a side whose median came out low by chance loses its high forks more often, and the same simulation
 * flagged 1.8%. A real change moves the median of the pool and widens its spread, so it does not make its own forks
 * outliers. With normal noise the rule leaves out 0.3% of forks; forks that spread so widely that the slow ones are not
 * far out are all kept.
 */
final class OutlierForks {

    /** How many robust standard deviations from the median make a fork an outlier. */
    static final double K = 3;
    /** MAD times this estimates the standard deviation of normal noise. */
    private static final double NORMAL_SCALE = 1.4826;

    private OutlierForks() {}

    /** The keys of {@code scores} (positive per-fork scores, both sides) that are outliers. */
    static <T> Set<T> of(Map<T, Double> scores) {
        if (scores.size() < 3) {
            return Set.of();
        }
        double[] logs = scores.values().stream().mapToDouble(Math::log).toArray();
        double median = new Median().evaluate(logs);
        double[] deviations = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            deviations[i] = Math.abs(logs[i] - median);
        }
        double limit = K * NORMAL_SCALE * new Median().evaluate(deviations);
        if (!(limit > 0)) {
            return Set.of(); // half the forks or more equal: no spread to judge by
        }
        return scores.entrySet().stream()
                .filter(e -> Math.abs(Math.log(e.getValue()) - median) > limit)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
