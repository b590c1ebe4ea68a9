package org.jmpibench.shm;

import java.util.ArrayDeque;
import org.jmpibench.collectives.Algorithms;
import org.jmpibench.collectives.PointToPoint;
import org.jmpibench.collectives.Region;
import org.jmpibench.collectives.RequestQueue;
import org.jmpibench.spi.CommunicatorException;

/**
 * The progress engine of one shm rank: messages through the rings of {@link ShmAttachment}, with MPI matching,
 * non-blocking underneath every call. Sends queue per destination and stream into its ring chunk by chunk as slots come
 * free; receives are posted per source in order, and a message that arrives takes the oldest posted receive of its tag,
 * or is copied aside ({@link UnexpectedMessages}) when there is none, which is how messages of another tag overtake.
 * Nothing moves except inside a call ({@link #await}, {@link #progress}: MPI's weak progress), and then every ring with
 * work moves at once, so messages larger than a ring in both directions cannot deadlock. A ring is read only while
 * someone waits for its source.
 *
 * <p>Waiting: {@link ShmIdle} through {@link PeerWatch}, which also has the peers this rank waits for probed for
 * liveness. Requests come from a pool; steady-state traffic allocates nothing.
 *
 * <p>Also the {@link PointToPoint} layer of the collectives of {@link Algorithms}: their tags travel as {@code -10 -
 * tag}, below the tags of the communicator's own collectives (-1 .. -3), so no user receive (tag >= 0) can ever match
 * them.
 */
final class ShmEngine implements PointToPoint {

    private static final int ALGORITHMS_TAG_BASE = -10;

    private final int rank;
    private final int size;
    private final SpscRing[] outbound;
    private final SpscRing[] inbound;
    private final PeerWatch watch;
    private final RequestQueue<ShmRequest>[] sends;
    private final RequestQueue<ShmRequest>[] posted;
    private final InboundMessage[] arriving;
    private final UnexpectedMessages[] early;
    private final ArrayDeque<ShmRequest> pool = new ArrayDeque<>();

    @SuppressWarnings("unchecked")
    ShmEngine(ShmAttachment shm, ShmIdle idle) {
        this.rank = shm.rank;
        this.size = shm.size;
        this.outbound = shm.outbound;
        this.inbound = shm.inbound;
        this.watch = new PeerWatch(shm.channel, idle);
        this.sends = new RequestQueue[size];
        this.posted = new RequestQueue[size];
        this.arriving = new InboundMessage[size];
        this.early = new UnexpectedMessages[size];
        for (int peer = 0; peer < size; peer++) {
            sends[peer] = new RequestQueue<>();
            posted[peer] = new RequestQueue<>();
            arriving[peer] = new InboundMessage();
            early[peer] = new UnexpectedMessages();
        }
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

    ShmRequest obtain() {
        ShmRequest request = pool.pollFirst();
        return request != null ? request : new ShmRequest();
    }

    /** Back to the pool; only for a request that is done (it is in no queue). */
    void release(ShmRequest request) {
        request.clear();
        pool.addFirst(request);
    }

    /** Starts sending {@code request.payload} to {@code dest} and streams what fits into the ring at once. */
    void startSend(ShmRequest request, int dest, int tag) {
        request.start(true, dest, tag);
        if (dest == rank) {
            sendToSelf(request);
            return;
        }
        RequestQueue<ShmRequest> queue = sends[dest];
        boolean first = queue.isEmpty();
        queue.add(request);
        if (first) {
            pumpSend(dest);
        }
    }

    /** Posts a receive into {@code request.payload}; a message that arrived earlier completes it at once. */
    void startRecv(ShmRequest request, int source, int tag) {
        request.start(false, source, tag);
        UnexpectedMessages buffered = early[source];
        if (!buffered.isEmpty()) {
            UnexpectedMessages.Message message = buffered.take(tag);
            if (message != null) {
                deliver(message, request, buffered);
                return;
            }
        }
        posted[source].add(request);
    }

    /** A send to oneself cannot wait for a receiver (nobody else would post it): it completes as a copy. */
    private void sendToSelf(ShmRequest request) {
        long length = request.payload.byteLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new CommunicatorException("shm: a message to itself of " + length + " bytes is too large");
        }
        UnexpectedMessages own = early[rank];
        UnexpectedMessages.Message message = own.obtain();
        request.payload.copyTo(message.reserve((int) length), 0, 0, (int) length);
        message.tag = request.tag;
        message.length = (int) length;
        ShmRequest waiting = posted[rank].removeFirst(request.tag);
        if (waiting != null) {
            deliver(message, waiting, own);
        } else {
            own.add(message);
        }
        request.complete(length);
    }

