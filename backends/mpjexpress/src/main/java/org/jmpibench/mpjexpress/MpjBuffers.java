package org.jmpibench.mpjexpress;

import java.nio.ByteBuffer;

/**
 * Copies between the SPI's {@link ByteBuffer}s and the arrays MPJ Express takes. Elements are read and written in the
 * buffer's own byte order; the buffer's position never moves.
 */
final class MpjBuffers {

    private MpjBuffers() {}

    /** Copies {@code elements} elements of {@code kind} from {@code buf}'s position into {@code array} from 0. */
    static void toArray(ByteBuffer buf, ArrayKind kind, int elements, Object array) {
        int from = buf.position();
        switch (kind) {
            case BYTE -> buf.get(from, (byte[]) array, 0, elements);
            case INT -> {
                int[] ints = (int[]) array;
                for (int i = 0; i < elements; i++) {
                    ints[i] = buf.getInt(from + i * Integer.BYTES);
                }
            }
            case DOUBLE -> {
                double[] doubles = (double[]) array;
                for (int i = 0; i < elements; i++) {
                    doubles[i] = buf.getDouble(from + i * Double.BYTES);
                }
            }
        }
    }

    /** Copies {@code elements} elements of {@code kind} from {@code array} at 0 to {@code buf}'s position. */
    static void fromArray(Object array, ArrayKind kind, int elements, ByteBuffer buf) {
        int to = buf.position();
        switch (kind) {
            case BYTE -> buf.put(to, (byte[]) array, 0, elements);
            case INT -> {
                int[] ints = (int[]) array;
                for (int i = 0; i < elements; i++) {
                    buf.putInt(to + i * Integer.BYTES, ints[i]);
                }
            }
            case DOUBLE -> {
                double[] doubles = (double[]) array;
                for (int i = 0; i < elements; i++) {
                    buf.putDouble(to + i * Double.BYTES, doubles[i]);
                }
            }
        }
    }
}
