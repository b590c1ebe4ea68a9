package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Every rank's {@code size} ints gathered to the root, rank by rank (OSU {@code osu_gather}). Also the first phase of
 * {@link GatherAverageWorkload}, which holds one of these, so both time the very same gather. Only a rank that is ever
 * the root ({@link Roots#mayBe}) holds the gathered blocks.
 */
final class GatherWorkload extends Workload {

    private final Roots roots;
    private final int np;
    private final Ints mine;
    /** Null on a rank that is never the root. */
    private final Ints gathered;
    /** Created once over {@code gathered}'s direct buffer: the average reads it in bulk. */
    private final IntBuffer gatheredView;

    GatherWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots) {
        this(comm, size, backend, buffer, roots, Operation.GATHER);
    }

    /** @param op the operation this gather is (part of), for messages */
    GatherWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots, Operation op) {
        super(comm, size, backend, op, buffer);
        this.roots = roots;
        this.np = comm.size();
        this.mine = new Ints(buffer, size, where);
        this.gathered = roots.mayBe(comm.rank()) ? new Ints(buffer, (long) size * np, where) : null;
        this.gatheredView = gathered == null || gathered.bytes == null ? null : gathered.bytes.asIntBuffer();
    }

    @Override
    void run() {
        runAt(roots.next());
    }

    /** One gather to {@code root}: for a caller that chose the operation's root itself (gather-average). */
    void runAt(int root) {
        if (mine.array != null) {
            comm.gather(mine.array, 0, size, gathered == null ? null : gathered.array, 0, root);
        } else {
            ByteBuffer into = gathered == null ? null : gathered.bytes;
            comm.gather(mine.bytes, into, root);
        }
    }

    /** The roots of this gather's operations. */
    Roots roots() {
        return roots;
    }

    int np() {
        return np;
    }

    /** The gathered blocks as an array ({@code array} buffers, on a rank that may be the root), else null. */
    int[] gatheredArray() {
        return gathered == null ? null : gathered.array;
    }

    /** The gathered blocks as a view of the direct buffer ({@code direct} buffers, a possible root), else null. */
    IntBuffer gatheredDirect() {
        return gatheredView;
    }

    @Override
    void validate(int seq) {
        int root = roots.next();
        fill(seq, root);
        runAt(root);
        check(seq, root);
    }

    /** This rank's block for round {@code seq}; sentinels in the receive buffer if this rank is the root. */
    void fill(int seq, int root) {
        int rank = comm.rank();
        for (int i = 0; i < size; i++) {
            mine.set(i, DataPattern.value(seq, rank, i));
        }
        if (rank == root) {
            for (int r = 0; r < np; r++) {
                for (int i = 0; i < size; i++) {
                    gathered.set(r * size + i, DataPattern.sentinel(seq, r, i));
                }
            }
        }
    }

    /** At the root: every rank's block arrived in its place. */
    void check(int seq, int root) {
        if (comm.rank() != root) {
            return;
        }
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                int got = gathered.get(r * size + i);
                if (got != DataPattern.value(seq, r, i)) {
                    expectInt("block of rank " + r + " gathered at root " + root, i, got, DataPattern.value(seq, r, i));
                }
            }
        }
    }
}
