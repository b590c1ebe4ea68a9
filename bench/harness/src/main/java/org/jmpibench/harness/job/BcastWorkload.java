package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/** The root broadcasts {@code size} ints to every rank (OSU {@code osu_bcast}). */
final class BcastWorkload extends Workload {

    private final Roots roots;
    private final Ints data;

    BcastWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots) {
        super(comm, size, backend, Operation.BCAST, buffer);
        this.roots = roots;
        this.data = new Ints(buffer, size, where);
    }

    @Override
    void run() {
        bcastFrom(roots.next());
    }

    private void bcastFrom(int root) {
        if (data.array != null) {
            comm.bcast(data.array, 0, size, root);
        } else {
            comm.bcast(data.bytes, root);
        }
    }

    @Override
    void validate(int seq) {
        int root = roots.next();
        boolean isRoot = comm.rank() == root;
        for (int i = 0; i < size; i++) {
            data.set(i, isRoot ? DataPattern.value(seq, root, i) : DataPattern.sentinel(seq, root, i));
        }
        bcastFrom(root);
        for (int i = 0; i < size; i++) {
            expectInt("bcast buffer from root " + root, i, data.get(i), DataPattern.value(seq, root, i));
        }
    }
}
