package org.jmpibench.loopback;

import org.jmpibench.collectives.QueuedRequest;

/**
 * One send or receive in flight, for the application ({@link LoopbackCommunicator#isend}) or inside a blocking call.
 * Pooled by {@link Transport}: the object is reused once waited for, so steady-state traffic allocates none. While
 * pending it sits in exactly one queue (its peer's send queue or posted receives); receives match frames by
 * {@link #key(int, int) (kind, tag)}.
 */
final class LoopbackRequest extends QueuedRequest {

    /** The caller's buffer, from byte 0. */
    final MessageBuffer msg = new MessageBuffer();

    boolean send;
    int peer;
    int kind;
    int tag;
    boolean done;
    /** Bytes sent, or bytes that arrived. */
    int bytes;
    /** The communicator an application request belongs to; null for internal ones and once waited for. */
    LoopbackCommunicator owner;

    void start(boolean isSend, int peerRank, int frameKind, int frameTag) {
        send = isSend;
        peer = peerRank;
        kind = frameKind;
        tag = frameTag;
        done = false;
        bytes = 0;
        matchKey = key(frameKind, frameTag);
    }

    /** The match key of frames of this kind and tag. */
    static long key(int kind, int tag) {
        return ((long) kind << 32) | (tag & 0xFFFF_FFFFL);
    }

    void complete(int byteCount) {
        bytes = byteCount;
        done = true;
    }

    @Override
    public int await() {
        return owner().await(this);
    }

    @Override
    public boolean test() {
        return owner().test(this);
    }

    private LoopbackCommunicator owner() {
        if (owner == null) {
            throw new IllegalStateException("this request was already waited for; its object is reused");
        }
        return owner;
    }
}
