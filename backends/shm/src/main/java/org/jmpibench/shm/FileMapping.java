package org.jmpibench.shm;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Maps regions of the job's shared file into this rank, for as long as the rank is attached. Implementations:
 * {@link BufferFileMapping} (every Java) and {@code ArenaFileMapping} (Java 22+); {@link MemoryAccess} chooses.
 */
interface FileMapping {

    /**
     * Maps bytes {@code [offset, offset + bytes)} of the file read-write, with every page faulted in now (the session
     * backed them all, so this only saves a fault per page later); the buffer is in native byte order.
     */
    ByteBuffer map(long offset, long bytes) throws IOException;

    /** Unmaps what this mapping mapped, where the Java in use can; no buffer it returned may be used after. */
    void close();
}