    private void deliver(UnexpectedMessages.Message message, ShmRequest request, UnexpectedMessages from) {
        checkFits(request.payload, message.length, request.peer, message.tag);
        request.payload.copyFrom(message.data, 0, 0, message.length);
        request.complete(message.length);
        from.recycle(message);
    }

    /** Makes progress until {@code request} is done; a dead peer this rank waits for ends the wait. */
    void await(ShmRequest request) {
        if (request.done) {
            return;
        }
        if (!request.send && request.peer == rank) {
            throw new CommunicatorException("shm: rank " + rank + " receives from itself with tag " + request.tag
                    + ", but sent itself no such message: it would wait forever");
        }
        watch.beginWait();
        int i = 0;
        while (!request.done) {
            if (progress()) {
                i = 0;
                watch.beginWait();
            } else if (watch.idleAndProbeDue(i++)) {
                checkPeersAlive();
            }
        }
    }

    /** One pass over every ring with work; true when any chunk moved. */
    boolean progress() {
        boolean moved = false;
        for (int peer = 0; peer < size; peer++) {
            if (peer == rank) {
                continue;
            }
            if (!sends[peer].isEmpty()) {
                moved |= pumpSend(peer);
            }
            if (arriving[peer].active || !posted[peer].isEmpty()) {
                moved |= pumpReceive(peer);
            }
        }
        return moved;
    }

    private boolean pumpSend(int dest) {
        SpscRing ring = outbound[dest];
        BufferViews ringViews = ring.views();
        int chunk = ring.chunkBytes();
        RequestQueue<ShmRequest> queue = sends[dest];
        boolean moved = false;
        for (ShmRequest head = queue.peek(); head != null; head = queue.peek()) {
            Payload payload = head.payload;
            long length = payload.byteLength();
            // An empty message still takes one slot, hence do-while.
            do {
                int slot = ring.tryClaim();
                if (slot < 0) {
                    return moved;
                }
                int n = (int) Math.min(chunk, length - head.sent);
                ring.writeHeader(slot, head.tag, n, length);
                if (n > 0) {
                    payload.copyTo(ringViews, SpscRing.payloadIndex(slot), head.sent, n);
                }
                ring.publish(slot);
                head.sent += n;
                moved = true;
            } while (head.sent < length);
            queue.poll();
            head.complete(length);
        }
        return moved;
    }

    private boolean pumpReceive(int source) {
        SpscRing ring = inbound[source];
        InboundMessage message = arriving[source];
        boolean moved = false;
        while (message.active || !posted[source].isEmpty()) {
            int slot = ring.poll();
            if (slot < 0) {
                return moved;
            }
            if (!message.active) {
                begin(source, message, ring, slot);
            }
            int n = checkedChunk(ring, slot, message.done, message.length, source);
            if (n > 0) {
                message.target.copyFrom(ring.views(), SpscRing.payloadIndex(slot), message.done, n);
            }
            message.done += n;
            ring.release();
            moved = true;
            if (message.done >= message.length) {
                finish(source, message);
            }
        }
        return moved;
    }

    private void begin(int source, InboundMessage message, SpscRing ring, int slot) {
        message.active = true;
        message.tag = ring.tag(slot);
        message.length = ring.messageLength(slot);
        message.done = 0;
        ShmRequest match = posted[source].removeFirst(message.tag);
        if (match != null) {
            checkFits(match.payload, message.length, source, message.tag);
            message.request = match;
            message.target = match.payload;
            return;
        }
        if (message.length > Integer.MAX_VALUE - 8) {
            throw new CommunicatorException("shm: a message of " + message.length + " bytes from rank " + source
                    + " with tag " + message.tag + " arrived before its receive and is too large to buffer");
        }
        UnexpectedMessages.Message stash = early[source].obtain();
        int length = (int) message.length;
        BufferViews data = stash.reserve(length);
        stash.tag = message.tag;
        stash.length = length;
        message.stash = stash;
        message.target = message.stashPayload.set(data.bytes, 0, length);
    }

