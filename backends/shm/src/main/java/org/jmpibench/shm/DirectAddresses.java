package org.jmpibench.shm;

import java.nio.ByteBuffer;

/**
 * The native addresses ({@link BulkCopy#addressOf}) of the last two buffers a payload carried, so that looking one up
 * allocates nothing in steady state: a ping-pong alternates between a send and a receive buffer. A buffer's address
 * never changes, and holding the buffer keeps its memory alive.
 */
final class DirectAddresses {

    private ByteBuffer recent;
    private long recentAddress;
    private ByteBuffer older;
    private long olderAddress;

    long of(ByteBuffer buffer) {
        if (buffer == recent) {
            return recentAddress;
        }
        ByteBuffer previous = recent;
        long previousAddress = recentAddress;
        if (buffer == older) {
            recentAddress = olderAddress;
        } else {
            recentAddress = MemoryAccess.COPY.addressOf(buffer);
        }
        recent = buffer;
        older = previous;
        olderAddress = previousAddress;
        return recentAddress;
    }
}
