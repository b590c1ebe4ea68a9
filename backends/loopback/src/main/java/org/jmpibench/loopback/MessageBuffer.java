package org.jmpibench.loopback;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.jmpibench.collectives.Region;

/**
 * The caller's side of one operation, an {@code int[]}, {@code double[]} or {@link ByteBuffer} range, in bytes. One
 * instance per direction is reused for every call, so the hot path allocates nothing. Copies to and from a transport
 * buffer go through that buffer's native-order typed views in bulk ({@code IntBuffer.get(index, dst, off, len)} is a
 * memcpy), which requires the transport-side byte index to be a multiple of the element size; the frame layout
 * guarantees that (see {@link WireDescriptor}).
 */
final class MessageBuffer {

    private static final int INTS = 1;
    private static final int DOUBLES = 2;
    private static final int BYTES = 3;

    private int type;
    private int[] ints;
    private double[] doubles;
    private ByteBuffer bytes;
    /** Element offset into the array, or byte index into {@link #bytes}. */
    private int offset;

    private int byteLength;

    MessageBuffer ints(int[] array, int elementOffset, int count) {
        clear();
        type = INTS;
        ints = array;
        offset = elementOffset;
        byteLength = bytesOf(count, Integer.BYTES);
        return this;
    }

    MessageBuffer doubles(double[] array, int elementOffset, int count) {
        clear();
        type = DOUBLES;
        doubles = array;
        offset = elementOffset;
        byteLength = bytesOf(count, Double.BYTES);
        return this;
    }

    /** The bytes between {@code buf}'s position and limit; the position is never moved. */
    MessageBuffer bytes(ByteBuffer buf) {
        return bytes(buf, buf.position(), buf.remaining());
    }

    MessageBuffer bytes(ByteBuffer buf, int index, int length) {
        clear();
        type = BYTES;
        bytes = buf;
        offset = index;
        byteLength = length;
        return this;
    }

    /** Elements {@code [offset, offset + count)} of a collective's region. */
    MessageBuffer region(Region region, int offset, int count) {
        return switch (region.kind()) {
            case INTS -> ints(region.intArray(), region.arrayIndex(offset), count);
            case DOUBLES -> doubles(region.doubleArray(), region.arrayIndex(offset), count);
            case BYTES -> bytes(region.byteBuffer(), region.byteIndex(offset), count * region.elementBytes());
        };
    }

    /** The same buffer range as {@code other}. */
    MessageBuffer copyOf(MessageBuffer other) {
        type = other.type;
        ints = other.ints;
        doubles = other.doubles;
        bytes = other.bytes;
        offset = other.offset;
        byteLength = other.byteLength;
        return this;
    }

    /** Bytes {@code [byteOffset, byteOffset + length)} of {@code whole}, same kind; a multiple of its element size. */
    MessageBuffer range(MessageBuffer whole, int byteOffset, int length) {
        type = whole.type;
        ints = whole.ints;
        doubles = whole.doubles;
        bytes = whole.bytes;
        offset = whole.offset + byteOffset / whole.elementBytes();
        byteLength = length;
        return this;
    }

    /** Copies all of this message into {@code dst} (of the same kind) at its byte {@code dstAt}. */
    void copyTo(MessageBuffer dst, int dstAt) {
        switch (type) {
            case INTS ->
                System.arraycopy(
                        ints, offset, dst.ints, dst.offset + dstAt / Integer.BYTES, byteLength / Integer.BYTES);
            case DOUBLES ->
                System.arraycopy(
                        doubles, offset, dst.doubles, dst.offset + dstAt / Double.BYTES, byteLength / Double.BYTES);
            default -> dst.bytes.put(dst.offset + dstAt, bytes, offset, byteLength);
        }
    }

    private static int bytesOf(int count, int elementBytes) {
        if (count > Integer.MAX_VALUE / elementBytes) {
            throw new IllegalArgumentException("count " + count + " is more than 2 GiB in one message");
        }
        return count * elementBytes;
    }

    /** Drops the references to the caller's arrays, so that we do not keep them alive. */
    void clear() {
        ints = null;
        doubles = null;
        bytes = null;
    }

    int byteLength() {
        return byteLength;
    }

    /** 4 for ints, 8 for doubles, 1 for bytes: received lengths must be a multiple of it. */
    int elementBytes() {
        return switch (type) {
            case INTS -> Integer.BYTES;
            case DOUBLES -> Double.BYTES;
            default -> 1;
        };
    }

    /** A direct buffer the transport may read into or write from without a copy. */
    ByteBuffer directBufferOrNull() {
        return type == BYTES && bytes.isDirect() ? bytes : null;
    }

    /** Byte index in {@link #directBufferOrNull()} of byte {@code at} of this message. */
    int directIndex(int at) {
        return offset + at;
    }

    /**
     * Copies {@code n} bytes from {@code src} (at byte index {@code srcIndex}) into this message at byte {@code at}.
     * {@code srcInts} and {@code srcDoubles} are native-order views of {@code src} starting at its index 0.
     */
    void putFrom(ByteBuffer src, IntBuffer srcInts, DoubleBuffer srcDoubles, int srcIndex, int at, int n) {
        switch (type) {
            case INTS -> srcInts.get(srcIndex / Integer.BYTES, ints, offset + at / Integer.BYTES, n / Integer.BYTES);
            case DOUBLES ->
                srcDoubles.get(srcIndex / Double.BYTES, doubles, offset + at / Double.BYTES, n / Double.BYTES);
            default -> bytes.put(offset + at, src, srcIndex, n);
        }
    }

    /**
     * Copies {@code n} bytes of this message, from byte {@code at}, into {@code dst} at byte index {@code dstIndex}.
     */
    void getInto(ByteBuffer dst, IntBuffer dstInts, DoubleBuffer dstDoubles, int dstIndex, int at, int n) {
        switch (type) {
            case INTS -> dstInts.put(dstIndex / Integer.BYTES, ints, offset + at / Integer.BYTES, n / Integer.BYTES);
            case DOUBLES ->
                dstDoubles.put(dstIndex / Double.BYTES, doubles, offset + at / Double.BYTES, n / Double.BYTES);
            default -> dst.put(dstIndex, bytes, offset + at, n);
        }
    }
}
