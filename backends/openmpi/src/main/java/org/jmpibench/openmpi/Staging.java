package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * A direct, native-order buffer that data is copied through where Open MPI needs a direct buffer and the caller has an
 * array or a heap buffer. It only grows (doubling), so once it has held the largest message of a run it allocates
 * nothing more. Always used from position 0: the bindings take a direct buffer's base address.
 */
final class Staging {

    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private ByteBuffer bytes;
    private IntBuffer ints;
    private DoubleBuffer doubles;

    Staging(int initialBytes) {
        allocate(initialBytes);
    }

    /** Makes room for {@code size} bytes, keeping nothing of the old content. */
    Staging ensure(long size) {
        if (size > bytes.capacity()) {
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("a message of " + size + " bytes is larger than a buffer can be");
            }
            allocate((int) Math.max(size, Math.min(MAX_BYTES, 2L * bytes.capacity())));
        }
        return this;
    }

    ByteBuffer bytes() {
        return bytes;
    }

    IntBuffer ints() {
        return ints;
    }

    DoubleBuffer doubles() {
        return doubles;
    }

    private void allocate(int size) {
        bytes = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        ints = bytes.asIntBuffer();
        doubles = bytes.asDoubleBuffer();
    }
}
