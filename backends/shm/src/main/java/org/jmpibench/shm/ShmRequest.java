package org.jmpibench.shm;

import org.jmpibench.collectives.QueuedRequest;
import org.jmpibench.collectives.Region;

/**
 * One send or receive in flight, for the application ({@link ShmCommunicator#isend}) or inside a blocking call. Pooled
 * by {@link ShmEngine}: the object is reused once waited for, so steady-state traffic allocates none. While pending it
 * sits in exactly one queue (its peer's sends or posted receives); receives match by tag.
 */
final class ShmRequest extends QueuedRequest {

    private final Payload.Ints ints = new Payload.Ints();
    private final Payload.Doubles doubles = new Payload.Doubles();
    private final Payload.Bytes bytes = new Payload.Bytes();
    /** The caller's buffer: one of this request's own payloads, or a blocking caller's. */
    Payload payload;

    boolean send;
    int peer;
    int tag;
    boolean done;
    /** Bytes sent, or bytes that arrived. */
    long moved;
    /** Payload bytes a send has put into the ring so far. */
    long sent;
    /** The communicator an application request belongs to; null for internal ones and once waited for. */
    ShmCommunicator owner;

    /** Elements {@code [offset, offset + count)} of {@code region}, through this request's own payloads. */
    ShmRequest use(Region region, int offset, int count) {
        payload = switch (region.kind()) {
            case INTS -> ints.set(region.intArray(), region.arrayIndex(offset), count);
            case DOUBLES -> doubles.set(region.doubleArray(), region.arrayIndex(offset), count);
            case BYTES -> bytes.set(region.byteBuffer(), region.byteIndex(offset), count * region.elementBytes());
        };
        return this;
    }

    void start(boolean isSend, int peerRank, int messageTag) {
        send = isSend;
        peer = peerRank;
        tag = messageTag;
        matchKey = messageTag;
        done = false;
        moved = 0;
        sent = 0;
    }

    void complete(long bytesMoved) {
        moved = bytesMoved;
        done = true;
    }

    /** Drops every reference to the caller's buffers, so a pooled request keeps nothing alive. */
    void clear() {
        ints.set(null, 0, 0);
        doubles.set(null, 0, 0);
        bytes.set(null, 0, 0);
        payload = null;
        owner = null;
    }

    @Override
    public int await() {
        return owner().await(this);
    }

    @Override
    public boolean test() {
        return owner().test(this);
    }

    private ShmCommunicator owner() {
        if (owner == null) {
            throw new IllegalStateException("this request was already waited for; its object is reused");
        }
        return owner;
    }
}
