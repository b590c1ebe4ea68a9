package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * Every rank's {@code size} ints gathered to rank 0, rank by rank (OSU {@code osu_gather}). Also the first phase
 * of {@link GatherAverageWorkload}, which holds one of these, so both time the very same gather.
 */
final class GatherWorkload extends Workload {

    static final int ROOT = 0;

    private final int np;
    private final boolean root;
    private final int[] mine;
    private final int[] gathered;
    private final ByteBuffer mineBytes;
    private final ByteBuffer gatheredBytes;
    /** Created once over {@link #gatheredBytes}: the average reads it in bulk, validation element by element. */
    private final IntBuffer gatheredView;

    GatherWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        this(comm, size, backend, buffer, Operation.GATHER);
    }

    /** @param op the operation this gather is (part of), for messages */
    GatherWorkload(Communicator comm, int size, String backend, BufferKind buffer, Operation op) {
        super(comm, size, backend, op, buffer);
        this.np = comm.size();
        this.root = comm.rank() == ROOT;
        boolean array = buffer == BufferKind.ARRAY;
        long gatheredInts = (long) size * np;
        if (root && gatheredInts > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(where + ": size x np = " + gatheredInts + " ints is too large");
        }
        this.mine = array ? new int[size] : null;
        this.gathered = array && root ? new int[(int) gatheredInts] : null;
        this.mineBytes = array ? null : direct(4L * size, where);
        this.gatheredBytes = !array && root ? direct(4L * gatheredInts, where) : null;
        this.gatheredView = gatheredBytes == null ? null : gatheredBytes.asIntBuffer();
    }

    @Override
    void run() {
        if (mine != null) {
            comm.gather(mine, 0, size, gathered, 0, ROOT);
        } else {
            comm.gather(mineBytes, gatheredBytes, ROOT);
        }
    }

    boolean root() {
        return root;
    }

    int np() {
        return np;
    }

    /** The root's gathered blocks as an array ({@code array} buffers), else null. */
    int[] gatheredArray() {
        return gathered;
    }

    /** The root's gathered blocks as a view of the direct buffer ({@code direct} buffers), else null. */
    IntBuffer gatheredDirect() {
        return gatheredView;
    }

    @Override
    void validate(int seq) {
        fill(seq);
        run();
        check(seq);
    }

    /** This rank's block for round {@code seq}; sentinels in the root's receive buffer. */
    void fill(int seq) {
        int rank = comm.rank();
        IntBuffer mineView = mine != null ? IntBuffer.wrap(mine) : mineBytes.asIntBuffer();
        for (int i = 0; i < size; i++) {
            mineView.put(i, DataPattern.value(seq, rank, i));
        }
        if (root) {
            IntBuffer all = allView();
            for (int r = 0; r < np; r++) {
                for (int i = 0; i < size; i++) {
                    all.put(r * size + i, DataPattern.sentinel(seq, r, i));
                }
            }
        }
    }

    /** At the root: every rank's block arrived in its place. */
    void check(int seq) {
        if (!root) {
            return;
        }
        IntBuffer all = allView();
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < size; i++) {
                int got = all.get(r * size + i);
                if (got != DataPattern.value(seq, r, i)) {
                    expectInt("gathered block of rank " + r, i, got, DataPattern.value(seq, r, i));
                }
            }
        }
    }

    private IntBuffer allView() {
        return gathered != null ? IntBuffer.wrap(gathered) : gatheredView;
    }
}
