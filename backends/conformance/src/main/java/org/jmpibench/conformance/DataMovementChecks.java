package org.jmpibench.conformance;

import static org.jmpibench.conformance.ConformanceRank.SMALL_COUNTS;
import static org.jmpibench.conformance.ConformanceRank.largeBlock;

import org.jmpibench.conformance.Kind.Vec;
import org.jmpibench.spi.Communicator;

/**
 * allgather, alltoall and scatter: every kind of buffer, every root, counts 0, 1 and an odd one per block, and blocks
 * that make over 1 Mi elements in all. Every element says which rank sent it, which block it belongs to and where in
 * the block it was ({@link #value}), so a block that lands in the wrong place or comes from the wrong rank is caught.
 */
final class DataMovementChecks {

    private final Communicator comm;
    private final int rank;
    private final int size;

    DataMovementChecks(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
    }

    void run(Steps steps) throws Exception {
        for (int count : SMALL_COUNTS) {
            steps.run("allgather of " + count + ": every kind", () -> eachKind(count, this::allgather));
            steps.run("alltoall of " + count + " per block: every kind", () -> eachKind(count, this::alltoall));
            steps.run(
                    "scatter of " + count + " from every root: every kind",
                    () -> eachKind(count, this::scatterFromEveryRoot));
        }
        int large = largeBlock(size);
        steps.run("allgather of " + large + " per block: int[], direct DOUBLE", () -> {
            allgather(Kind.INTS, large);
            allgather(Kind.DIRECT_DOUBLES, large);
        });
        steps.run("alltoall of " + large + " per block: double[], direct INT", () -> {
            alltoall(Kind.DOUBLES, large);
            alltoall(Kind.DIRECT_INTS, large);
        });
        steps.run("scatter of " + large + " per block: int[] from every root, direct DOUBLE", () -> {
            scatterFromEveryRoot(Kind.INTS, large);
            scatter(Kind.DIRECT_DOUBLES, large, size - 1, false);
        });
    }

    private interface Check {
        void run(Kind kind, int count);
    }

    private static void eachKind(int count, Check check) {
        for (Kind kind : Kind.ALL) {
            check.run(kind, count);
        }
    }

    /** Element {@code i} of block {@code block} that rank {@code source} sends: unique below 2^21 elements. */
    static int value(int source, int block, int i) {
        return ((source * 8 + block % 8 + 1) << 21) + i;
    }

    private Vec blocks(Kind kind, int blocks, int count, int blockOffset) {
        Vec vec = kind.allocate(Math.multiplyExact(blocks, count));
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < count; i++) {
                vec.set(b * count + i, kind.value(value(rank, blockOffset + b, i)));
            }
        }
        return vec;
    }

    private void allgather(Kind kind, int count) {
        String what = "allgather " + kind + " of " + count;
        Vec send = blocks(kind, 1, count, 0);
        Vec recv = kind.allocate(Math.multiplyExact(size, count));
        kind.allgather(comm, send, recv, count);
        for (int r = 0; r < size; r++) {
            for (int i = 0; i < count; i++) {
                Expect.element(kind.value(value(r, 0, i)), recv.get(r * count + i), what + ", block of rank " + r, i);
            }
        }
        recv.checkGuards(what);
        send.checkGuards(what);
    }

    private void alltoall(Kind kind, int count) {
        String what = "alltoall " + kind + " of " + count + " per block";
        Vec send = blocks(kind, size, count, 0);
        Vec recv = kind.allocate(Math.multiplyExact(size, count));
        kind.alltoall(comm, send, recv, count);
        for (int r = 0; r < size; r++) {
            for (int i = 0; i < count; i++) {
                Expect.element(
                        kind.value(value(r, rank, i)), recv.get(r * count + i), what + ", block from rank " + r, i);
            }
        }
        recv.checkGuards(what);
        send.checkGuards(what);
    }

    private void scatterFromEveryRoot(Kind kind, int count) {
        for (int root = 0; root < size; root++) {
            // Off the root the send buffer is ignored: pass null for every other root.
            scatter(kind, count, root, root % 2 == 1);
        }
    }

    private void scatter(Kind kind, int count, int root, boolean nullOffRoot) {
        String what = "scatter " + kind + " of " + count + " from root " + root;
        Vec send = rank == root || !nullOffRoot ? blocks(kind, size, count, 0) : null;
        Vec recv = kind.allocate(count);
        kind.scatter(comm, send, recv, count, root);
        for (int i = 0; i < count; i++) {
            Expect.element(kind.value(value(root, rank, i)), recv.get(i), what, i);
        }
        recv.checkGuards(what);
    }
}
