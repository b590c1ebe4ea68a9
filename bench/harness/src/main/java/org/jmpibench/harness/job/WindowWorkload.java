package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Request;

/**
 * OSU's bandwidth tests between ranks 0 and 1 (other ranks idle), one window of {@link Operation#WINDOW} messages of
 * {@code size} ints per operation:
 *
 * <ul>
 *   <li>{@code bw} ({@code osu_bw}): rank 0 starts {@code WINDOW} non-blocking sends, rank 1 as many non-blocking
 *       receives; each waits for all of its own; rank 1 then sends a one-int acknowledgement, which rank 0 waits for,
 *       so that a window is timed until the data arrived, not until the sends were buffered.
 *   <li>{@code bibw} ({@code osu_bibw}): both ranks start {@code WINDOW} receives from the other, then {@code WINDOW}
 *       sends to it, and wait for all {@code 2 WINDOW}; no acknowledgement (each waits for the other's data).
 * </ul>
 *
 * As in OSU, every send of a window goes out of the one send buffer (several sends may read a buffer at once). Receives
 * differ: OSU posts all of a window's receives into one buffer, which MPI calls erroneous and our SPI forbids (a buffer
 * belongs to its request until it completes), so each receive here has its own slot of a {@code WINDOW * size} buffer
 * (OSU's {@code -b multiple}). The requests and, for direct buffers, the slots' views are made once; a window allocates
 * nothing of ours.
 */
final class WindowWorkload extends Workload {

    /** Tag of the acknowledgement, apart from the data's {@link Workload#DATA_TAG}. */
    static final int ACK_TAG = 8;

    private static final int WINDOW = Operation.WINDOW;

    private final boolean both;
    private final boolean sends;
    private final boolean receives;
    private final int peer;
    private final Ints out;
    private final Ints slots;
    private final ByteBuffer[] slotBytes;
    private final Request[] requests = new Request[2 * WINDOW];
    private final int[] ack = new int[1];

    WindowWorkload(Communicator comm, int size, String backend, BufferKind buffer, Operation op) {
        super(comm, size, backend, op, buffer);
        if (op != Operation.BW && op != Operation.BIBW) {
            throw new IllegalArgumentException("not a window operation: " + op.cliName());
        }
        int rank = comm.rank();
        this.both = op == Operation.BIBW;
        this.sends = rank == 0 || both && rank == 1;
        this.receives = rank == 1 || both && rank == 0;
        this.peer = 1 - rank;
        this.out = sends ? new Ints(buffer, size, where) : null;
        this.slots = receives ? new Ints(buffer, (long) WINDOW * size, where) : null;
        this.slotBytes = slots != null && slots.bytes != null ? slices(slots.bytes, Integer.BYTES * size) : null;
    }

    private static ByteBuffer[] slices(ByteBuffer all, int bytes) {
        ByteBuffer[] slices = new ByteBuffer[WINDOW];
        for (int j = 0; j < WINDOW; j++) {
            slices[j] = all.slice(j * bytes, bytes);
        }
        return slices;
    }

    @Override
    void run() {
        if (comm.rank() > 1) {
            return;
        }
        int started = 0;
        if (receives) {
            for (int j = 0; j < WINDOW; j++) {
                requests[started++] = slotBytes != null
                        ? comm.irecv(slotBytes[j], peer, DATA_TAG)
                        : comm.irecv(slots.array, j * size, size, peer, DATA_TAG);
            }
        }
        if (sends) {
            for (int j = 0; j < WINDOW; j++) {
                requests[started++] = out.bytes != null
                        ? comm.isend(out.bytes, peer, DATA_TAG)
                        : comm.isend(out.array, 0, size, peer, DATA_TAG);
            }
        }
        comm.waitAll(requests, started);
        // Awaited requests may be reused by the backend: drop them.
        Arrays.fill(requests, 0, started, null);
        if (!both) {
            acknowledge();
        }
    }

    /** bw: the receiver tells the sender its whole window arrived. */
    private void acknowledge() {
        if (receives) {
            comm.send(ack, 0, 1, peer, ACK_TAG);
        } else {
            expectCount(comm.recv(ack, 0, 1, peer, ACK_TAG), 1);
        }
    }

    /**
     * One window as {@link #run()} makes it, the sender's data fresh and every slot filled with sentinels first; then
     * every slot must hold the sender's data, and (bw) the acknowledgement this round's number.
     */
    @Override
    void validate(int seq) {
        int rank = comm.rank();
        if (rank > 1) {
            return;
        }
        if (sends) {
            for (int i = 0; i < size; i++) {
                out.set(i, DataPattern.value(seq, rank, i));
            }
        }
        if (receives) {
            for (int j = 0; j < WINDOW; j++) {
                for (int i = 0; i < size; i++) {
                    slots.set(j * size + i, DataPattern.sentinel(seq, peer, i));
                }
            }
        }
        ack[0] = receives ? seq : ~seq;
        run();
        if (receives) {
            for (int j = 0; j < WINDOW; j++) {
                for (int i = 0; i < size; i++) {
                    expectInt(
                            "message " + j + " of the window from rank " + peer,
                            i,
                            slots.get(j * size + i),
                            DataPattern.value(seq, peer, i));
                }
            }
        } else if (!both) {
            expectInt("acknowledgement from rank " + peer, 0, ack[0], seq);
        }
    }
}
