package org.jmpibench.loopback;

/**
 * The frame a connection is in the middle of receiving: its header, where its payload goes (a posted receive, or a
 * stash when nobody asked for it yet) and how many payload bytes have arrived. Reading stops between frames whenever
 * nobody waits for this peer, so unasked-for messages stay in the socket (TCP flow control) instead of being copied
 * aside.
 */
final class InboundFrame {

    boolean active;
    int kind;
    int tag;
    int length;
    int done;
    /** The receive it matched, or null while it is being stashed. */
    LoopbackRequest request;

    UnexpectedMessages.Stashed stash;
    MessageBuffer target;

    void begin(FrameHeader header) {
        active = true;
        kind = header.kind();
        tag = header.tag();
        length = header.byteLength();
        done = 0;
    }

    void end() {
        active = false;
        request = null;
        stash = null;
        target = null;
    }
}
