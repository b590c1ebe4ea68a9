package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Personalised all-to-all: every rank sends a block of {@code size} ints to every rank, its own included, and receives
 * one from each (OSU {@code osu_alltoall}, whose size is also one block). Each rank sends and receives {@code np *
 * size} ints per operation.
 */
final class AlltoallWorkload extends Workload {

    private final Ints out;
    private final Ints in;

    AlltoallWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.ALLTOALL, buffer);
        this.out = new Ints(buffer, (long) size * comm.size(), where);
        this.in = new Ints(buffer, (long) size * comm.size(), where);
    }

    @Override
    void run() {
        if (out.array != null) {
            comm.alltoall(out.array, 0, size, in.array, 0);
        } else {
            comm.alltoall(out.bytes, in.bytes);
        }
    }

    /**
     * Block {@code to} of rank {@code from} is {@link DataPattern#value} at index {@code to * size + i}: one per pair.
     */
    @Override
    void validate(int seq) {
        int np = comm.size();
        int rank = comm.rank();
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                out.set(r * size + i, DataPattern.value(seq, rank, r * size + i));
                in.set(r * size + i, DataPattern.sentinel(seq, r, rank * size + i));
            }
        }
        run();
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                expectInt("block from rank " + r, i, in.get(r * size + i), DataPattern.value(seq, r, rank * size + i));
            }
        }
    }
}
