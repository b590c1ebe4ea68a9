package org.jmpibench.harness.job;

/**
 * What a rank tells rank 0 after an iteration: the time it spent inside its batches (first operation's start to last
 * operation's end, per batch) and their operations, in total and for the last batch alone.
 *
 * <pre>
 *  double[LENGTH]:  busy ns | operations | last batch ns | last batch operations
 * </pre>
 */
final class BatchReport {

    static final int LENGTH = 4;

    private long busyNs;
    private long busyOps;
    private long lastNs;
    private long lastOps;

    void batch(long ns, long ops) {
        busyNs += ns;
        busyOps += ops;
        lastNs = ns;
        lastOps = ops;
    }

    void clear() {
        busyNs = 0;
        busyOps = 0;
        lastNs = 0;
        lastOps = 0;
    }

    void writeTo(double[] wire, int at) {
        wire[at] = busyNs;
        wire[at + 1] = busyOps;
        wire[at + 2] = lastNs;
        wire[at + 3] = lastOps;
    }

    static double ops(double[] wire, int at) {
        return wire[at + 1];
    }

    static double lastOps(double[] wire, int at) {
        return wire[at + 3];
    }

    /**
     * Time per operation of one rank's report; without the last batch when {@code dropLast} and other batches exist.
     * NaN when no operation ran.
     */
    static double nsPerOp(double[] wire, int at, boolean dropLast) {
        double ns = wire[at];
        double ops = wire[at + 1];
        if (dropLast && ops > wire[at + 3]) {
            ns -= wire[at + 2];
            ops -= wire[at + 3];
        }
        return ops > 0 ? ns / ops : Double.NaN;
    }
}
