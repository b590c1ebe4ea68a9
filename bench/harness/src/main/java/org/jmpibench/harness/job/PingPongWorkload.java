package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Rank 0 sends {@code size} ints to rank 1 and waits for them to come back; rank 1 echoes; other ranks idle
 * (OSU {@code osu_latency}). Rank 0 sends from one buffer and receives into another, so validation proves a
 * real echo rather than an untouched buffer.
 */
final class PingPongWorkload extends Workload {

    private final boolean direct;
    private final int[] out;
    private final int[] in;
    private final ByteBuffer outBytes;
    private final ByteBuffer inBytes;

    PingPongWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.SEND, buffer);
        this.direct = buffer == BufferKind.DIRECT;
        boolean active = comm.rank() <= 1;
        // Rank 1 echoes from the buffer it received into: it needs only one.
        this.out = active && !direct && comm.rank() == 0 ? new int[size] : null;
        this.in = active && !direct ? new int[size] : null;
        this.outBytes = active && direct && comm.rank() == 0 ? direct(4L * size, where) : null;
        this.inBytes = active && direct ? direct(4L * size, where) : null;
    }

    @Override
    void run() {
        int rank = comm.rank();
        if (rank == 0) {
            if (direct) {
                comm.send(outBytes, 1, DATA_TAG);
                expectCount(comm.recv(inBytes, 1, DATA_TAG), 4 * size);
            } else {
                comm.send(out, 0, size, 1, DATA_TAG);
                expectCount(comm.recv(in, 0, size, 1, DATA_TAG), size);
            }
        } else if (rank == 1) {
            receive();
            echo();
        }
    }

    private void receive() {
        if (direct) {
            expectCount(comm.recv(inBytes, 0, DATA_TAG), 4 * size);
        } else {
            expectCount(comm.recv(in, 0, size, 0, DATA_TAG), size);
        }
    }

    private void echo() {
        if (direct) {
            comm.send(inBytes, 0, DATA_TAG);
        } else {
            comm.send(in, 0, size, 0, DATA_TAG);
        }
    }

    @Override
    void validate(int seq) {
        int rank = comm.rank();
        if (rank == 0) {
            IntBuffer outView = direct ? outBytes.asIntBuffer() : IntBuffer.wrap(out);
            IntBuffer inView = direct ? inBytes.asIntBuffer() : IntBuffer.wrap(in);
            for (int i = 0; i < size; i++) {
                outView.put(i, DataPattern.value(seq, 0, i));
                inView.put(i, DataPattern.sentinel(seq, 0, i));
            }
            run();
            for (int i = 0; i < size; i++) {
                expectInt("echo from rank 1", i, inView.get(i), DataPattern.value(seq, 0, i));
            }
        } else if (rank == 1) {
            IntBuffer inView = direct ? inBytes.asIntBuffer() : IntBuffer.wrap(in);
            for (int i = 0; i < size; i++) {
                inView.put(i, DataPattern.sentinel(seq, 0, i));
            }
            receive();
            for (int i = 0; i < size; i++) {
                expectInt("ping from rank 0", i, inView.get(i), DataPattern.value(seq, 0, i));
            }
            echo();
        }
    }
}
