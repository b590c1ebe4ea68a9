package org.jmpibench.shm;

import static org.jmpibench.shm.ShmLayoutDescriptor.RING_HEAD_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.RING_SLOTS_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_CHUNK_LENGTH_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_MESSAGE_LENGTH_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_PAYLOAD_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_SEQUENCE_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_TAG_OFFSET;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One single-producer/single-consumer ring of fixed slots in the shared file (layout: {@link ShmLayoutDescriptor}). A
 * rank holds one instance per ring it touches and uses only one side of it: the producer side for rings to its peers,
 * the consumer side for rings from them.
 *
 * <p>Memory ordering: the producer writes a slot's header and payload with plain stores, then publishes it by storing
 * the slot's sequence with release; the consumer loads the sequence with acquire, after which the slot's contents are
 * visible. Freeing works the other way round through the ring's head (consumer release, producer acquire). The producer
 * reads the head only when its cached copy says the ring is full, so in the common case exactly one cache line travels
 * per small message.
 */
final class SpscRing {

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer buffer;
    private final BufferViews views;
    private final int slotCount;
    private final int slotStride;
    private final int chunkBytes;

    // Producer-side state (used only by the source rank): chunks written, the slot index of the next one, and
    // the consumer's head as last read.
    private long produced;
    private int produceIndex;
    private long cachedHead;
    // Consumer-side state (used only by the destination rank).
    private long consumed;
    private int consumeIndex;

    /** @param region the ring's bytes, mapped from the shared file, starting at a page boundary */
    SpscRing(ByteBuffer region, int slotCount, int slotStride, int chunkBytes) {
        if (slotCount < 2) {
            throw new IllegalArgumentException("a ring needs at least 2 slots, got " + slotCount);
        }
        if ((long) RING_SLOTS_OFFSET + (long) slotCount * slotStride > region.capacity()) {
            throw new IllegalArgumentException("ring region of " + region.capacity() + " bytes is too small for "
                    + slotCount + " slots of " + slotStride + " bytes");
        }
        this.views = new BufferViews(region);
        this.buffer = views.bytes;
        this.slotCount = slotCount;
        this.slotStride = slotStride;
        this.chunkBytes = chunkBytes;
    }

    BufferViews views() {
        return views;
    }

    int chunkBytes() {
        return chunkBytes;
    }

    /** Slot indexes advance by one and wrap by comparison: no division, and any slot count works. */
    private int slotOffset(int index) {
        return RING_SLOTS_OFFSET + index * slotStride;
    }

    private int next(int index) {
        int following = index + 1;
        return following == slotCount ? 0 : following;
    }

    // ---- producer side ----

    /**
     * The next slot to write, once the consumer has freed the one written {@code slotCount} chunks ago; -1 while the
     * ring is full. Does not wait: the caller's progress loop decides how.
     */
    int tryClaim() {
        long sequence = produced;
        if (sequence - cachedHead >= slotCount) {
            cachedHead = (long) LONGS.getAcquire(buffer, RING_HEAD_OFFSET);
            if (sequence - cachedHead >= slotCount) {
                return -1;
            }
        }
        return slotOffset(produceIndex);
    }

    /** Writes a chunk's header into the claimed slot (plain stores: {@link #publish} orders them). */
    void writeHeader(int slot, int tag, int chunkLength, long messageLength) {
        buffer.putInt(slot + SLOT_TAG_OFFSET, tag);
        buffer.putInt(slot + SLOT_CHUNK_LENGTH_OFFSET, chunkLength);
        buffer.putLong(slot + SLOT_MESSAGE_LENGTH_OFFSET, messageLength);
    }

    /** Hands the claimed slot, header and payload, to the consumer. */
    void publish(int slot) {
        produceIndex = next(produceIndex);
        LONGS.setRelease(buffer, slot + SLOT_SEQUENCE_OFFSET, ++produced);
    }

    // ---- consumer side ----

    /** The slot of the next chunk once it is published (its header and payload are then readable); else -1. */
    int poll() {
        int slot = slotOffset(consumeIndex);
        return (long) LONGS.getAcquire(buffer, slot + SLOT_SEQUENCE_OFFSET) == consumed + 1 ? slot : -1;
    }

    int tag(int slot) {
        return buffer.getInt(slot + SLOT_TAG_OFFSET);
    }

    int chunkLength(int slot) {
        return buffer.getInt(slot + SLOT_CHUNK_LENGTH_OFFSET);
    }

    long messageLength(int slot) {
        return buffer.getLong(slot + SLOT_MESSAGE_LENGTH_OFFSET);
    }

    static int payloadIndex(int slot) {
        return slot + SLOT_PAYLOAD_OFFSET;
    }

    /** Gives the slot returned by {@link #poll} back to the producer. */
    void release() {
        consumeIndex = next(consumeIndex);
        LONGS.setRelease(buffer, RING_HEAD_OFFSET, ++consumed);
    }
}
