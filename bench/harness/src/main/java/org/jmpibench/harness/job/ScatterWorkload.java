package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * The root's {@code np} blocks of {@code size} ints, block r to rank r (OSU {@code osu_scatter}, whose size is also one
 * block). Only a rank that is ever the root ({@link Roots#mayBe}) holds the blocks to send.
 */
final class ScatterWorkload extends Workload {

    private final Roots roots;
    /** Null on a rank that is never the root. */
    private final Ints blocks;

    private final Ints mine;

    ScatterWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots) {
        super(comm, size, backend, Operation.SCATTER, buffer);
        this.roots = roots;
        this.blocks = roots.mayBe(comm.rank()) ? new Ints(buffer, (long) size * comm.size(), where) : null;
        this.mine = new Ints(buffer, size, where);
    }

    @Override
    void run() {
        scatterFrom(roots.next());
    }

    private void scatterFrom(int root) {
        if (mine.array != null) {
            comm.scatter(blocks == null ? null : blocks.array, 0, size, mine.array, 0, root);
        } else {
            comm.scatter(blocks == null ? null : blocks.bytes, mine.bytes, root);
        }
    }

    /** Block r of the root is {@link DataPattern#value} of the root at index {@code r * size + i}. */
    @Override
    void validate(int seq) {
        int rank = comm.rank();
        int root = roots.next();
        if (rank == root) {
            for (int i = 0; i < blocks.length(); i++) {
                blocks.set(i, DataPattern.value(seq, root, i));
            }
        }
        for (int i = 0; i < size; i++) {
            mine.set(i, DataPattern.sentinel(seq, root, rank * size + i));
        }
        scatterFrom(root);
        for (int i = 0; i < size; i++) {
            expectInt("block from root " + root, i, mine.get(i), DataPattern.value(seq, root, rank * size + i));
        }
    }
}
