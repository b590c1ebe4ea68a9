package org.jmpibench.harness.job;

import java.util.concurrent.TimeUnit;

/**
 * Sizes the leader's RUN batches: how many operations the followers are told to run at a time.
 *
 * <p>JMH's AverageTime iterations are time-based: the leader cannot know in advance how many operations an iteration
 * will take, while followers must be told an exact count. Two costs pull against each other:
 *
 * <ul>
 *   <li>every batch after the first is commanded inside the timed region (one small bcast, about one small-message
 *       latency);
 *   <li>operations commanded but not run when JMH ends the iteration must still be run (untimed, in the tear-down), and
 *       if the rate dropped since it was estimated that "drain" can take many times longer than planned (seen here: a
 *       batch sized for 4 us operations meeting 1 ms operations on a loaded machine).
 * </ul>
 *
 * So a batch is worth about {@value #TARGET_BATCH_MILLIS} ms of work at the last measured rate (less for very short
 * iterations): a command costs under 0.5% even at 100 us per command, and the drain stays one batch. Batches hold at
 * least {@value #MIN_BATCH} operations once a rate is known, so no operation ever costs one command of its own; before
 * the first batch has been timed they start at one operation and double.
 */
final class BatchPlanner {

    static final long TARGET_BATCH_MILLIS = 20;
    /** Shortest iteration share of a batch: a quarter, for iterations under 80 ms. */
    static final int MIN_BATCHES_PER_ITERATION = 4;

    static final int MIN_BATCH = 2;
    /** Upper bound of one batch: keeps a wildly wrong rate estimate from commanding hours of work. */
    static final int MAX_BATCH = 1 << 26;

    private double nsPerOp = Double.NaN;
    private int coldBatch;

    /** Remembers the rate of a finished batch. */
    void record(long ops, long busyNs) {
        if (ops > 0 && busyNs > 0) {
            nsPerOp = (double) busyNs / ops;
        }
    }

    /** The next batch in an iteration of {@code iterationNs}. */
    int nextBatch(long iterationNs) {
        if (Double.isNaN(nsPerOp)) {
            coldBatch = coldBatch == 0 ? 1 : (int) Math.min(MAX_BATCH, 2L * coldBatch);
            return coldBatch;
        }
        long targetNs =
                Math.min(TimeUnit.MILLISECONDS.toNanos(TARGET_BATCH_MILLIS), iterationNs / MIN_BATCHES_PER_ITERATION);
        return Math.max(MIN_BATCH, opsFor(targetNs));
    }

    /** Operations that take about {@code durationNs} at the last rate (at least 1; 1 when no rate yet). */
    int opsFor(long durationNs) {
        if (Double.isNaN(nsPerOp)) {
            return 1;
        }
        double ops = Math.ceil(durationNs / nsPerOp);
        return (int) Math.max(1, Math.min(MAX_BATCH, ops));
    }
}
