package org.jmpibench.shm;

import static org.jmpibench.shm.ShmLayoutDescriptor.CHUNK_BYTES_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.CREATOR_LOCK_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.HEADER_BYTES;
import static org.jmpibench.shm.ShmLayoutDescriptor.MAGIC;
import static org.jmpibench.shm.ShmLayoutDescriptor.MAGIC_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.NP_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.RING_STRIDE_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_COUNT_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_STRIDE_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.VERSION;
import static org.jmpibench.shm.ShmLayoutDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.CommunicatorException;

/**
 * A rank's hold on its job's shared file: the one open channel (which must stay open: closing any channel of the file
 * would drop this process's liveness lock), the lock on its own byte, and the rings it uses, mapped one region per ring
 * through the process's {@link FileMapping} ({@link MemoryAccess}).
 *
 * <p>Joining: refuse a file whose creator (the launcher-side session) is gone, check the header, take this rank's lock,
 * say "attached", wait until every rank has, and then rank 0 unlinks the file: from then on no crash of anyone can
 * leave it behind.
 */
final class ShmAttachment implements AutoCloseable {

    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** Ranks of one job start within seconds of each other; one that never attaches fails the job anyway. */
    private static final long ATTACH_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(120);

    final int rank;
    final int size;
    final FileChannel channel;
    final SpscRing[] outbound;
    final SpscRing[] inbound;
    private final FileMapping mapping;
    private final FileLock ownLock;

    private ShmAttachment(
            int rank,
            int size,
            FileChannel channel,
            FileMapping mapping,
            FileLock ownLock,
            SpscRing[] outbound,
            SpscRing[] inbound) {
        this.rank = rank;
        this.size = size;
        this.channel = channel;
        this.mapping = mapping;
        this.ownLock = ownLock;
        this.outbound = outbound;
        this.inbound = inbound;
    }

    static ShmAttachment join(Path file, int rank, int size) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside 0.." + (size - 1));
        }
        FileChannel channel = null;
        FileMapping mapping = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            mapping = MemoryAccess.mapping(channel);
            ByteBuffer header = mapping.map(0, HEADER_BYTES);
            checkHeader(file, header, size);
            if (PeerWatch.isFree(channel, CREATOR_LOCK_OFFSET)) {
                throw new CommunicatorException("shm: " + file + " is stale: the launcher that created it is gone");
            }
            long ringStride = header.getLong(RING_STRIDE_OFFSET);
            int slotCount = header.getInt(SLOT_COUNT_OFFSET);
            int chunkBytes = header.getInt(CHUNK_BYTES_OFFSET);
            int slotStride = header.getInt(SLOT_STRIDE_OFFSET);

            FileLock ownLock = channel.tryLock(ShmLayoutDescriptor.rankLockOffset(rank), 1, false);
            if (ownLock == null) {
                throw new CommunicatorException("shm: another process already holds rank " + rank + " of " + file);
            }
            SpscRing[] outbound = new SpscRing[size];
            SpscRing[] inbound = new SpscRing[size];
            for (int peer = 0; peer < size; peer++) {
                if (peer != rank) {
                    outbound[peer] = ring(mapping, size, rank, peer, ringStride, slotCount, slotStride, chunkBytes);
                    inbound[peer] = ring(mapping, size, peer, rank, ringStride, slotCount, slotStride, chunkBytes);
                }
            }
            INTS.setRelease(header, ShmLayoutDescriptor.attachedOffset(rank), 1);
            awaitEveryone(file, header, size);
            if (rank == 0) {
                Files.deleteIfExists(file);
            }
            return new ShmAttachment(rank, size, channel, mapping, ownLock, outbound, inbound);
        } catch (IOException e) {
            closeQuietly(mapping, channel);
            throw new CommunicatorException("shm: rank " + rank + " cannot attach to " + file + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(mapping, channel);
            throw e;
        }
    }

    private static void checkHeader(Path file, ByteBuffer header, int size) {
        if (header.getLong(MAGIC_OFFSET) != MAGIC || header.getInt(VERSION_OFFSET) != VERSION) {
            throw new CommunicatorException("shm: " + file + " is not a version " + VERSION + " jmpi shm file");
        }
        int np = header.getInt(NP_OFFSET);
        if (np != size) {
            throw new CommunicatorException("shm: " + file + " was made for " + np + " ranks, this job has " + size);
        }
    }

    private static SpscRing ring(
            FileMapping mapping,
            int np,
            int source,
            int destination,
            long ringStride,
            int slotCount,
            int slotStride,
            int chunkBytes)
            throws IOException {
        long offset = ShmLayoutDescriptor.ringOffset(np, source, destination, ringStride);
        return new SpscRing(mapping.map(offset, ringStride), slotCount, slotStride, chunkBytes);
    }

    private static void awaitEveryone(Path file, ByteBuffer header, int size) {
        long deadline = System.nanoTime() + ATTACH_TIMEOUT_NS;
        for (int peer = 0; peer < size; peer++) {
            int attached = ShmLayoutDescriptor.attachedOffset(peer);
            for (int i = 0; (int) INTS.getAcquire(header, attached) == 0; i++) {
                if (System.nanoTime() - deadline > 0) {
                    throw new CommunicatorException("shm: rank " + peer + " did not attach to " + file + " within "
                            + TimeUnit.NANOSECONDS.toSeconds(ATTACH_TIMEOUT_NS) + " s");
                }
                if (i > 1000) {
                    Thread.yield();
                }
            }
        }
    }

    /**
     * Unmaps the rings where this Java can (no ring may be touched after), then releases this rank's lock (peers then
     * see it as gone) and the channel.
     */
    @Override
    public void close() {
        mapping.close();
        try {
            ownLock.release();
        } catch (IOException e) {
            // Closing the channel releases it anyway.
        }
        closeQuietly(null, channel);
    }

    private static void closeQuietly(FileMapping mapping, FileChannel channel) {
        if (mapping != null) {
            mapping.close();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do: the process is about to give the descriptor up.
            }
        }
    }
}
