package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * Every rank contributes {@code size} ints; the root receives their element-wise SUM (OSU {@code osu_reduce}). Only a
 * rank that is ever the root ({@link Roots#mayBe}) holds a result buffer.
 */
final class ReduceWorkload extends Workload {

    private final Roots roots;
    private final Ints mine;
    /** Null on a rank that is never the root. */
    private final Ints sum;

    ReduceWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots) {
        super(comm, size, backend, Operation.REDUCE, buffer);
        this.roots = roots;
        this.mine = new Ints(buffer, size, where);
        this.sum = roots.mayBe(comm.rank()) ? new Ints(buffer, size, where) : null;
    }

    @Override
    void run() {
        reduceTo(roots.next());
    }

    private void reduceTo(int root) {
        if (mine.array != null) {
            comm.reduce(mine.array, 0, size, sum == null ? null : sum.array, 0, ReduceOp.SUM, root);
        } else {
            comm.reduce(mine.bytes, sum == null ? null : sum.bytes, DataType.INT, ReduceOp.SUM, root);
        }
    }

    @Override
    void validate(int seq) {
        int np = comm.size();
        int root = roots.next();
        boolean isRoot = comm.rank() == root;
        for (int i = 0; i < size; i++) {
            mine.set(i, DataPattern.value(seq, comm.rank(), i));
            if (isRoot) {
                sum.set(i, ~DataPattern.sum(seq, np, i));
            }
        }
        reduceTo(root);
        if (isRoot) {
            for (int i = 0; i < size; i++) {
                expectInt("sum at root " + root, i, sum.get(i), DataPattern.sum(seq, np, i));
            }
        }
    }
}
