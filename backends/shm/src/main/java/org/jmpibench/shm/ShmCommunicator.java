package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jmpibench.shm.UnexpectedMessages.Message;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;

/**
 * One rank of a shm job: point-to-point messages through the rings of {@link ShmAttachment}, and collectives
 * built on them (binomial trees for bcast and gather from or to any root, a dissemination barrier).
 *
 * <p>A send streams the message through the ring to its destination chunk by chunk, waiting for room when the
 * ring is full, so a message of any size passes through a ring of fixed size (the receiver drains it
 * concurrently). A receive takes the next message of its source: if the tag matches it streams straight into
 * the user's buffer; otherwise that message is copied aside ({@link UnexpectedMessages}) and the receive looks at
 * the next one, which is how messages of another tag overtake. Nothing is allocated per message on the matching
 * path. Collectives use negative tags, which user receives (tag >= 0) can never match.
 */
final class ShmCommunicator implements Communicator {

    private static final int BARRIER_TAG = -1;
    private static final int BCAST_TAG = -2;
    private static final int GATHER_TAG = -3;

    private final ShmAttachment shm;
    private final int rank;
    private final int size;
    private final SpscRing[] outbound;
    private final SpscRing[] inbound;
    private final PeerWatch[] peers;
    private final UnexpectedMessages[] early;

    // Reused for every call: the "first" payload is what the user passed, the "second" the other buffer of a
    // gather, and scratch the bytes a gather collects from its subtree.
    private final Payload.Ints ints = new Payload.Ints();
    private final Payload.Ints ints2 = new Payload.Ints();
    private final Payload.Doubles doubles = new Payload.Doubles();
    private final Payload.Doubles doubles2 = new Payload.Doubles();
    private final Payload.Bytes bytes = new Payload.Bytes();
    private final Payload.Bytes bytes2 = new Payload.Bytes();
    private final Payload.Bytes scratchPayload = new Payload.Bytes();
    private final Payload.Bytes empty = new Payload.Bytes().set(ByteBuffer.allocate(0), 0, 0);
    private BufferViews scratch = new BufferViews(ByteBuffer.allocate(0));

    private boolean broken;
    private boolean closed;

    private ShmCommunicator(ShmAttachment shm, ShmIdle idle) {
        this.shm = shm;
        this.rank = shm.rank;
        this.size = shm.size;
        this.outbound = shm.outbound;
        this.inbound = shm.inbound;
        this.peers = new PeerWatch[size];
        this.early = new UnexpectedMessages[size];
        for (int peer = 0; peer < size; peer++) {
            peers[peer] = peer == rank ? null : new PeerWatch(peer, shm.channel, idle);
            early[peer] = new UnexpectedMessages();
        }
    }

    /** Joins the job whose shared file is {@code file}; returns once every rank has joined. */
    static ShmCommunicator join(Path file, int rank, int size, ShmConfig config) {
        ShmIdle idle = new ShmIdle(config.idle(), config.spins());
        return new ShmCommunicator(ShmAttachment.join(file, rank, size), idle);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    // ---- point to point ----

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkRegion(buf.length, offset, count);
        send(ints.set(buf, offset, count), checkRank("dest", dest), checkTag(tag));
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkRegion(buf.length, offset, count);
        send(doubles.set(buf, offset, count), checkRank("dest", dest), checkTag(tag));
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        send(bytes.set(buf, buf.position(), buf.remaining()), checkRank("dest", dest), checkTag(tag));
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkRegion(buf.length, offset, count);
        return (int) (receive(ints.set(buf, offset, count), checkRank("source", source), checkTag(tag))
                / Integer.BYTES);
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkRegion(buf.length, offset, count);
        return (int) (receive(doubles.set(buf, offset, count), checkRank("source", source), checkTag(tag))
                / Double.BYTES);
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        return (int) receive(bytes.set(buf, buf.position(), buf.remaining()), checkRank("source", source),
                checkTag(tag));
    }

