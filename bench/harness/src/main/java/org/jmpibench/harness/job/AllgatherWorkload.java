package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/** Every rank's {@code size} ints to every rank, rank r's block at {@code r * size} (OSU {@code osu_allgather}). */
final class AllgatherWorkload extends Workload {

    private final Ints mine;
    private final Ints all;

    AllgatherWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.ALLGATHER, buffer);
        this.mine = new Ints(buffer, size, where);
        this.all = new Ints(buffer, (long) size * comm.size(), where);
    }

    @Override
    void run() {
        if (mine.array != null) {
            comm.allgather(mine.array, 0, size, all.array, 0);
        } else {
            comm.allgather(mine.bytes, all.bytes);
        }
    }

    @Override
    void validate(int seq) {
        int np = comm.size();
        for (int i = 0; i < size; i++) {
            mine.set(i, DataPattern.value(seq, comm.rank(), i));
        }
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                all.set(r * size + i, DataPattern.sentinel(seq, r, i));
            }
        }
        run();
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                expectInt("block of rank " + r, i, all.get(r * size + i), DataPattern.value(seq, r, i));
            }
        }
    }
}
