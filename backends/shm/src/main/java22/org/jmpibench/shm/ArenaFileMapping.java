package org.jmpibench.shm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Java 22+'s mapping: every region is a {@link MemorySegment} of one shared {@link Arena} (the communicator may be
 * used from any thread, one at a time), seen through {@link MemorySegment#asByteBuffer()} so that the rings' code
 * is the same on every Java. Closing the arena unmaps them all at once; a buffer touched after that throws
 * {@link IllegalStateException} instead of reading unmapped memory.
 */
final class ArenaFileMapping implements FileMapping {

    private final FileChannel channel;
    private final Arena arena = Arena.ofShared();

    ArenaFileMapping(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public ByteBuffer map(long offset, long bytes) throws IOException {
        MemorySegment region = channel.map(FileChannel.MapMode.READ_WRITE, offset, bytes, arena);
        region.load();
        return region.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        try {
            arena.close();
        } catch (IllegalStateException e) {
            // Already closed, or a copy is still running in another thread (a misuse): the mappings then go with
            // the process.
        }
    }
}
