package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.KIND_COLLECTIVE;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jmpibench.collectives.Algorithms;
import org.jmpibench.collectives.PointToPoint;
import org.jmpibench.collectives.Region;
import org.jmpibench.collectives.RequestQueue;
import org.jmpibench.spi.CommunicatorException;

/**
 * The progress engine: point-to-point frames with MPI matching, non-blocking underneath every call. Sends queue per
 * destination and go out in order; receives are posted per source in order, and a frame that arrives takes the oldest
 * posted receive of its (kind, tag), or is stashed in {@link UnexpectedMessages} when there is none. Nothing moves
 * except inside a call ({@link #await}, {@link #progress}: MPI's weak progress), and then every connection with work
 * moves at once, so sends larger than the socket buffers in both directions cannot deadlock. A connection is read only
 * while someone waits for that peer: unasked-for messages stay in the socket (TCP flow control) instead of being copied
 * aside.
 *
 * <p>Waiting follows {@link IdleMode}: spin, then yield, then block in one {@link Selector} over every connection that
 * has work, until any of them is ready. Requests come from a pool; steady-state traffic allocates nothing.
 *
 * <p>Also the {@link PointToPoint} layer of the collectives of {@link Algorithms}: their frames have their own kind, so
 * they never match an application's receive.
 */
final class Transport implements PointToPoint, AutoCloseable {

    /** How long a blocked wait sleeps in the selector before looking again (the wake-up normally comes first). */
    private static final long BLOCK_SLICE_MS = 100;

    private static final Consumer<SelectionKey> IGNORE_KEY = key -> {};

    private final int rank;
    private final int size;
    /** Indexed by peer rank; null at this rank's own index. */
    private final PeerLink[] links;

    private final RequestQueue<LoopbackRequest>[] sends;
    private final RequestQueue<LoopbackRequest>[] posted;
    private final InboundFrame[] inbound;
    private final UnexpectedMessages unexpected;
    private final ArrayDeque<LoopbackRequest> pool = new ArrayDeque<>();
    private final IdleMode idleMode;
    private final long spinTurns;
    private final long yieldTurns;
    private final long maxMessageBytes;
    private Selector selector;
    private SelectionKey[] keys;

