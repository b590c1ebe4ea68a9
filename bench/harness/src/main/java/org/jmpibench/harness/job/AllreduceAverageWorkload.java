package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * The seed's average without a root: every rank turns its {@code size} ints into doubles, an allreduce SUM of the
 * doubles gives every rank the sums, and every rank divides them by np. The result is gather-average's, bit for bit
 * ({@link DataPattern#average}: whole numbers sum exactly in any order), reached with one collective of {@code 8 size}
 * bytes instead of a gather of {@code 4 size} bytes per rank and a bcast of {@code 8 size} bytes. The two conversions
 * are part of the operation, as the root's average is part of gather-average.
 *
 * <p>Direct buffers are converted chunk by chunk through small preallocated arrays (bulk copies in and out), as
 * {@link BlockAverage} does, never element by element.
 */
final class AllreduceAverageWorkload extends Workload {

    private final double divisor;
    private final int[] mine;
    private final double[] values;
    private final double[] average;
    private final ByteBuffer mineBytes;
    private final ByteBuffer valueBytes;
    private final ByteBuffer averageBytes;
    /** Views made once over the direct buffers: bulk copies in the timed calls, element reads in validation. */
    private final IntBuffer mineView;

    private final DoubleBuffer valueView;
    private final DoubleBuffer averageView;
    /** Chunk arrays of the direct path. */
    private final int[] intChunk;

    private final double[] doubleChunk;

    AllreduceAverageWorkload(Communicator comm, int size, String backend, BufferKind buffer) {
        super(comm, size, backend, Operation.ALLREDUCE_AVERAGE, buffer);
        this.divisor = comm.size();
        boolean array = buffer == BufferKind.ARRAY;
        this.mine = array ? new int[size] : null;
        this.values = array ? new double[size] : null;
        this.average = array ? new double[size] : null;
        this.mineBytes = array ? null : direct(4L * size, where);
        this.valueBytes = array ? null : direct(8L * size, where);
        this.averageBytes = array ? null : direct(8L * size, where);
        this.mineView = array ? IntBuffer.wrap(mine) : mineBytes.asIntBuffer();
        this.valueView = array ? null : valueBytes.asDoubleBuffer();
        this.averageView = array ? DoubleBuffer.wrap(average) : averageBytes.asDoubleBuffer();
        this.intChunk = array ? null : new int[Math.min(BlockAverage.CHUNK, size)];
        this.doubleChunk = array ? null : new double[Math.min(BlockAverage.CHUNK, size)];
    }

    @Override
    void run() {
        if (mine != null) {
            for (int i = 0; i < size; i++) {
                values[i] = mine[i];
            }
            comm.allreduce(values, 0, size, average, 0, ReduceOp.SUM);
            for (int i = 0; i < size; i++) {
                average[i] /= divisor;
            }
        } else {
            convertDirect();
            comm.allreduce(valueBytes, averageBytes, DataType.DOUBLE, ReduceOp.SUM);
            divideDirect();
        }
    }

    private void convertDirect() {
        int[] ints = intChunk;
        double[] doubles = doubleChunk;
        for (int start = 0; start < size; start += BlockAverage.CHUNK) {
            int length = Math.min(BlockAverage.CHUNK, size - start);
            mineView.get(start, ints, 0, length);
            for (int i = 0; i < length; i++) {
                doubles[i] = ints[i];
            }
            valueView.put(start, doubles, 0, length);
        }
    }

    private void divideDirect() {
        double[] doubles = doubleChunk;
        for (int start = 0; start < size; start += BlockAverage.CHUNK) {
            int length = Math.min(BlockAverage.CHUNK, size - start);
            averageView.get(start, doubles, 0, length);
            for (int i = 0; i < length; i++) {
                doubles[i] /= divisor;
            }
            averageView.put(start, doubles, 0, length);
        }
    }

    @Override
    void validate(int seq) {
        for (int i = 0; i < size; i++) {
            mineView.put(i, DataPattern.value(seq, comm.rank(), i));
            averageView.put(i, Double.NaN);
        }
        run();
        for (int i = 0; i < size; i++) {
            expectDouble("average", i, averageView.get(i), DataPattern.average(seq, comm.size(), i));
        }
    }
}
