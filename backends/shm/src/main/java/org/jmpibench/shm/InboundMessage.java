package org.jmpibench.shm;

/**
 * The message a ring is in the middle of delivering: where its chunks go (a posted receive, or a stash when nobody
 * asked for it yet) and how many bytes have arrived. A ring is read only while someone waits for its source, so
 * unasked-for messages stay in the ring instead of being copied aside.
 */
final class InboundMessage {

    boolean active;
    int tag;
    long length;
    long done;
    /** The receive it matched, or null while it is being stashed. */
    ShmRequest request;

    UnexpectedMessages.Message stash;
    final Payload.Bytes stashPayload = new Payload.Bytes();
    Payload target;

    void end() {
        active = false;
        request = null;
        stash = null;
        stashPayload.set(null, 0, 0);
        target = null;
    }
}
