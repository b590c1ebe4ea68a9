package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * Every rank contributes {@code size} ints and receives their element-wise SUM (OSU {@code osu_allreduce}, which
 * reduces floats: the same 4 bytes an element). Int sums wrap, so the expected result is exact in any order.
 */
final class AllreduceWorkload extends Workload {

    private final Ints mine;
    private final Ints sum;

    AllreduceWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.ALLREDUCE, buffer);
        this.mine = new Ints(buffer, size, where);
        this.sum = new Ints(buffer, size, where);
    }

    @Override
    void run() {
        if (mine.array != null) {
            comm.allreduce(mine.array, 0, size, sum.array, 0, ReduceOp.SUM);
        } else {
            comm.allreduce(mine.bytes, sum.bytes, DataType.INT, ReduceOp.SUM);
        }
    }

    @Override
    void validate(int seq) {
        int np = comm.size();
        for (int i = 0; i < size; i++) {
            mine.set(i, DataPattern.value(seq, comm.rank(), i));
            sum.set(i, ~DataPattern.sum(seq, np, i));
        }
        run();
        for (int i = 0; i < size; i++) {
            expectInt("sum", i, sum.get(i), DataPattern.sum(seq, np, i));
        }
    }
}
