package org.jmpibench.spi.plain;

import java.util.concurrent.TimeUnit;

/**
 * The timing protocol every plain program follows, written once so that the programs differ only in their library
 * calls. Each iteration: a barrier, then {@code count} calls of {@link #call()} between two {@code nanoTime}s on
 * every rank; rank 0 prints the measured ones. After each warm-up iteration rank 0 rescales {@code count} to fill
 * the iteration time and tells the others ({@link #agree}), outside the timed loop, so every rank runs exactly
 * the same number of calls (MPI peers deadlock otherwise). The timed loop itself is nothing but the library call.
 */
public abstract class PlainLoop {

    /** This rank's number. */
    protected abstract int rank();

    /** The library's barrier. */
    protected abstract void barrier();

    /** Rank 0's {@code value}, on every rank (the library's bcast of one int). */
    protected abstract int agree(int value);

    /** One timed call of the operation: for {@code send}, a whole round trip on ranks 0 and 1. */
    protected abstract void call();

    /** Whether this rank takes part in the timed calls ({@code send}: ranks 0 and 1 only). */
    protected boolean inTimedLoop() {
        return true;
    }

    /** Runs the warm-up and measured iterations of {@code run}; rank 0 prints one line per measured iteration. */
    public final void time(PlainRun run) {
        long targetNs = TimeUnit.MILLISECONDS.toNanos(run.iterationMillis());
        int count = 1;
        boolean timed = inTimedLoop();
        for (int iteration = 0; iteration < run.warmups() + run.iterations(); iteration++) {
            barrier();
            long start = System.nanoTime();
            if (timed) {
                for (int i = 0; i < count; i++) {
                    call();
                }
            }
            long ns = System.nanoTime() - start;
            if (iteration < run.warmups()) {
                int next = (int) Math.min(Integer.MAX_VALUE, Math.max(2, (long) ((double) count * targetNs / ns)));
                count = agree(next);
            } else if (rank() == 0) {
                System.out.println(PlainRun.resultLine(iteration - run.warmups(),
                        (double) ns / count / run.messagesPerCall()));
            }
        }
    }
}