    private void send(Payload payload, int dest, int tag) {
        usable();
        try {
            if (dest == rank) {
                sendToSelf(payload, tag);
            } else {
                transmit(payload, dest, tag);
            }
        } catch (CommunicatorException e) {
            broken = true;
            throw e;
        }
    }

    private long receive(Payload into, int source, int tag) {
        usable();
        try {
            return deliver(into, source, tag);
        } catch (CommunicatorException e) {
            broken = true;
            throw e;
        }
    }

    /** Streams {@code payload} to {@code dest} chunk by chunk; returns when the last chunk is in the ring. */
    private void transmit(Payload payload, int dest, int tag) {
        SpscRing ring = outbound[dest];
        PeerWatch peer = peers[dest];
        BufferViews ringViews = ring.views();
        long length = payload.byteLength();
        int chunk = ring.chunkBytes();
        long sent = 0;
        do {
            int slot = ring.claim(peer);
            int n = (int) Math.min(chunk, length - sent);
            ring.writeHeader(slot, tag, n, length);
            if (n > 0) {
                payload.copyTo(ringViews, SpscRing.payloadIndex(slot), sent, n);
            }
            ring.publish(slot);
            sent += n;
        } while (sent < length);
    }

    /** The next message from {@code source} with {@code tag}, into {@code into}; returns its length in bytes. */
    private long deliver(Payload into, int source, int tag) {
        UnexpectedMessages buffered = early[source];
        if (!buffered.isEmpty()) {
            Message message = buffered.take(tag);
            if (message != null) {
                checkFits(into, message.length, source, tag);
                into.copyFrom(message.data, 0, 0, message.length);
                buffered.recycle(message);
                return message.length;
            }
        }
        if (source == rank) {
            throw new CommunicatorException("shm: rank " + rank + " receives from itself with tag " + tag
                    + ", but sent itself no such message: it would wait forever");
        }
        SpscRing ring = inbound[source];
        PeerWatch peer = peers[source];
        for (;;) {
            int slot = ring.awaitNext(peer);
            long length = ring.messageLength(slot);
            int messageTag = ring.tag(slot);
            if (messageTag == tag) {
                checkFits(into, length, source, tag);
                stream(ring, slot, into, length, peer);
                return length;
            }
            setAside(ring, slot, messageTag, length, peer, buffered);
        }
    }

    private static void stream(SpscRing ring, int firstSlot, Payload into, long length, PeerWatch peer) {
        BufferViews ringViews = ring.views();
        int slot = firstSlot;
        long done = 0;
        for (;;) {
            int n = checkedChunk(ring, slot, done, length, peer);
            if (n > 0) {
                into.copyFrom(ringViews, SpscRing.payloadIndex(slot), done, n);
            }
            done += n;
            ring.release();
            if (done >= length) {
                return;
            }
            slot = ring.awaitNext(peer);
        }
    }