    private void finish(int source, InboundMessage message) {
        if (message.request != null) {
            message.request.complete(message.length);
        } else {
            // A receive may have been posted while the message was being set aside.
            ShmRequest late = posted[source].removeFirst(message.tag);
            if (late != null) {
                deliver(message.stash, late, early[source]);
            } else {
                early[source].add(message.stash);
            }
        }
        message.end();
    }

    private static int checkedChunk(SpscRing ring, int slot, long done, long length, int source) {
        int n = ring.chunkLength(slot);
        if (n < 0 || n > ring.chunkBytes() || done + n > length || (n == 0 && length > 0)) {
            throw new CommunicatorException("shm: corrupt chunk of " + n + " bytes at byte " + done + " of a " + length
                    + "-byte message from rank " + source);
        }
        return n;
    }

    private static void checkFits(Payload into, long length, int source, int tag) {
        if (length > into.byteLength()) {
            throw new CommunicatorException("shm: the message from rank " + source + " " + describe(tag) + " has "
                    + length + " bytes, the receive buffer only " + into.byteLength());
        }
        if (length % into.elementBytes() != 0) {
            throw new CommunicatorException("shm: the message from rank " + source + " " + describe(tag) + " has "
                    + length + " bytes, not a whole number of " + into.elementBytes() + "-byte elements");
        }
    }

    private static String describe(int tag) {
        return tag <= ALGORITHMS_TAG_BASE
                ? "(" + Algorithms.operationName(ALGORITHMS_TAG_BASE - tag) + ")"
                : "with tag " + tag;
    }

    /** Called when a probe is due: a peer this rank waits for that has died ends the wait, unless it helped. */
    private void checkPeersAlive() {
        for (int peer = 0; peer < size; peer++) {
            boolean sending = !sends[peer].isEmpty();
            boolean receiving = arriving[peer].active || !posted[peer].isEmpty();
            if (peer != rank && (sending || receiving) && watch.isDead(peer)) {
                // It may have published what we wait for and then exited: look once more.
                if (!progress()) {
                    throw PeerWatch.died(
                            peer, sending ? "waiting for room in its ring" : "waiting for a message " + "from it");
                }
                return;
            }
        }
    }

    // ------------------------------------------------------------------ blocking calls

    /** Sends all of {@code payload}; returns when the caller's buffer may be reused. */
    void send(Payload payload, int dest, int tag) {
        ShmRequest request = obtain();
        request.payload = payload;
        startSend(request, dest, tag);
        await(request);
        release(request);
    }

    /** Receives the oldest message from {@code source} with {@code tag}; returns its length in bytes. */
    long receive(Payload payload, int source, int tag) {
        ShmRequest request = obtain();
        request.payload = payload;
        startRecv(request, source, tag);
        await(request);
        long length = request.moved;
        release(request);
        return length;
    }

    @Override
    public void send(Region buf, int offset, int count, int dest, int tag) {
        ShmRequest request = obtain().use(buf, offset, count);
        startSend(request, dest, ALGORITHMS_TAG_BASE - tag);
        await(request);
        release(request);
    }

    @Override
    public void recv(Region buf, int offset, int count, int source, int tag) {
        ShmRequest request = obtain().use(buf, offset, count);
        startRecv(request, source, ALGORITHMS_TAG_BASE - tag);
        await(request);
        expectWhole(request, tag);
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
        ShmRequest in = obtain().use(recvBuf, recvOffset, recvCount);
        startRecv(in, source, ALGORITHMS_TAG_BASE - tag);
        ShmRequest out = obtain().use(sendBuf, sendOffset, sendCount);
        startSend(out, dest, ALGORITHMS_TAG_BASE - tag);
        await(in);
        await(out);
        expectWhole(in, tag);
        release(in);
        release(out);
    }

    /** A collective's receive must be filled exactly: anything else means the ranks passed different counts. */
    private void expectWhole(ShmRequest request, int tag) {
        if (request.moved != request.payload.byteLength()) {
            throw new CommunicatorException("shm: rank " + rank + ": " + Algorithms.operationName(tag) + " brought "
                    + request.moved + " bytes from rank " + request.peer + ", expected "
                    + request.payload.byteLength() + " (unequal counts across ranks)");
        }
    }
}
