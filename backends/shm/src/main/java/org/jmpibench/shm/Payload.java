package org.jmpibench.shm;

import java.nio.ByteBuffer;

/**
 * The user's side of one message: a region of an {@code int[]}, a {@code double[]} or a {@link ByteBuffer}, seen as
 * bytes. Instances are mutable and reused for every call ({@code set}), so sending and receiving allocate nothing.
 * Copies are bulk copies into or out of a {@link BufferViews} (a ring or a buffered message), made by the process's
 * {@link MemoryAccess#COPY}.
 *
 * <p>{@code messageOffset} and {@code length} are in bytes; for arrays they are multiples of the element size.
 */
abstract class Payload {

    private static final BulkCopy COPY = MemoryAccess.COPY;

    /** Bytes this payload holds (send) or has room for (receive). */
    abstract long byteLength();

    /** Element size in bytes: a received message must be a whole number of elements. */
    abstract int elementBytes();

    /** Copies {@code length} bytes starting at {@code messageOffset} of this payload to {@code to[toIndex]}. */
    abstract void copyTo(BufferViews to, int toIndex, long messageOffset, int length);

    /** Copies {@code length} bytes from {@code from[fromIndex]} to {@code messageOffset} of this payload. */
    abstract void copyFrom(BufferViews from, int fromIndex, long messageOffset, int length);

    /** A region of an int[]. */
    static final class Ints extends Payload {
        private int[] array;
        private int offset;
        private int count;

        Ints set(int[] array, int offset, int count) {
            this.array = array;
            this.offset = offset;
            this.count = count;
            return this;
        }

        @Override
        long byteLength() {
            return (long) count * Integer.BYTES;
        }

        @Override
        int elementBytes() {
            return Integer.BYTES;
        }

        @Override
        void copyTo(BufferViews to, int toIndex, long messageOffset, int length) {
            COPY.put(array, offset + (int) (messageOffset >>> 2), to, toIndex, length);
        }

        @Override
        void copyFrom(BufferViews from, int fromIndex, long messageOffset, int length) {
            COPY.get(from, fromIndex, array, offset + (int) (messageOffset >>> 2), length);
        }
    }

    /** A region of a double[]. */
    static final class Doubles extends Payload {
        private double[] array;
        private int offset;
        private int count;

        Doubles set(double[] array, int offset, int count) {
            this.array = array;
            this.offset = offset;
            this.count = count;
            return this;
        }

        @Override
        long byteLength() {
            return (long) count * Double.BYTES;
        }

        @Override
        int elementBytes() {
            return Double.BYTES;
        }

        @Override
        void copyTo(BufferViews to, int toIndex, long messageOffset, int length) {
            COPY.put(array, offset + (int) (messageOffset >>> 3), to, toIndex, length);
        }

        @Override
        void copyFrom(BufferViews from, int fromIndex, long messageOffset, int length) {
            COPY.get(from, fromIndex, array, offset + (int) (messageOffset >>> 3), length);
        }
    }

    /** Bytes {@code [start, start + length)} of a ByteBuffer, addressed absolutely: its position never moves. */
    static final class Bytes extends Payload {
        private final DirectAddresses addresses = new DirectAddresses();
        private ByteBuffer buffer;
        private long address;
        private int start;
        private int length;

        Bytes set(ByteBuffer buffer, int start, int length) {
            this.buffer = buffer;
            this.address = addresses.of(buffer);
            this.start = start;
            this.length = length;
            return this;
        }

        @Override
        long byteLength() {
            return length;
        }

        @Override
        int elementBytes() {
            return 1;
        }

        @Override
        void copyTo(BufferViews to, int toIndex, long messageOffset, int length) {
            COPY.put(buffer, address, start + (int) messageOffset, to, toIndex, length);
        }

        @Override
        void copyFrom(BufferViews from, int fromIndex, long messageOffset, int length) {
            COPY.get(from, fromIndex, buffer, address, start + (int) messageOffset, length);
        }
    }
}
