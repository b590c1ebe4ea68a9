package org.jmpibench.spi.plain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How the suite's workloads and the plain programs allocate direct buffers, so that alignment is never a difference
 * between the two: page-aligned (as OSU's benchmarks allocate theirs) and in native order.
 * {@code ByteBuffer.allocateDirect} returns {@code malloc}'s address, 16 bytes past a page boundary for large buffers:
 * every copy in and out of such a buffer (a library's memcpy, Linux's process_vm_readv) starts off a cache-line
 * boundary. One allocation per buffer, at set-up; never on a timed path.
 */
public final class DirectBuffers {

    /** The alignment: a page on x86-64 and most arm64 kernels; a multiple of every cache line. */
    public static final int ALIGNMENT = 4096;

    private DirectBuffers() {}

    /**
     * A direct buffer of exactly {@code bytes} bytes (capacity, limit), position 0, native order, whose first byte is
     * on an {@value #ALIGNMENT}-byte boundary.
     *
     * @throws IllegalArgumentException when {@code bytes} is negative or too large for one buffer
     */
    public static ByteBuffer allocate(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 2 * ALIGNMENT) {
            throw new IllegalArgumentException("a direct buffer of " + bytes + " bytes cannot be allocated");
        }
        // alignedSlice rounds its capacity down to whole units: room for the bytes rounded up, plus the shift.
        long units = (bytes + ALIGNMENT - 1) / ALIGNMENT;
        ByteBuffer raw = ByteBuffer.allocateDirect((int) (units * ALIGNMENT + ALIGNMENT - 1));
        // slice() resets the byte order: set it on the buffer handed out.
        return raw.alignedSlice(ALIGNMENT).limit((int) bytes).slice().order(ByteOrder.nativeOrder());
    }
}
