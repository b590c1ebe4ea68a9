package org.jmpibench.loopback;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.CommunicatorException;

/**
 * Point-to-point frames with MPI matching: a receive names a source, a kind and a tag; frames of that source
 * that arrive first with another kind or tag are stashed in {@link UnexpectedMessages} and can be taken later.
 * Matching only ever reads the source's own connection: messages from other ranks wait in their sockets
 * (TCP flow control), which is why no selector is needed on the hot path.
 */
final class Transport implements AutoCloseable {

    private final int rank;
    private final int size;
    /** Indexed by peer rank; null at this rank's own index. */
    private final PeerLink[] links;
    private final UnexpectedMessages unexpected;

    Transport(int rank, int size, PeerLink[] links) {
        this.rank = rank;
        this.size = size;
        this.links = links;
        this.unexpected = new UnexpectedMessages(size);
    }

    int rank() {
        return rank;
    }

    int size() {
        return size;
    }

    void send(int dest, int kind, int tag, MessageBuffer msg) {
        if (dest == rank) {
            // A send to oneself cannot block (nobody else would receive it): keep a copy, like an eager send.
            ByteBuffer copy = ByteBuffer.allocate(msg.byteLength()).order(ByteOrder.nativeOrder());
            msg.getInto(copy, copy.asIntBuffer(), copy.asDoubleBuffer(), 0, 0, msg.byteLength());
            unexpected.add(rank, kind, tag, copy);
            return;
        }
        links[dest].send(kind, tag, msg);
    }

    /**
     * Receives the oldest message from {@code source} with this kind and tag into {@code msg}, from its byte 0.
     *
     * @return the number of bytes that arrived
     * @throws CommunicatorException when it does not fit {@code msg}, is not a whole number of elements, or the
     *                               connection fails
     */
    int receive(int source, int kind, int tag, MessageBuffer msg) {
        UnexpectedMessages.Stashed early = unexpected.take(source, kind, tag);
        if (early != null) {
            ByteBuffer payload = early.payload();
            int length = payload.capacity();
            checkFits(length, msg, source, kind, tag);
            msg.putFrom(payload, payload.asIntBuffer(), payload.asDoubleBuffer(), 0, 0, length);
            return length;
        }
        if (source == rank) {
            throw new CommunicatorException("rank " + rank + ": receive from itself (tag " + tag + ") with no such "
                    + "message sent to itself would wait forever");
        }
        PeerLink link = links[source];
        while (true) {
            FrameHeader header = link.nextHeader();
            int length = header.byteLength();
            if (header.kind() == kind && header.tag() == tag) {
                checkFits(length, msg, source, kind, tag);
                link.readPayload(msg, length);
                return length;
            }
            unexpected.add(source, header.kind(), header.tag(), link.readPayloadToHeap(length));
        }
    }

    private void checkFits(int length, MessageBuffer msg, int source, int kind, int tag) {
        if (length > msg.byteLength()) {
            throw new CommunicatorException("rank " + rank + ": message from rank " + source + " " + describe(kind, tag)
                    + " has " + length + " bytes, the receive buffer holds only " + msg.byteLength());
        }
        if (length % msg.elementBytes() != 0) {
            throw new CommunicatorException("rank " + rank + ": message from rank " + source + " " + describe(kind, tag)
                    + " has " + length + " bytes, not a whole number of " + msg.elementBytes() + "-byte elements");
        }
    }

    private static String describe(int kind, int tag) {
        return switch (kind) {
            case WireDescriptor.KIND_USER -> "with tag " + tag;
            case WireDescriptor.KIND_BCAST -> "(bcast)";
            case WireDescriptor.KIND_GATHER -> "(gather)";
            default -> "(barrier)";
        };
    }

    /** Half-closes every connection and waits (bounded) for each peer to do the same, then closes them. */
    void shutdownGracefully(long timeoutNs) {
        long deadline = System.nanoTime() + timeoutNs;
        for (PeerLink link : links) {
            if (link != null) {
                link.shutdownGracefully(deadline);
            }
        }
        close();
    }

    @Override
    public void close() {
        for (PeerLink link : links) {
            if (link != null) {
                link.close();
            }
        }
    }
}