    @SuppressWarnings("unchecked")
    Transport(int rank, int size, PeerLink[] links, LoopbackConfig config) {
        this.rank = rank;
        this.size = size;
        this.links = links;
        this.sends = new RequestQueue[size];
        this.posted = new RequestQueue[size];
        this.inbound = new InboundFrame[size];
        for (int r = 0; r < size; r++) {
            sends[r] = new RequestQueue<>();
            posted[r] = new RequestQueue<>();
            inbound[r] = new InboundFrame();
        }
        this.unexpected = new UnexpectedMessages(size);
        this.idleMode = config.idleMode();
        this.spinTurns = config.spinTurns();
        this.yieldTurns = config.yieldTurns();
        this.maxMessageBytes = config.maxMessageBytes();
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    // ------------------------------------------------------------------ requests

    LoopbackRequest obtain() {
        LoopbackRequest request = pool.pollFirst();
        return request != null ? request : new LoopbackRequest();
    }

    /** Back to the pool; only for a request that is done (it is in no queue). */
    void release(LoopbackRequest request) {
        request.msg.clear();
        request.owner = null;
        pool.addFirst(request);
    }

    /**
     * Starts sending {@code request.msg} to {@code dest} and writes what the socket takes at once.
     *
     * @throws IllegalArgumentException when the message exceeds the configured maximum (nothing was started)
     */
    void startSend(LoopbackRequest request, int dest, int kind, int tag) {
        int length = request.msg.byteLength();
        if (length > maxMessageBytes) {
            // The receiver would refuse the header anyway; say so here, where the caller can see why.
            throw new IllegalArgumentException("message of " + length + " bytes to rank " + dest + " exceeds $"
                    + LoopbackConfig.MAX_MESSAGE_BYTES_ENV + " = " + maxMessageBytes);
        }
        request.start(true, dest, kind, tag);
        if (dest == rank) {
            sendToSelf(request);
            return;
        }
        RequestQueue<LoopbackRequest> queue = sends[dest];
        boolean first = queue.isEmpty();
        queue.add(request);
        if (first) {
            pumpSend(dest);
        }
    }

    /** Posts a receive into {@code request.msg}; a message that arrived earlier completes it at once. */
    void startRecv(LoopbackRequest request, int source, int kind, int tag) {
        request.start(false, source, kind, tag);
        UnexpectedMessages.Stashed early = unexpected.take(source, kind, tag);
        if (early != null) {
            deliver(early, request);
            return;
        }
        posted[source].add(request);
    }

    /** A send to oneself cannot wait for a receiver (nobody else would post it): it completes as a copy. */
    private void sendToSelf(LoopbackRequest request) {
        UnexpectedMessages.Stashed copy = unexpected.obtain();
        copy.fill(request.kind, request.tag, request.msg);
        LoopbackRequest waiting = posted[rank].removeFirst(LoopbackRequest.key(request.kind, request.tag));
        if (waiting != null) {
            deliver(copy, waiting);
        } else {
            unexpected.add(rank, copy);
        }
        request.complete(request.msg.byteLength());
    }

    private void deliver(UnexpectedMessages.Stashed stashed, LoopbackRequest request) {
        checkFits(stashed.length, request.msg, request.peer, stashed.kind, stashed.tag);
        stashed.copyTo(request.msg);
        request.complete(stashed.length);
        unexpected.recycle(stashed);
    }

    /** Makes progress until {@code request} is done. */
    void await(LoopbackRequest request) {
        long turns = 0;
        while (!request.done) {
            if (!request.send && request.peer == rank) {
                throw new CommunicatorException("rank " + rank + ": receive from itself (tag " + request.tag
                        + ") with no such message sent to itself would wait forever");
            }
            turns = progress() ? 0 : idle(turns);
        }
    }

    /** One pass over every connection with work; true when any bytes moved. */
    boolean progress() {
        boolean moved = false;
        for (int peer = 0; peer < size; peer++) {
            if (peer == rank) {
                continue;
            }
            long before = links[peer].moved();
            if (!sends[peer].isEmpty()) {
                pumpSend(peer);
            }
            if (wantsInput(peer)) {
                pumpReceive(peer);
            }
            moved |= links[peer].moved() != before;
        }
        return moved;
    }

    private boolean wantsInput(int peer) {
        return inbound[peer].active || !posted[peer].isEmpty();
    }

    private void pumpSend(int dest) {
        PeerLink link = links[dest];
        RequestQueue<LoopbackRequest> queue = sends[dest];
        for (LoopbackRequest head = queue.peek(); head != null; head = queue.peek()) {
            if (!link.trySend(head.kind, head.tag, head.msg)) {
                return;
            }
            queue.poll();
            head.complete(head.msg.byteLength());
        }
    }

    private void pumpReceive(int source) {
        PeerLink link = links[source];
        InboundFrame frame = inbound[source];
        while (true) {
            if (!frame.active) {
                if (posted[source].isEmpty() || !link.tryHeader()) {
                    return;
                }
                begin(source, frame, link.header());
            }
            frame.done = link.tryPayload(frame.target, frame.done, frame.length);
            if (frame.done < frame.length || !link.trySkipPadding(frame.length)) {
                return;
            }
            finish(source, frame);
        }
    }

    private void begin(int source, InboundFrame frame, FrameHeader header) {
        frame.begin(header);
        LoopbackRequest match = posted[source].removeFirst(LoopbackRequest.key(frame.kind, frame.tag));
        if (match != null) {
            checkFits(frame.length, match.msg, source, frame.kind, frame.tag);
            frame.request = match;
            frame.target = match.msg;
        } else {
            frame.stash = unexpected.obtain();
            frame.target = frame.stash.reserve(frame.kind, frame.tag, frame.length);
        }
    }

    private void finish(int source, InboundFrame frame) {
        if (frame.request != null) {
            frame.request.complete(frame.length);
        } else {
            // A receive may have been posted while the frame was being stashed.
            LoopbackRequest late = posted[source].removeFirst(LoopbackRequest.key(frame.kind, frame.tag));
            if (late != null) {
                deliver(frame.stash, late);
            } else {
                unexpected.add(source, frame.stash);
            }
        }
        frame.end();
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
            case WireDescriptor.KIND_COLLECTIVE -> "(" + Algorithms.operationName(tag) + ")";
            default -> "(barrier)";
        };
    }

    // ------------------------------------------------------------------ waiting

    /**
     * One turn of waiting after a pass that moved nothing: spin, then yield the core, then block in the selector (see
     * {@link IdleMode}). Callers reset {@code turns} to 0 on progress.
     */
    private long idle(long turns) {
        if (idleMode == IdleMode.SPIN || turns < spinTurns) {
            Thread.onSpinWait();
        } else if (turns < spinTurns + yieldTurns) {
            Thread.yield();
        } else {
            block();
            return turns;
        }
        return turns + 1;
    }

    /** Sleeps until a connection with work is ready: readable where a receive waits, writable where a send does. */
    private void block() {
        try {
            openSelector();
            for (int peer = 0; peer < size; peer++) {
                if (peer != rank) {
                    int interest = (sends[peer].isEmpty() ? 0 : SelectionKey.OP_WRITE)
                            | (wantsInput(peer) ? SelectionKey.OP_READ : 0);
                    if (keys[peer].interestOps() != interest) {
                        keys[peer].interestOps(interest);
                    }
                }
            }
            // The Consumer form leaves the selected-key set alone: no allocation per wake-up.
            selector.select(IGNORE_KEY, BLOCK_SLICE_MS);
        } catch (IOException e) {
            throw new CommunicatorException("rank " + rank + ": waiting for the network failed: " + e, e);
        }
    }

