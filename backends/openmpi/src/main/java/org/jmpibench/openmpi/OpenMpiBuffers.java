package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import mpi.MPI;
import org.jmpibench.spi.DataType;

/**
 * How the SPI's buffers are handed to the bindings, which read a direct buffer from its base address and a heap buffer
 * from its array offset, both ignoring the position; and which treat an int or double direct buffer as native-order
 * elements.
 */
final class OpenMpiBuffers {

    private OpenMpiBuffers() {}

    /** The array from {@code offset} on, for the bindings' array path (which copies it in or out). */
    static Object region(int[] buf, int offset) {
        return offset == 0 ? buf : MPI.slice(buf, offset);
    }

    static Object region(double[] buf, int offset) {
        return offset == 0 ? buf : MPI.slice(buf, offset);
    }

    /** {@code buf} from its position on, as the bindings see a buffer: a slice unless the position is 0. */
    static ByteBuffer atPosition(ByteBuffer buf) {
        return buf.position() == 0 ? buf : buf.slice();
    }

    /**
     * Bytes the bindings can read from position on. A read-only heap buffer has no accessible array, so it is copied
     * into {@code staging}.
     */
    static ByteBuffer readable(ByteBuffer buf, Staging staging) {
        if (!buf.isDirect() && !buf.hasArray()) {
            int bytes = buf.remaining();
            ByteBuffer copy = staging.ensure(bytes).bytes();
            copy.put(0, buf, buf.position(), bytes);
            return copy;
        }
        return atPosition(buf);
    }

    /** Whether MPI can reduce {@code buf}'s elements where they are: a direct buffer in native order. */
    static boolean reducibleInPlace(ByteBuffer buf) {
        return buf.isDirect() && buf.order() == ByteOrder.nativeOrder();
    }

    /** Copies {@code elements} of {@code type} from {@code buf}'s position, in its byte order, into staging. */
    static ByteBuffer stageIn(ByteBuffer buf, DataType type, int elements, Staging staging) {
        ByteBuffer target = staging.ensure((long) elements * type.bytes()).bytes();
        int from = buf.position();
        if (buf.order() == ByteOrder.nativeOrder()) {
            target.put(0, buf, from, elements * type.bytes());
        } else if (type == DataType.INT) {
            for (int i = 0; i < elements; i++) {
                target.putInt(i * Integer.BYTES, buf.getInt(from + i * Integer.BYTES));
            }
        } else {
            for (int i = 0; i < elements; i++) {
                target.putDouble(i * Double.BYTES, buf.getDouble(from + i * Double.BYTES));
            }
        }
        return target;
    }

    /** Copies {@code elements} of {@code type} from staging to {@code buf}'s position, in its byte order. */
    static void stageOut(Staging staging, DataType type, int elements, ByteBuffer buf) {
        ByteBuffer source = staging.bytes();
        int to = buf.position();
        if (buf.order() == ByteOrder.nativeOrder()) {
            buf.put(to, source, 0, elements * type.bytes());
        } else if (type == DataType.INT) {
            for (int i = 0; i < elements; i++) {
                buf.putInt(to + i * Integer.BYTES, source.getInt(i * Integer.BYTES));
            }
        } else {
            for (int i = 0; i < elements; i++) {
                buf.putDouble(to + i * Double.BYTES, source.getDouble(i * Double.BYTES));
            }
        }
    }
}
