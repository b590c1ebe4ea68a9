package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/** Rank 0 broadcasts {@code size} ints to every rank (OSU {@code osu_bcast}). */
final class BcastWorkload extends Workload {

    private static final int ROOT = 0;

    private final int[] data;
    private final ByteBuffer bytes;

    BcastWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.BCAST, buffer);
        this.data = buffer == BufferKind.ARRAY ? new int[size] : null;
        this.bytes = buffer == BufferKind.DIRECT ? direct(4L * size, where) : null;
    }

    @Override
    void run() {
        if (data != null) {
            comm.bcast(data, 0, size, ROOT);
        } else {
            comm.bcast(bytes, ROOT);
        }
    }

    @Override
    void validate(int seq) {
        IntBuffer view = data != null ? IntBuffer.wrap(data) : bytes.asIntBuffer();
        boolean root = comm.rank() == ROOT;
        for (int i = 0; i < size; i++) {
            view.put(i, root ? DataPattern.value(seq, ROOT, i) : DataPattern.sentinel(seq, ROOT, i));
        }
        run();
        for (int i = 0; i < size; i++) {
            expectInt("bcast buffer", i, view.get(i), DataPattern.value(seq, ROOT, i));
        }
    }
}
