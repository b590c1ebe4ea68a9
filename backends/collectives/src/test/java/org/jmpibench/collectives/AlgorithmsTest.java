package org.jmpibench.collectives;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every algorithm at rank counts 1 to 9 and 16 (powers of two and not), small and large vectors (so both sides of
 * {@link Algorithms#LARGE_BYTES}), every root, every {@link ReduceOp}, over an in-memory transport: the schedules
 * alone. Values tell rank, block and index apart; the reduction inputs make SUM, MIN and MAX differ.
 */
class AlgorithmsTest {

    /** Odd, and above LARGE_BYTES for every element size. */
    private static final int LARGE = 20_011;

    private static final int[] COUNTS = {0, 1, 5, 37, LARGE};
    private static final int OFFSET = 3;

    enum Kind {
        INTS,
        DOUBLES,
        BYTE_INTS,
        BYTE_DOUBLES
    }

    /** A buffer with {@link #OFFSET} elements before the region. */
    static final class Buffer {
        final Kind kind;
        final int[] ints;
        final double[] doubles;
        final ByteBuffer bytes;
        final Region region = new Region();

        Buffer(Kind kind, int elements) {
            this.kind = kind;
            int total = elements + OFFSET;
            ints = kind == Kind.INTS ? new int[total] : null;
            doubles = kind == Kind.DOUBLES ? new double[total] : null;
            bytes = kind == Kind.BYTE_INTS || kind == Kind.BYTE_DOUBLES
                    ? ByteBuffer.allocateDirect(total * unit()).order(ByteOrder.nativeOrder())
                    : null;
            switch (kind) {
                case INTS -> region.ints(ints, OFFSET);
                case DOUBLES -> region.doubles(doubles, OFFSET);
                case BYTE_INTS -> region.bytes(bytes, OFFSET * 4, DataType.INT);
                case BYTE_DOUBLES -> region.bytes(bytes, OFFSET * 8, DataType.DOUBLE);
            }
        }

        private int unit() {
            return kind == Kind.BYTE_INTS ? 4 : 8;
        }

        double get(int i) {
            return switch (kind) {
                case INTS -> ints[OFFSET + i];
                case DOUBLES -> doubles[OFFSET + i];
                case BYTE_INTS -> bytes.getInt((OFFSET + i) * 4);
                case BYTE_DOUBLES -> bytes.getDouble((OFFSET + i) * 8);
            };
        }

        void set(int i, double v) {
            switch (kind) {
                case INTS -> ints[OFFSET + i] = (int) v;
                case DOUBLES -> doubles[OFFSET + i] = v;
                case BYTE_INTS -> bytes.putInt((OFFSET + i) * 4, (int) v);
                case BYTE_DOUBLES -> bytes.putDouble((OFFSET + i) * 8, v);
            }
        }

        boolean floating() {
            return kind == Kind.DOUBLES || kind == Kind.BYTE_DOUBLES;
        }
    }

    static double input(Kind kind, int r, int i) {
        int v = ((r * 7 + i * 3) % 11 - 5) * 1000 + 2 * i + r;
        return kind == Kind.DOUBLES || kind == Kind.BYTE_DOUBLES ? v + 0.25 * (r % 4) : v;
    }

    static double reduced(Kind kind, ReduceOp op, int size, int i) {
        double result = input(kind, 0, i);
        for (int r = 1; r < size; r++) {
            result = op.apply(result, input(kind, r, i));
        }
        return result;
    }

    static int value(int source, int block, int i) {
        return ((source * 32 + block) << 16) + i;
    }

    private static Buffer inputs(Kind kind, int rank, int n) {
        Buffer b = new Buffer(kind, n);
        for (int i = 0; i < n; i++) {
            b.set(i, input(kind, rank, i));
        }
        return b;
    }

    private static Buffer blocks(Kind kind, int rank, int blocks, int count) {
        Buffer b = new Buffer(kind, blocks * count);
        for (int k = 0; k < blocks; k++) {
            for (int i = 0; i < count; i++) {
                b.set(k * count + i, value(rank, k, i));
            }
        }
        return b;
    }

    /** Every root for small counts; the first, a middle and the last for the large one (it takes seconds). */
    private static int[] roots(int n, int size) {
        return n < LARGE ? java.util.stream.IntStream.range(0, size).toArray() : new int[] {0, size / 2, size - 1};
    }

    private static void expect(double expected, double actual, String what, int i) {
        if (Double.compare(expected, actual) != 0) {
            throw new AssertionError(what + ": element " + i + " is " + actual + ", expected " + expected);
        }
    }

    @ParameterizedTest(name = "np={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16})
    void reductionsDeliverTheReducedVector(int np) throws Exception {
        InMemoryJob.run(np, (algorithms, rank, size) -> {
            for (Kind kind : Kind.values()) {
                for (ReduceOp op : ReduceOp.values()) {
                    for (int n : COUNTS) {
                        String what = kind + " " + op + " n=" + n;
                        Buffer send = inputs(kind, rank, n);
                        Buffer recv = new Buffer(kind, n);
                        algorithms.allreduce(send.region, recv.region, n, op);
                        for (int i = 0; i < n; i++) {
                            expect(reduced(kind, op, size, i), recv.get(i), "allreduce " + what, i);
                            expect(input(kind, rank, i), send.get(i), "allreduce left send alone " + what, i);
                        }
                        for (int root : roots(n, size)) {
                            Buffer out = new Buffer(kind, n);
                            algorithms.reduce(send.region, out.region, n, op, root);
                            for (int i = 0; rank == root && i < n; i++) {
                                expect(reduced(kind, op, size, i), out.get(i), "reduce to " + root + " " + what, i);
                            }
                        }
                        Buffer all = inputs(kind, rank, size * n);
                        Buffer mine = new Buffer(kind, n);
                        algorithms.reduceScatter(all.region, mine.region, n, op);
                        for (int i = 0; i < n; i++) {
                            expect(reduced(kind, op, size, rank * n + i), mine.get(i), "reduceScatter " + what, i);
                        }
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "np={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16})
    void dataMovesToTheRightBlocks(int np) throws Exception {
        InMemoryJob.run(np, (algorithms, rank, size) -> {
            for (Kind kind : Kind.values()) {
                for (int n : COUNTS) {
                    String what = kind + " n=" + n;
                    Buffer own = blocks(kind, rank, 1, n);
                    Buffer gathered = new Buffer(kind, size * n);
                    algorithms.allgather(own.region, gathered.region, n);
                    Buffer send = blocks(kind, rank, size, n);
                    Buffer received = new Buffer(kind, size * n);
                    algorithms.alltoall(send.region, received.region, n);
                    for (int r = 0; r < size; r++) {
                        for (int i = 0; i < n; i++) {
                            expect(value(r, 0, i), gathered.get(r * n + i), "allgather " + what, r * n + i);
                            expect(value(r, rank, i), received.get(r * n + i), "alltoall " + what, r * n + i);
                        }
                    }
                    for (int root : roots(n, size)) {
                        Buffer part = new Buffer(kind, n);
                        algorithms.scatter(rank == root ? send.region : new Region(), part.region, n, root);
                        for (int i = 0; i < n; i++) {
                            expect(value(root, rank, i), part.get(i), "scatter from " + root + " " + what, i);
                        }
                    }
                }
            }
        });
    }
}
