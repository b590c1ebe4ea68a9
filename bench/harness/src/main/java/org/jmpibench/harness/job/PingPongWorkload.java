package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Rank 0 sends {@code size} ints to rank 1 and waits for them to come back; rank 1 echoes; other ranks idle (OSU
 * {@code osu_latency}). Each of the two ranks sends from and receives into one buffer, as the plain programs of
 * {@code calibrate} do: one buffer per rank is the smallest working set a ping-pong can have, so no cache miss the
 * library itself would not see is timed. Validation still proves a real echo: rank 0 fills its buffer with sentinels
 * between its send and its receive.
 */
final class PingPongWorkload extends Workload {

    private final boolean direct;
    private final int[] data;
    private final ByteBuffer bytes;
    /** View over {@link #bytes} for validation only. */
    private final IntBuffer view;

    PingPongWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.SEND, buffer);
        this.direct = buffer == BufferKind.DIRECT;
        boolean active = comm.rank() <= 1;
        this.data = active && !direct ? new int[size] : null;
        this.bytes = active && direct ? direct(4L * size, where) : null;
        this.view = !active ? null : direct ? bytes.asIntBuffer() : IntBuffer.wrap(data);
    }

    @Override
    void run() {
        int rank = comm.rank();
        if (rank == 0) {
            send(1);
            receive(1);
        } else if (rank == 1) {
            receive(0);
            send(0);
        }
    }

    private void send(int peer) {
        if (direct) {
            comm.send(bytes, peer, DATA_TAG);
        } else {
            comm.send(data, 0, size, peer, DATA_TAG);
        }
    }

    private void receive(int peer) {
        if (direct) {
            expectCount(comm.recv(bytes, peer, DATA_TAG), 4 * size);
        } else {
            expectCount(comm.recv(data, 0, size, peer, DATA_TAG), size);
        }
    }

    /** The calls of {@link #run()} in its order, with the buffer refilled and checked between them. */
    @Override
    void validate(int seq) {
        int rank = comm.rank();
        if (rank == 0) {
            fill(seq, false);
            send(1);
            fill(seq, true);
            receive(1);
            check(seq, "echo from rank 1");
        } else if (rank == 1) {
            fill(seq, true);
            receive(0);
            check(seq, "ping from rank 0");
            send(0);
        }
    }

    private void fill(int seq, boolean sentinel) {
        for (int i = 0; i < size; i++) {
            view.put(i, sentinel ? DataPattern.sentinel(seq, 0, i) : DataPattern.value(seq, 0, i));
        }
    }

    private void check(int seq, String what) {
        for (int i = 0; i < size; i++) {
            expectInt(what, i, view.get(i), DataPattern.value(seq, 0, i));
        }
    }
}
