package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * The seed's gather_reduce_broadcast: every rank's {@code size} ints are gathered to rank 0, which averages
 * them element-wise as doubles and broadcasts the {@code size} doubles back. (The seed declared its float64
 * data as MPI.FLOAT; here the average is sent as doubles.) One operation = gather + average + bcast.
 */
final class GatherAverageWorkload extends Workload {

    private static final int ROOT = 0;

    private final int np;
    private final boolean root;
    private final int[] mine;
    private final int[] gathered;
    private final double[] average;
    private final ByteBuffer mineBytes;
    private final ByteBuffer gatheredBytes;
    private final ByteBuffer averageBytes;
    /** Views created once over the direct buffers: absolute get/put without per-operation allocation. */
    private final IntBuffer gatheredView;
    private final DoubleBuffer averageView;

    GatherAverageWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.GATHER_AVERAGE, buffer);
        this.np = comm.size();
        this.root = comm.rank() == ROOT;
        boolean array = buffer == BufferKind.ARRAY;
        long gatheredInts = (long) size * np;
        if (root && gatheredInts > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(where + ": size x np = " + gatheredInts + " ints is too large");
        }
        this.mine = array ? new int[size] : null;
        this.gathered = array && root ? new int[(int) gatheredInts] : null;
        this.average = array ? new double[size] : null;
        this.mineBytes = array ? null : direct(4L * size, where);
        this.gatheredBytes = !array && root ? direct(4L * gatheredInts, where) : null;
        this.averageBytes = array ? null : direct(8L * size, where);
        this.gatheredView = gatheredBytes == null ? null : gatheredBytes.asIntBuffer();
        this.averageView = averageBytes == null ? null : averageBytes.asDoubleBuffer();
    }

    @Override
    void run() {
        if (mine != null) {
            comm.gather(mine, 0, size, gathered, 0, ROOT);
            if (root) {
                averageArrays();
            }
            comm.bcast(average, 0, size, ROOT);
        } else {
            comm.gather(mineBytes, gatheredBytes, ROOT);
            if (root) {
                averageDirect();
            }
            comm.bcast(averageBytes, ROOT);
        }
    }

    /** Rank-major passes keep both arrays streaming; the sum order matches {@link DataPattern#average}. */
    private void averageArrays() {
        double[] avg = average;
        int[] all = gathered;
        int n = size;
        java.util.Arrays.fill(avg, 0.0);
        for (int r = 0; r < np; r++) {
            int base = r * n;
            for (int i = 0; i < n; i++) {
                avg[i] += all[base + i];
            }
        }
        for (int i = 0; i < n; i++) {
            avg[i] /= np;
        }
    }

    private void averageDirect() {
        DoubleBuffer avg = averageView;
        IntBuffer all = gatheredView;
        int n = size;
        for (int i = 0; i < n; i++) {
            avg.put(i, 0.0);
        }
        for (int r = 0; r < np; r++) {
            int base = r * n;
            for (int i = 0; i < n; i++) {
                avg.put(i, avg.get(i) + all.get(base + i));
            }
        }
        for (int i = 0; i < n; i++) {
            avg.put(i, avg.get(i) / np);
        }
    }

    @Override
    void validate(int seq) {
        int rank = comm.rank();
        IntBuffer mineView = mine != null ? IntBuffer.wrap(mine) : mineBytes.asIntBuffer();
        DoubleBuffer avgView = average != null ? DoubleBuffer.wrap(average) : averageBytes.asDoubleBuffer();
        for (int i = 0; i < size; i++) {
            mineView.put(i, DataPattern.value(seq, rank, i));
            avgView.put(i, Double.NaN);
        }
        if (root) {
            IntBuffer all = gathered != null ? IntBuffer.wrap(gathered) : gatheredBytes.asIntBuffer();
            for (int r = 0; r < np; r++) {
                for (int i = 0; i < size; i++) {
                    all.put(r * size + i, DataPattern.sentinel(seq, r, i));
                }
            }
        }
        run();
        if (root) {
            IntBuffer all = gathered != null ? IntBuffer.wrap(gathered) : gatheredBytes.asIntBuffer();
            for (int r = 0; r < np; r++) {
                for (int i = 0; i < size; i++) {
                    int got = all.get(r * size + i);
                    if (got != DataPattern.value(seq, r, i)) {
                        expectInt("gathered block of rank " + r, i, got, DataPattern.value(seq, r, i));
                    }
                }
            }
        }
        for (int i = 0; i < size; i++) {
            expectDouble("average", i, avgView.get(i), DataPattern.average(seq, np, i));
        }
    }
}
