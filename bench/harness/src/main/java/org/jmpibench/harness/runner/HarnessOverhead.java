package org.jmpibench.harness.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jmpibench.results.SecondaryMetric;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH's send score against the hand-timed loop of the same job. Each measurement iteration gives one pair
 * (JMH's iteration score, the hand-timed loop run right after it); the overhead of a benchmark is the median of
 * the per-iteration ratios. Pairing cancels the slow drifts of a shared machine (2-3x between runs here) and
 * the median ignores the iteration a burst of other work landed in.
 */
final class HarnessOverhead {

    private HarnessOverhead() {
    }

    /** Median per-iteration ratio JMH score / handTimed, or NaN when the benchmark has no hand-timed loop. */
    static double ratio(RunResult result) {
        List<Double> ratios = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            ratios.addAll(ratios(benchmark));
        }
        return median(ratios);
    }

    static double ratio(BenchmarkResult benchmark) {
        return median(ratios(benchmark));
    }

    private static List<Double> ratios(BenchmarkResult benchmark) {
        List<Double> ratios = new ArrayList<>();
        for (IterationResult iteration : benchmark.getIterationResults()) {
            Result hand = iteration.getSecondaryResults().get(SecondaryMetric.HAND_TIMED.jmhName());
            double score = iteration.getPrimaryResult().getScore();
            if (hand != null && hand.getScore() > 0 && score > 0) {
                ratios.add(score / hand.getScore());
            }
        }
        return ratios;
    }

    static double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
