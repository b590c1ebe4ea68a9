package org.jmpibench.spi.plain;

import java.util.concurrent.TimeUnit;

/**
 * The timing protocol every plain program follows, written once so that the programs differ only in their library
 * calls. First, untimed, the loop is sized: {@code count} doubles from 1 until one loop takes an eighth of an
 * iteration. Then each iteration: a barrier, then {@code count} calls of {@link #call()} between two {@code nanoTime}s
 * on every rank; rank 0 prints the measured ones. After each warm-up iteration rank 0 rescales {@code count} to fill
 * the iteration time. Every decision is rank 0's, shared with the others ({@link #agree}), outside the timed loop, so
 * every rank runs exactly the same number of calls (MPI peers deadlock otherwise), and every warm-up iteration is as
 * long as the suite's (JMH's warm-up iterations are time-based). The timed loop itself is nothing but the library call.
 */
public abstract class PlainLoop {

    /** The sizing loop stops once one loop takes 1/this of an iteration. */
    private static final int SIZING_SHARE = 8;

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
        int count = size(targetNs);
        for (int iteration = 0; iteration < run.warmups() + run.iterations(); iteration++) {
            long ns = loop(count);
            if (iteration < run.warmups()) {
                count = agree(rescaled(count, ns, targetNs));
            } else if (rank() == 0) {
                System.out.println(
                        PlainRun.resultLine(iteration - run.warmups(), (double) ns / count / run.messagesPerCall()));
            }
        }
    }

    /** The count of calls that fills an iteration, found by doubling (untimed as far as results go). */
    private int size(long targetNs) {
        int count = 1;
        while (true) {
            long ns = loop(count);
            boolean enough = ns >= targetNs / SIZING_SHARE || count >= Integer.MAX_VALUE / 2;
            if (agree(enough ? 1 : 0) == 1) {
                return agree(rescaled(count, ns, targetNs));
            }
            count *= 2;
        }
    }

    /** A barrier, then {@code count} calls on the ranks that take part; the nanoseconds of the calls. */
    private long loop(int count) {
        boolean timed = inTimedLoop();
        barrier();
        long start = System.nanoTime();
        if (timed) {
            for (int i = 0; i < count; i++) {
                call();
            }
        }
        return System.nanoTime() - start;
    }

    private static int rescaled(int count, long ns, long targetNs) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(2, (long) ((double) count * targetNs / Math.max(1, ns))));
    }
}
