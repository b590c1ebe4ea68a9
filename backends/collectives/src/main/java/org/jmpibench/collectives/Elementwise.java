package org.jmpibench.collectives;

import java.nio.ByteBuffer;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * The local work of a collective: copying elements between two regions of one kind, and combining one region into
 * another with a {@link ReduceOp}. One loop per operation, so the operation is chosen once per call rather than once
 * per element. {@code ByteBuffer} elements are read and written in each buffer's own byte order.
 */
final class Elementwise {

    private Elementwise() {}

    /** Copies {@code count} elements; both regions are of one kind (and element size). */
    static void copy(Region from, int fromOffset, Region to, int toOffset, int count) {
        switch (from.kind()) {
            case INTS ->
                System.arraycopy(
                        from.intArray(), from.arrayIndex(fromOffset), to.intArray(), to.arrayIndex(toOffset), count);
            case DOUBLES ->
                System.arraycopy(
                        from.doubleArray(),
                        from.arrayIndex(fromOffset),
                        to.doubleArray(),
                        to.arrayIndex(toOffset),
                        count);
            case BYTES ->
                to.byteBuffer()
                        .put(
                                to.byteIndex(toOffset),
                                from.byteBuffer(),
                                from.byteIndex(fromOffset),
                                count * from.elementBytes());
        }
    }

    /** {@code acc[i] = acc[i] op in[i]} for {@code count} elements. */
    static void combine(ReduceOp op, Region acc, int accOffset, Region in, int inOffset, int count) {
        switch (acc.kind()) {
            case INTS ->
                ints(op, acc.intArray(), acc.arrayIndex(accOffset), in.intArray(), in.arrayIndex(inOffset), count);
            case DOUBLES ->
                doubles(
                        op,
                        acc.doubleArray(),
                        acc.arrayIndex(accOffset),
                        in.doubleArray(),
                        in.arrayIndex(inOffset),
                        count);
            case BYTES -> {
                if (acc.type() == DataType.INT) {
                    bufferInts(
                            op,
                            acc.byteBuffer(),
                            acc.byteIndex(accOffset),
                            in.byteBuffer(),
                            in.byteIndex(inOffset),
                            count);
                } else {
                    bufferDoubles(
                            op,
                            acc.byteBuffer(),
                            acc.byteIndex(accOffset),
                            in.byteBuffer(),
                            in.byteIndex(inOffset),
                            count);
                }
            }
        }
    }

    private static void ints(ReduceOp op, int[] acc, int a, int[] in, int b, int count) {
        switch (op) {
            case SUM -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] += in[b + i];
                }
            }
            case MIN -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] = Math.min(acc[a + i], in[b + i]);
                }
            }
            case MAX -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] = Math.max(acc[a + i], in[b + i]);
                }
            }
        }
    }

    private static void doubles(ReduceOp op, double[] acc, int a, double[] in, int b, int count) {
        switch (op) {
            case SUM -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] += in[b + i];
                }
            }
            case MIN -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] = Math.min(acc[a + i], in[b + i]);
                }
            }
            case MAX -> {
                for (int i = 0; i < count; i++) {
                    acc[a + i] = Math.max(acc[a + i], in[b + i]);
                }
            }
        }
    }

    private static void bufferInts(ReduceOp op, ByteBuffer acc, int a, ByteBuffer in, int b, int count) {
        int end = a + count * Integer.BYTES;
        switch (op) {
            case SUM -> {
                for (int i = a, j = b; i < end; i += Integer.BYTES, j += Integer.BYTES) {
                    acc.putInt(i, acc.getInt(i) + in.getInt(j));
                }
            }
            case MIN -> {
                for (int i = a, j = b; i < end; i += Integer.BYTES, j += Integer.BYTES) {
                    acc.putInt(i, Math.min(acc.getInt(i), in.getInt(j)));
                }
            }
            case MAX -> {
                for (int i = a, j = b; i < end; i += Integer.BYTES, j += Integer.BYTES) {
                    acc.putInt(i, Math.max(acc.getInt(i), in.getInt(j)));
                }
            }
        }
    }

    private static void bufferDoubles(ReduceOp op, ByteBuffer acc, int a, ByteBuffer in, int b, int count) {
        int end = a + count * Double.BYTES;
        switch (op) {
            case SUM -> {
                for (int i = a, j = b; i < end; i += Double.BYTES, j += Double.BYTES) {
                    acc.putDouble(i, acc.getDouble(i) + in.getDouble(j));
                }
            }
            case MIN -> {
                for (int i = a, j = b; i < end; i += Double.BYTES, j += Double.BYTES) {
                    acc.putDouble(i, Math.min(acc.getDouble(i), in.getDouble(j)));
                }
            }
            case MAX -> {
                for (int i = a, j = b; i < end; i += Double.BYTES, j += Double.BYTES) {
                    acc.putDouble(i, Math.max(acc.getDouble(i), in.getDouble(j)));
                }
            }
        }
    }
}
