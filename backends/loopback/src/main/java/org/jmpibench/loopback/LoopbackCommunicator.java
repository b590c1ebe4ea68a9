package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.KIND_USER;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;

/**
 * The loopback backend's {@link Communicator}: checks arguments, then hands the caller's buffers, wrapped in
 * reusable {@link MessageBuffer}s, to {@link Transport} and {@link Collectives}. Serialized use only (one thread
 * at a time), as the SPI says; nothing here is thread-safe and nothing needs to be.
 */
final class LoopbackCommunicator implements Communicator {

    /** How long close() waits for each peer to finish its side of the shutdown. */
    private static final long SHUTDOWN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private final int rank;
    private final int size;
    private final Transport transport;
    private final Collectives collectives;
    private final MessageBuffer first = new MessageBuffer();
    private final MessageBuffer second = new MessageBuffer();
    private boolean closed;
    private boolean failed;

    LoopbackCommunicator(Transport transport) {
        this.rank = transport.rank();
        this.size = transport.size();
        this.transport = transport;
        this.collectives = new Collectives(transport);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    // ------------------------------------------------------------------ point to point

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        send(first.ints(buf, offset, count), dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        send(first.doubles(buf, offset, count), dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        send(first.bytes(notNull(buf, "buf")), dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        return recv(first.ints(buf, offset, count), source, tag) / Integer.BYTES;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        return recv(first.doubles(buf, offset, count), source, tag) / Double.BYTES;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        return recv(first.bytes(notNull(buf, "buf")), source, tag);
    }

    private void send(MessageBuffer msg, int dest, int tag) {
        checkRank(dest, "dest");
        checkTag(tag);
        checkOpen();
        try {
            transport.send(dest, KIND_USER, tag, msg);
        } catch (CommunicatorException e) {
            failed = true;
            throw e;
        } finally {
            msg.clear();
        }
    }

    private int recv(MessageBuffer msg, int source, int tag) {
        checkRank(source, "source");
        checkTag(tag);
        checkOpen();
        try {
            return transport.receive(source, KIND_USER, tag, msg);
        } catch (CommunicatorException e) {
            failed = true;
            throw e;
        } finally {
            msg.clear();
        }
    }

    // ------------------------------------------------------------------ collectives

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        bcast(first.ints(buf, offset, count), root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkRange(buf == null ? -1 : buf.length, offset, count, "buf");
        bcast(first.doubles(buf, offset, count), root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        bcast(first.bytes(notNull(buf, "buf")), root);
    }

    private void bcast(MessageBuffer msg, int root) {
        checkRank(root, "root");
        checkOpen();
        try {
            collectives.bcast(msg, root);
        } catch (CommunicatorException e) {
            failed = true;
            throw e;
        } finally {
            msg.clear();
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkRank(root, "root");
        checkRange(send == null ? -1 : send.length, sendOffset, count, "send");
        if (rank == root) {
            checkRange(recv == null ? -1 : recv.length, recvOffset, Math.multiplyExact(count, size), "recv");
            second.ints(recv, recvOffset, count * size);
        }
        gather(first.ints(send, sendOffset, count), second, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkRank(root, "root");
        checkRange(send == null ? -1 : send.length, sendOffset, count, "send");
        if (rank == root) {
            checkRange(recv == null ? -1 : recv.length, recvOffset, Math.multiplyExact(count, size), "recv");
            second.doubles(recv, recvOffset, count * size);
        }
        gather(first.doubles(send, sendOffset, count), second, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkRank(root, "root");
        notNull(send, "send");
        if (rank == root) {
            notNull(recv, "recv");
            long needed = (long) send.remaining() * size;
            if (recv.remaining() < needed) {
                throw new IllegalArgumentException("recv has " + recv.remaining() + " bytes remaining; gather of "
                        + send.remaining() + " bytes from " + size + " ranks needs " + needed);
            }
            second.bytes(recv, recv.position(), (int) needed);
        }
        gather(first.bytes(send), second, root);
    }

    private void gather(MessageBuffer block, MessageBuffer result, int root) {
        checkOpen();
        try {
            collectives.gather(block, result, root);
        } catch (CommunicatorException e) {
            failed = true;
            throw e;
        } finally {
            block.clear();
            result.clear();
        }
    }

    @Override
    public void barrier() {
        checkOpen();
        try {
            collectives.barrier();
        } catch (CommunicatorException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Barrier (so no rank tears down connections a slower rank still reads from), then each connection is
     * half-closed and drained until the peer half-closes as well, then closed. After a failure, the sockets are
     * just closed. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            transport.close();
            return;
        }
        try {
            collectives.barrier();
        } catch (CommunicatorException e) {
            transport.close();
            throw e;
        }
        transport.shutdownGracefully(SHUTDOWN_TIMEOUT_NS);
    }

    /** Drops every connection at once, without the collective goodbye: peers see this rank as dead. */
    void abort() {
        closed = true;
        transport.close();
    }

    // ------------------------------------------------------------------ argument checks

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("rank " + rank + ": communicator is closed");
        }
        if (failed) {
            throw new CommunicatorException("rank " + rank + ": communicator failed earlier and cannot be used");
        }
    }

    private void checkRank(int r, String what) {
        if (r < 0 || r >= size) {
            throw new IllegalArgumentException(what + " rank " + r + " is outside 0.." + (size - 1));
        }
    }

    private static void checkTag(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must be >= 0, got " + tag);
        }
    }

    private static void checkRange(int length, int offset, int count, String what) {
        if (length < 0) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (count < 0) {
            throw new IllegalArgumentException(what + ": count must be >= 0, got " + count);
        }
        if (offset < 0 || offset > length - count) {
            throw new IllegalArgumentException(what + ": offset " + offset + " + count " + count
                    + " is outside an array of length " + length);
        }
    }

    private static ByteBuffer notNull(ByteBuffer buf, String what) {
        if (buf == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return buf;
    }
}
