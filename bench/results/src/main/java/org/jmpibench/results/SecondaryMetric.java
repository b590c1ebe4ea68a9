package org.jmpibench.results;

import java.util.Optional;

/**
 * The secondary metrics our benchmarks add to JMH's results (under {@code secondaryMetrics}), in the benchmark's own
 * time unit per operation, averaged over iterations like the primary score. Which operation reports which is
 * {@link Operation.Shape#secondaryMetric()}, plus an operation's {@link Operation#phases()}.
 */
public enum SecondaryMetric {
    /**
     * Collectives: the largest time per operation over all ranks, each rank timing its own batches. Rank 0 may return
     * before the data arrived elsewhere; this number cannot.
     */
    SLOWEST_RANK("slowestRank", "slowest rank"),
    /**
     * Point-to-point: the same operation in the same job timed by a plain {@code System.nanoTime()} loop; score /
     * handTimed is the harness's overhead.
     */
    HAND_TIMED("handTimed", "hand-timed"),
    /**
     * gather-average, phase 1: rank 0's time per gather, timed apart from the other phases in a loop run after each
     * measurement iteration (never inside JMH's timed region).
     */
    GATHER_PHASE("gatherPhase", "gather phase"),
    /** gather-average, phase 2: rank 0's time per element-wise average of the gathered blocks. */
    AVERAGE_PHASE("averagePhase", "average phase"),
    /** gather-average, phase 3: rank 0's time per broadcast of the averages (doubles). */
    BCAST_PHASE("bcastPhase", "bcast phase");

    private final String jmhName;
    private final String label;

    SecondaryMetric(String jmhName, String label) {
        this.jmhName = jmhName;
        this.label = label;
    }

    /** The name under {@code secondaryMetrics} in JMH's JSON. */
    public String jmhName() {
        return jmhName;
    }

    /** A short label for legends and progress lines. */
    public String label() {
        return label;
    }

    /** The metric called {@code jmhName} in results files, if it is one of ours. */
    public static Optional<SecondaryMetric> byJmhName(String jmhName) {
        for (SecondaryMetric metric : values()) {
            if (metric.jmhName.equals(jmhName)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
