package org.jmpibench.harness.job;

/**
 * Hands the leader's per-iteration numbers to {@link RankMetricsProfiler} inside JMH's forked JVM: the leader
 * publishes in its iteration tear-down, JMH then calls the profiler's {@code afterIteration} on the same JVM.
 * NaN means "not measured in this iteration".
 */
final class RankMetrics {

    private static double slowestRankNs = Double.NaN;
    private static double handTimedNs = Double.NaN;

    private RankMetrics() {
    }

    static synchronized void publish(double slowestRankNsPerOp, double handTimedNsPerOp) {
        slowestRankNs = slowestRankNsPerOp;
        handTimedNs = handTimedNsPerOp;
    }

    /** {slowestRank, handTimed} in ns per operation, then cleared. */
    static synchronized double[] take() {
        double[] taken = {slowestRankNs, handTimedNs};
        slowestRankNs = Double.NaN;
        handTimedNs = Double.NaN;
        return taken;
    }
}
