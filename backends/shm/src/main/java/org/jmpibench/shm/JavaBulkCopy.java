package org.jmpibench.shm;

import java.nio.ByteBuffer;

/**
 * Copies with the JDK's own bulk buffer operations, on every Java: absolute bulk {@code put}/{@code get} of int, double
 * and byte buffers (8x faster than element by element on Java 17). Large copies into a ring run at HotSpot's copy
 * speed, which is 3-4x below libc {@code memcpy} when the other core still holds the lines written
 * (backends/shm/README.md); {@code MemcpyBulkCopy} (Java 22+) closes that gap and uses this class for small copies.
 */
class JavaBulkCopy implements BulkCopy {

    @Override
    public long addressOf(ByteBuffer buffer) {
        return 0;
    }

    @Override
    public void put(int[] from, int fromIndex, BufferViews to, int toByte, int bytes) {
        to.ints.put(toByte >>> 2, from, fromIndex, bytes >>> 2);
    }

    @Override
    public void get(BufferViews from, int fromByte, int[] to, int toIndex, int bytes) {
        from.ints.get(fromByte >>> 2, to, toIndex, bytes >>> 2);
    }

    @Override
    public void put(double[] from, int fromIndex, BufferViews to, int toByte, int bytes) {
        to.doubles.put(toByte >>> 3, from, fromIndex, bytes >>> 3);
    }

    @Override
    public void get(BufferViews from, int fromByte, double[] to, int toIndex, int bytes) {
        from.doubles.get(fromByte >>> 3, to, toIndex, bytes >>> 3);
    }

    @Override
    public void put(ByteBuffer from, long fromAddress, int fromByte, BufferViews to, int toByte, int bytes) {
        to.bytes.put(toByte, from, fromByte, bytes);
    }

    @Override
    public void get(BufferViews from, int fromByte, ByteBuffer to, long toAddress, int toByte, int bytes) {
        to.put(toByte, from.bytes, fromByte, bytes);
    }
}
