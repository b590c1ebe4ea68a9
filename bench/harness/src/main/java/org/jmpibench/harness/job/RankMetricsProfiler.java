package org.jmpibench.harness.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmpibench.results.SecondaryMetric;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Turns the leader's per-iteration numbers into JMH secondary results, in the benchmark's own time unit per
 * operation, averaged over iterations like the primary score: {@link SecondaryMetric#SLOWEST_RANK} (collectives)
 * and {@link SecondaryMetric#HAND_TIMED} (pairs). They land in the JSON under {@code secondaryMetrics}.
 *
 * <p>A profiler rather than {@code @AuxCounters}: aux counters are either rates over JMH's own time or
 * summed event counts, and neither can carry a time per operation measured by another process.
 */
public final class RankMetricsProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "jmpi-bench: slowest rank's time per operation, hand-timed loop";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        RankMetrics.take();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double[] ns = RankMetrics.take();
        TimeUnit unit = benchmarkParams.getTimeUnit();
        String label = TimeValue.tuToString(unit) + "/op";
        double nsPerUnit = unit.toNanos(1);
        List<Result> results = new ArrayList<>();
        if (!Double.isNaN(ns[0])) {
            results.add(new ScalarResult(SecondaryMetric.SLOWEST_RANK.jmhName(), ns[0] / nsPerUnit, label, AggregationPolicy.AVG));
        }
        if (!Double.isNaN(ns[1])) {
            results.add(new ScalarResult(SecondaryMetric.HAND_TIMED.jmhName(), ns[1] / nsPerUnit, label, AggregationPolicy.AVG));
        }
        return results;
    }
}