    /** Copies a message whose tag nobody asked for yet out of the ring, so later messages can be reached. */
    private static void setAside(SpscRing ring, int firstSlot, int tag, long length, PeerWatch peer,
                                 UnexpectedMessages buffered) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new CommunicatorException("shm: a message of " + length + " bytes from rank " + peer.peer()
                    + " with tag " + tag + " arrived before its receive and is too large to buffer");
        }
        Message message = buffered.obtain();
        BufferViews data = message.reserve((int) length);
        message.tag = tag;
        message.length = (int) length;
        ByteBuffer ringBytes = ring.views().bytes;
        int slot = firstSlot;
        long done = 0;
        for (;;) {
            int n = checkedChunk(ring, slot, done, length, peer);
            data.bytes.put((int) done, ringBytes, SpscRing.payloadIndex(slot), n);
            done += n;
            ring.release();
            if (done >= length) {
                break;
            }
            slot = ring.awaitNext(peer);
        }
        buffered.add(message);
    }

    private static int checkedChunk(SpscRing ring, int slot, long done, long length, PeerWatch peer) {
        int n = ring.chunkLength(slot);
        if (n < 0 || n > ring.chunkBytes() || done + n > length || (n == 0 && length > 0)) {
            throw new CommunicatorException("shm: corrupt chunk of " + n + " bytes at byte " + done + " of a "
                    + length + "-byte message from rank " + peer.peer());
        }
        return n;
    }

    private void sendToSelf(Payload payload, int tag) {
        long length = payload.byteLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new CommunicatorException("shm: a message to itself of " + length + " bytes is too large");
        }
        Message message = early[rank].obtain();
        payload.copyTo(message.reserve((int) length), 0, 0, (int) length);
        message.tag = tag;
        message.length = (int) length;
        early[rank].add(message);
    }

    private static void checkFits(Payload into, long length, int source, int tag) {
        if (length > into.byteLength()) {
            throw new CommunicatorException("shm: the message from rank " + source + " with tag " + tag + " has "
                    + length + " bytes, the receive buffer only " + into.byteLength());
        }
        if (length % into.elementBytes() != 0) {
            throw new CommunicatorException("shm: the message from rank " + source + " with tag " + tag + " has "
                    + length + " bytes, not a whole number of " + into.elementBytes() + "-byte elements");
        }
    }

    // ---- collectives ----

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkRegion(buf.length, offset, count);
        bcast(ints.set(buf, offset, count), checkRank("root", root));
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkRegion(buf.length, offset, count);
        bcast(doubles.set(buf, offset, count), checkRank("root", root));
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        bcast(bytes.set(buf, buf.position(), buf.remaining()), checkRank("root", root));
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkRegion(send.length, sendOffset, count);
        checkRank("root", root);
        Payload into = null;
        if (rank == root) {
            checkRegion(recv == null ? -1 : recv.length, recvOffset, Math.multiplyExact(count, size));
            into = ints2.set(recv, recvOffset, count * size);
        }
        gather(ints.set(send, sendOffset, count), into, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkRegion(send.length, sendOffset, count);
        checkRank("root", root);
        Payload into = null;
        if (rank == root) {
            checkRegion(recv == null ? -1 : recv.length, recvOffset, Math.multiplyExact(count, size));
            into = doubles2.set(recv, recvOffset, count * size);
        }
        gather(doubles.set(send, sendOffset, count), into, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkRank("root", root);
        int block = send.remaining();
        Payload into = null;
        if (rank == root) {
            long needed = (long) block * size;
            if (recv == null || recv.remaining() < needed) {
                throw new IllegalArgumentException("gather at root " + root + " needs " + needed
                        + " bytes of room in recv, got " + (recv == null ? "null" : recv.remaining()));
            }
            into = bytes2.set(recv, recv.position(), (int) needed);
        }
        gather(bytes.set(send, send.position(), block), into, root);
    }

    @Override
    public void barrier() {
        usable();
        try {
            // Dissemination: after round k every rank has heard, directly or not, from 2^(k+1) ranks.
            for (int distance = 1; distance < size; distance <<= 1) {
                transmit(empty, (rank + distance) % size, BARRIER_TAG);
                deliver(empty, (rank - distance + size) % size, BARRIER_TAG);
            }
        } catch (CommunicatorException e) {
            broken = true;
            throw e;
        }
    }

    /** Binomial tree rooted at {@code root}: receive from the parent, then send to children, farthest first. */
    private void bcast(Payload payload, int root) {
        usable();
        try {
            int virtual = (rank - root + size) % size;
            int mask = 1;
            while (mask < size) {
                if ((virtual & mask) != 0) {
                    int parent = (virtual - mask + root) % size;
                    long got = deliver(payload, parent, BCAST_TAG);
                    expectLength(got, payload.byteLength(), "bcast from root " + root);
                    break;
                }
                mask <<= 1;
            }
            for (mask >>= 1; mask > 0; mask >>= 1) {
                if (virtual + mask < size) {
                    transmit(payload, (virtual + mask + root) % size, BCAST_TAG);
                }
            }
        } catch (CommunicatorException e) {
            broken = true;
            throw e;
        }
    }

    /**
     * Binomial tree towards {@code root}: a rank collects its subtree's blocks (in virtual-rank order, its own
     * first) in scratch, then sends them to its parent in one message; the root rotates them into place.
     * Odd virtual ranks are leaves and send straight from the user's buffer.
     */
    private void gather(Payload mine, Payload atRoot, int root) {
        usable();
        try {
            long block = mine.byteLength();
            int virtual = (rank - root + size) % size;
            if ((virtual & 1) != 0) {
                transmit(mine, (virtual - 1 + root) % size, GATHER_TAG);
                return;
            }
            int subtree = virtual == 0 ? size : Math.min(Integer.lowestOneBit(virtual), size - virtual);
            BufferViews collected = scratch(Math.multiplyExact(block, subtree));
            mine.copyTo(collected, 0, 0, (int) block);
            for (int mask = 1; mask < size; mask <<= 1) {
                if ((virtual & mask) == 0) {
                    int child = virtual + mask;
                    if (child < size) {
                        int blocks = Math.min(mask, size - child);
                        scratchPayload.set(collected.bytes, (int) (mask * block), (int) (blocks * block));
                        long got = deliver(scratchPayload, (child + root) % size, GATHER_TAG);
                        expectLength(got, blocks * block, "gather to root " + root);
                    }
                } else {
                    int held = Math.min(mask, size - virtual);
                    scratchPayload.set(collected.bytes, 0, (int) (held * block));
                    transmit(scratchPayload, (virtual - mask + root) % size, GATHER_TAG);
                    return;
                }
            }
            // Root: virtual rank v is real rank (v + root) % size.
            int tail = size - root;
            atRoot.copyFrom(collected, 0, root * block, (int) (tail * block));
            if (root > 0) {
                atRoot.copyFrom(collected, (int) (tail * block), 0, (int) (root * block));
            }
        } catch (CommunicatorException e) {
            broken = true;
            throw e;
        }
    }

    private BufferViews scratch(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("gather of " + bytes + " bytes per subtree is larger than 2 GiB");
        }
        if (scratch.capacity() < bytes) {
            scratch = new BufferViews(ByteBuffer.allocate((int) bytes));
        }
        return scratch;
    }

    private static void expectLength(long got, long expected, String what) {
        if (got != expected) {
            throw new CommunicatorException("shm: " + what + " delivered " + got + " bytes, expected " + expected
                    + " (do all ranks pass the same count?)");
        }
    }

    // ---- lifecycle and checks ----

    /** Collective: waits until every rank has closed, then gives up the liveness lock. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (!broken) {
                barrier();
            }
        } finally {
            closed = true;
            shm.close();
        }
    }

    private void usable() {
        if (closed) {
            throw new IllegalStateException("shm: rank " + rank + "'s communicator is closed");
        }
        if (broken) {
            throw new CommunicatorException("shm: rank " + rank + "'s communicator failed earlier and cannot be used");
        }
    }

    private int checkRank(String what, int peer) {
        if (peer < 0 || peer >= size) {
            throw new IllegalArgumentException(what + " " + peer + " is outside 0.." + (size - 1));
        }
        return peer;
    }

    private static int checkTag(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must be >= 0, got " + tag);
        }
        return tag;
    }

    private static void checkRegion(int length, int offset, int count) {
        if (length < 0) {
            throw new IllegalArgumentException("buffer is null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (offset < 0 || offset > length - count) {
            throw new IllegalArgumentException("offset " + offset + " with count " + count
                    + " is outside an array of " + length);
        }
    }
}
