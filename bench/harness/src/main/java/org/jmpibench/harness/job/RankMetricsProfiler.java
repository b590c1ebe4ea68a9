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
 * Turns the leader's per-iteration numbers into JMH secondary results, in the benchmark's own time unit per operation,
 * averaged over iterations like the primary score: {@link SecondaryMetric#SLOWEST_RANK} (collectives),
 * {@link SecondaryMetric#HAND_TIMED} (pairs) and an operation's phases ({@code Operation.phases()}). They land in the
 * JSON under {@code secondaryMetrics}.
 *
 * <p>A profiler rather than {@code @AuxCounters}: aux counters are either rates over JMH's own time or summed event
 * counts, and neither can carry a time per operation measured by another process.
 */
public final class RankMetricsProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "jmpi-bench: slowest rank's time per operation, hand-timed loop, phases";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        RankMetrics.take();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        TimeUnit unit = benchmarkParams.getTimeUnit();
        String label = TimeValue.tuToString(unit) + "/op";
        double nsPerUnit = unit.toNanos(1);
        List<Result> results = new ArrayList<>();
        RankMetrics.take()
                .forEach((metric, ns) ->
                        results.add(new ScalarResult(metric.jmhName(), ns / nsPerUnit, label, AggregationPolicy.AVG)));
        return results;
    }
}
