package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * Every rank contributes {@code np} blocks of {@code size} ints; rank r receives the element-wise SUM of every rank's
 * block r (MPI_Reduce_scatter_block). {@code size} is the block a rank receives, as for gather, scatter, allgather and
 * alltoall; OSU's {@code osu_reduce_scatter} counts the whole vector instead, so its figure at N elements is ours at N
 * / np.
 */
final class ReduceScatterWorkload extends Workload {

    private final Ints all;
    private final Ints mine;

    ReduceScatterWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.REDUCE_SCATTER, buffer);
        this.all = new Ints(buffer, (long) size * comm.size(), where);
        this.mine = new Ints(buffer, size, where);
    }

    @Override
    void run() {
        if (all.array != null) {
            comm.reduceScatter(all.array, 0, size, mine.array, 0, ReduceOp.SUM);
        } else {
            comm.reduceScatter(all.bytes, mine.bytes, DataType.INT, ReduceOp.SUM);
        }
    }

    @Override
    void validate(int seq) {
        int np = comm.size();
        int rank = comm.rank();
        for (int i = 0; i < all.length(); i++) {
            all.set(i, DataPattern.value(seq, rank, i));
        }
        int first = rank * size;
        for (int i = 0; i < size; i++) {
            mine.set(i, ~DataPattern.sum(seq, np, first + i));
        }
        run();
        for (int i = 0; i < size; i++) {
            expectInt("sum of block " + rank, i, mine.get(i), DataPattern.sum(seq, np, first + i));
        }
    }
}