    private void openSelector() throws IOException {
        if (selector == null) {
            selector = Selector.open();
            keys = new SelectionKey[size];
            for (int peer = 0; peer < size; peer++) {
                if (peer != rank) {
                    keys[peer] = links[peer].channel().register(selector, 0);
                }
            }
        }
    }

    // ------------------------------------------------------------------ blocking calls

    /** Sends all of {@code msg}; returns when the caller's buffer may be reused. */
    void send(int dest, int kind, int tag, MessageBuffer msg) {
        LoopbackRequest request = obtain();
        request.msg.copyOf(msg);
        run(request, true, dest, kind, tag);
        release(request);
    }

    /**
     * Receives the oldest message from {@code source} with this kind and tag into {@code msg}, from its byte 0.
     *
     * @return the number of bytes that arrived
     * @throws CommunicatorException when it does not fit {@code msg}, is not a whole number of elements, or the
     *     connection fails
     */
    int receive(int source, int kind, int tag, MessageBuffer msg) {
        LoopbackRequest request = obtain();
        request.msg.copyOf(msg);
        run(request, false, source, kind, tag);
        int bytes = request.bytes;
        release(request);
        return bytes;
    }

    private void run(LoopbackRequest request, boolean isSend, int peer, int kind, int tag) {
        try {
            if (isSend) {
                startSend(request, peer, kind, tag);
            } else {
                startRecv(request, peer, kind, tag);
            }
        } catch (IllegalArgumentException e) {
            release(request);
            throw e;
        }
        await(request);
    }

    @Override
    public void send(Region buf, int offset, int count, int dest, int tag) {
        LoopbackRequest request = obtain();
        request.msg.region(buf, offset, count);
        run(request, true, dest, KIND_COLLECTIVE, tag);
        release(request);
    }

    @Override
    public void recv(Region buf, int offset, int count, int source, int tag) {
        LoopbackRequest request = obtain();
        request.msg.region(buf, offset, count);
        run(request, false, source, KIND_COLLECTIVE, tag);
        expectWhole(request, source);
        release(request);
    }

    @Override
    public void sendRecv(
            Region sendBuf,
            int sendOffset,
            int sendCount,
            int dest,
            Region recvBuf,
            int recvOffset,
            int recvCount,
            int source,
            int tag) {
        // The send starts first: one over the size limit then fails before anything is posted.
        LoopbackRequest out = obtain();
        out.msg.region(sendBuf, sendOffset, sendCount);
        startSend(out, dest, KIND_COLLECTIVE, tag);
        LoopbackRequest in = obtain();
        in.msg.region(recvBuf, recvOffset, recvCount);
        startRecv(in, source, KIND_COLLECTIVE, tag);
        await(in);
        await(out);
        expectWhole(in, source);
        release(in);
        release(out);
    }

    /** A collective's receive must be filled exactly: anything else means the ranks passed different counts. */
    private void expectWhole(LoopbackRequest request, int source) {
        if (request.bytes != request.msg.byteLength()) {
            throw new CommunicatorException("rank " + rank + ": " + Algorithms.operationName(request.tag)
                    + " brought " + request.bytes + " bytes from rank " + source + ", expected "
                    + request.msg.byteLength() + " (unequal counts across ranks)");
        }
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Half-closes every connection and drains each until its peer half-closes too (or {@code timeoutNs} passes), so
     * that closing never turns into a reset that could destroy data a peer has not read yet; then closes.
     */
    void shutdownGracefully(long timeoutNs) {
        long deadline = System.nanoTime() + timeoutNs;
        boolean[] open = new boolean[size];
        for (int peer = 0; peer < size; peer++) {
            if (peer != rank) {
                links[peer].shutdownOutput();
                open[peer] = true;
            }
        }
        try {
            openSelector();
            while (System.nanoTime() - deadline < 0) {
                boolean any = false;
                for (int peer = 0; peer < size; peer++) {
                    if (open[peer] && links[peer].drained()) {
                        open[peer] = false;
                        keys[peer].interestOps(0);
                    } else if (open[peer]) {
                        keys[peer].interestOps(SelectionKey.OP_READ);
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
                selector.select(IGNORE_KEY, BLOCK_SLICE_MS);
            }
        } catch (IOException e) {
            // Closing anyway; nothing to report to.
        }
        close();
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException e) {
            // Closing; nothing to report to.
        }
        for (PeerLink link : links) {
            if (link != null) {
                link.close();
            }
        }
    }
}
