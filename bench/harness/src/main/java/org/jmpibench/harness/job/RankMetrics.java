package org.jmpibench.harness.job;

import java.util.EnumMap;
import java.util.Map;
import org.jmpibench.results.SecondaryMetric;

/**
 * Hands the leader's per-iteration numbers to {@link RankMetricsProfiler} inside JMH's forked JVM: the leader publishes
 * in its iteration tear-down, JMH then calls the profiler's {@code afterIteration} on the same JVM. A metric not
 * published (or NaN) was not measured in this iteration.
 */
final class RankMetrics {

    private static Map<SecondaryMetric, Double> nsPerOp = new EnumMap<>(SecondaryMetric.class);

    private RankMetrics() {}

    /** This iteration's metrics, in nanoseconds per operation. */
    static synchronized void publish(Map<SecondaryMetric, Double> metricsNsPerOp) {
        nsPerOp = new EnumMap<>(SecondaryMetric.class);
        metricsNsPerOp.forEach((metric, ns) -> {
            if (!Double.isNaN(ns)) {
                nsPerOp.put(metric, ns);
            }
        });
    }

    /** What was published since the last call, in nanoseconds per operation; then cleared. */
    static synchronized Map<SecondaryMetric, Double> take() {
        Map<SecondaryMetric, Double> taken = nsPerOp;
        nsPerOp = new EnumMap<>(SecondaryMetric.class);
        return taken;
    }
}
