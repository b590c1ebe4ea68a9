package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Every rank enters a barrier and leaves it once all have entered (OSU {@code osu_barrier}). It moves no data, so there
 * is nothing to compare: validation runs one barrier on every rank (a barrier that hangs or throws shows before
 * anything is timed), and after every iteration the session checks that every rank got through the same number of them.
 */
final class BarrierWorkload extends Workload {

    BarrierWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.BARRIER, buffer);
    }

    @Override
    void run() {
        comm.barrier();
    }

    @Override
    void validate(int seq) {
        run();
    }
}
