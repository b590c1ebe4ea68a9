package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/**
 * {@code length} ints held as the run's buffer kind holds them: an {@code int[]} ({@link #array}), or a direct
 * {@link ByteBuffer} ({@link #bytes}: page-aligned, native order, as {@link Workload#direct} allocates), with one
 * {@link IntBuffer} view over either for filling and checking in validation. Allocated once per workload; the timed
 * calls pass {@link #array} or {@link #bytes} straight to the communicator.
 */
final class Ints {

    /** The ints of an {@code array} workload, else null. */
    final int[] array;
    /** The bytes of a {@code direct} workload, else null. */
    final ByteBuffer bytes;

    private final IntBuffer view;

    /** @throws IllegalArgumentException naming {@code where} when {@code length} ints cannot be one buffer */
    Ints(BufferKind kind, long length, String where) {
        if (length > Integer.MAX_VALUE / Integer.BYTES) {
            throw new IllegalArgumentException(where + ": " + length + " ints is too large for one buffer");
        }
        this.array = kind == BufferKind.ARRAY ? new int[(int) length] : null;
        this.bytes = kind == BufferKind.DIRECT ? Workload.direct(Integer.BYTES * length, where) : null;
        this.view = array != null ? IntBuffer.wrap(array) : bytes.asIntBuffer();
    }

    int length() {
        return view.capacity();
    }

    int get(int i) {
        return view.get(i);
    }

    void set(int i, int value) {
        view.put(i, value);
    }
}
