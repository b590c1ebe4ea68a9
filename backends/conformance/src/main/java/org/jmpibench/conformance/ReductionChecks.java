package org.jmpibench.conformance;

import static org.jmpibench.conformance.ConformanceRank.LARGE_COUNT;
import static org.jmpibench.conformance.ConformanceRank.SMALL_COUNTS;
import static org.jmpibench.conformance.ConformanceRank.largeBlock;

import org.jmpibench.conformance.Kind.Vec;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.ReduceOp;

/**
 * allreduce, reduce and reduceScatter: every kind of buffer, every {@link ReduceOp}, every root, counts 0, 1, an odd
 * one and one over 1 Mi elements in all (which takes the large-message algorithms of backends that switch by size). The
 * inputs make SUM, MIN and MAX differ and depend on the element's index, so a wrong operation, a misplaced block or a
 * result taken from one rank only shows up as a wrong element.
 */
final class ReductionChecks {

    private final Communicator comm;
    private final int rank;
    private final int size;

    ReductionChecks(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
    }

    void run(Steps steps) throws Exception {
        for (int count : SMALL_COUNTS) {
            steps.run(
                    "allreduce of " + count + ": every kind, SUM/MIN/MAX", () -> eachKindAndOp(count, this::allreduce));
            steps.run(
                    "reduce of " + count + " to every root: every kind, SUM/MIN/MAX",
                    () -> eachKindAndOp(count, this::reduceToEveryRoot));
            steps.run(
                    "reduceScatter of " + count + " per block: every kind, SUM/MIN/MAX",
                    () -> eachKindAndOp(count, this::reduceScatter));
        }
        steps.run("allreduce of " + LARGE_COUNT + ": int[] SUM, double[] MIN, direct DOUBLE MAX", () -> {
            allreduce(Kind.INTS, LARGE_COUNT, ReduceOp.SUM);
            allreduce(Kind.DOUBLES, LARGE_COUNT, ReduceOp.MIN);
            allreduce(Kind.DIRECT_DOUBLES, LARGE_COUNT, ReduceOp.MAX);
        });
        steps.run("reduce of " + LARGE_COUNT + ": int[] SUM to every root, direct DOUBLE MAX", () -> {
            reduceToEveryRoot(Kind.INTS, LARGE_COUNT, ReduceOp.SUM);
            reduce(Kind.DIRECT_DOUBLES, LARGE_COUNT, ReduceOp.MAX, size - 1, false);
        });
        int block = largeBlock(size);
        steps.run("reduceScatter of " + block + " per block: int[] SUM, direct DOUBLE MIN", () -> {
            reduceScatter(Kind.INTS, block, ReduceOp.SUM);
            reduceScatter(Kind.DIRECT_DOUBLES, block, ReduceOp.MIN);
        });
    }

    private interface Check {
        void run(Kind kind, int count, ReduceOp op);
    }

    private static void eachKindAndOp(int count, Check check) {
        for (Kind kind : Kind.ALL) {
            for (ReduceOp op : ReduceOp.values()) {
                check.run(kind, count, op);
            }
        }
    }

    /**
     * Rank {@code r}'s element {@code i}: which rank holds the minimum and the maximum changes with {@code i}, the
     * three results differ, and all of them depend on {@code i}.
     */
    static int contribution(int r, int i) {
        return ((r * 7 + i * 3) % 11 - 5) * 1000 + 2 * i + r;
    }

    /** As {@link #contribution} for the kind; doubles get quarters, whose sums are exact in any order. */
    private static double input(Kind kind, int r, int i) {
        return kind.floating() ? contribution(r, i) + 0.25 * (r % 4) : contribution(r, i);
    }

    private double reduced(Kind kind, ReduceOp op, int i) {
        double result = input(kind, 0, i);
        for (int r = 1; r < size; r++) {
            result = op.apply(result, input(kind, r, i));
        }
        return result;
    }

    private Vec inputs(Kind kind, int elements) {
        Vec send = kind.allocate(elements);
        for (int i = 0; i < elements; i++) {
            send.set(i, input(kind, rank, i));
        }
        return send;
    }

    /** The send buffer must come back unchanged: a backend may not use it as scratch. */
    private void checkInputsKept(Kind kind, Vec send, String what) {
        for (int i = 0; i < send.elements; i++) {
            Expect.element(input(kind, rank, i), send.get(i), what + " (send buffer modified)", i);
        }
        send.checkGuards(what + " (send buffer)");
    }

    private void allreduce(Kind kind, int count, ReduceOp op) {
        String what = "allreduce " + kind + " " + op + " of " + count;
        Vec send = inputs(kind, count);
        Vec recv = kind.allocate(count);
        kind.allreduce(comm, send, recv, count, op);
        for (int i = 0; i < count; i++) {
            Expect.element(reduced(kind, op, i), recv.get(i), what, i);
        }
        recv.checkGuards(what);
        checkInputsKept(kind, send, what);
    }

    private void reduceToEveryRoot(Kind kind, int count, ReduceOp op) {
        for (int root = 0; root < size; root++) {
            // Off the root the receive buffer is ignored: pass null for every other root.
            reduce(kind, count, op, root, root % 2 == 0);
        }
    }

    private void reduce(Kind kind, int count, ReduceOp op, int root, boolean nullOffRoot) {
        String what = "reduce " + kind + " " + op + " of " + count + " to root " + root;
        Vec send = inputs(kind, count);
        Vec recv = rank == root || !nullOffRoot ? kind.allocate(count) : null;
        kind.reduce(comm, send, recv, count, op, root);
        if (rank == root) {
            for (int i = 0; i < count; i++) {
                Expect.element(reduced(kind, op, i), recv.get(i), what, i);
            }
            recv.checkGuards(what);
        }
        checkInputsKept(kind, send, what);
    }

    private void reduceScatter(Kind kind, int count, ReduceOp op) {
        String what = "reduceScatter " + kind + " " + op + " of " + count + " per block";
        Vec send = inputs(kind, Math.multiplyExact(size, count));
        Vec recv = kind.allocate(count);
        kind.reduceScatter(comm, send, recv, count, op);
        for (int i = 0; i < count; i++) {
            Expect.element(reduced(kind, op, rank * count + i), recv.get(i), what + ", block " + rank, i);
        }
        recv.checkGuards(what);
        checkInputsKept(kind, send, what);
    }
}
