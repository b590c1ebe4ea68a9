package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * A byte buffer in native order with int and double views over the same bytes, created once so bulk copies between Java
 * arrays and the buffer need no allocation: byte index {@code b} is int index {@code b / 4} and double index {@code b /
 * 8}. Bulk copies are 8x faster than element-by-element ones on Java 17. Where the process copies through native
 * addresses ({@link MemoryAccess}), {@link #address} is that of byte 0.
 */
final class BufferViews {

    final ByteBuffer bytes;
    final IntBuffer ints;
    final DoubleBuffer doubles;
    /** The native address of byte 0 for {@link MemoryAccess#COPY}, or 0 (a heap buffer, or Java's copies). */
    final long address;

    BufferViews(ByteBuffer buffer) {
        if (buffer.position() != 0) {
            throw new IllegalArgumentException("views need a buffer at position 0, got " + buffer.position());
        }
        this.bytes = buffer.order(ByteOrder.nativeOrder());
        this.ints = bytes.asIntBuffer();
        this.doubles = bytes.asDoubleBuffer();
        this.address = MemoryAccess.COPY.addressOf(bytes);
    }

    int capacity() {
        return bytes.capacity();
    }
}
