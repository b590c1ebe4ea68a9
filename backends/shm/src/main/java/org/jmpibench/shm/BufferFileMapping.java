package org.jmpibench.shm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/** Java 17's mapping: one {@link MappedByteBuffer} per region, unmapped only when the GC collects it. */
final class BufferFileMapping implements FileMapping {

    private final FileChannel channel;

    BufferFileMapping(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public ByteBuffer map(long offset, long bytes) throws IOException {
        MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, offset, bytes);
        region.load();
        return region.order(ByteOrder.nativeOrder());
    }

    /** Java 17 has no way to unmap a buffer: the regions go when the GC collects them, or with the process. */
    @Override
    public void close() {}
}
