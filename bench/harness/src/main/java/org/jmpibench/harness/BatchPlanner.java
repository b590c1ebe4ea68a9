package org.jmpibench.harness;

/**
 * Sizes the leader's RUN batches so that commands stay out of the timed region and no batch is so long that
 * the iteration overruns.
 *
 * <p>JMH's AverageTime iterations are time-based: the leader cannot know in advance how many operations an
 * iteration will take, while followers must be told an exact count. So the leader commands, in its untimed
 * iteration set-up, a first batch worth about 90% of the iteration at the rate of the last batch it ran; when
 * that runs out inside the timed region it commands top-ups of about 1/16 of the iteration (one small bcast
 * among thousands of operations for small messages; negligible against a large one). Operations commanded
 * but not run when JMH ends the iteration are run, untimed, in the iteration tear-down. Before the first
 * batch has been timed, batches start at one operation and double.
 */
final class BatchPlanner {

    /** Upper bound of one batch: keeps a wildly wrong rate estimate from commanding hours of work. */
    static final int MAX_BATCH = 1 << 26;
    static final double FIRST_BATCH_SHARE = 0.9;
    static final int TOP_UP_FRACTION = 16;

    private double nsPerOp = Double.NaN;
    private int coldBatch;

    /** Remembers the rate of a finished batch. */
    void record(long ops, long busyNs) {
        if (ops > 0 && busyNs > 0) {
            nsPerOp = (double) busyNs / ops;
        }
    }

    /** The batch commanded before an iteration of {@code iterationNs} starts. */
    int firstBatch(long iterationNs) {
        return plan(iterationNs * FIRST_BATCH_SHARE);
    }

    /** The batch commanded when the previous one ran out inside the iteration. */
    int topUp(long iterationNs) {
        return plan((double) iterationNs / TOP_UP_FRACTION);
    }

    private int plan(double targetNs) {
        if (Double.isNaN(nsPerOp)) {
            coldBatch = coldBatch == 0 ? 1 : (int) Math.min(MAX_BATCH, 2L * coldBatch);
            return coldBatch;
        }
        double ops = Math.ceil(targetNs / nsPerOp);
        return (int) Math.max(1, Math.min(MAX_BATCH, ops));
    }
}
