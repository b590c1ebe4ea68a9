package org.jmpibench.shm;

import java.nio.ByteBuffer;

/**
 * Bulk copies between a message's user data and a {@link BufferViews} (a ring of the shared file, or a heap buffer of a
 * message set aside). {@code put} copies into the views, {@code get} out of them; indexes into arrays count elements,
 * every other index and length counts bytes. Lengths are whole elements; callers check the bounds of user regions,
 * implementations may check again. One instance serves the whole process ({@link MemoryAccess#COPY}).
 */
interface BulkCopy {

    /** The native address of byte 0 of {@code buffer} where this copier copies through addresses, else 0. */
    long addressOf(ByteBuffer buffer);

    void put(int[] from, int fromIndex, BufferViews to, int toByte, int bytes);

    void get(BufferViews from, int fromByte, int[] to, int toIndex, int bytes);

    void put(double[] from, int fromIndex, BufferViews to, int toByte, int bytes);

    void get(BufferViews from, int fromByte, double[] to, int toIndex, int bytes);

    /** @param fromAddress {@link #addressOf} {@code from}, looked up once per buffer by the caller */
    void put(ByteBuffer from, long fromAddress, int fromByte, BufferViews to, int toByte, int bytes);

    /** @param toAddress {@link #addressOf} {@code to}, looked up once per buffer by the caller */
    void get(BufferViews from, int fromByte, ByteBuffer to, long toAddress, int toByte, int bytes);
}
