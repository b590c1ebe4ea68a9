package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.KIND_USER;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jmpibench.collectives.BaseCommunicator;
import org.jmpibench.collectives.Region;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Request;

/**
 * The loopback backend's {@link org.jmpibench.spi.Communicator}: checks arguments ({@link Checks}), then hands the
 * caller's buffers, wrapped in reusable {@link MessageBuffer}s, to {@link Transport} (point to point, requests) and
 * {@link Collectives} (bcast, gather, barrier); {@link BaseCommunicator} adds the other collectives on top of the
 * transport. Serialized use only (one thread at a time), as the SPI says; nothing here is thread-safe and nothing needs
 * to be.
 */
final class LoopbackCommunicator extends BaseCommunicator {

    /** How long close() waits for each peer to finish its side of the shutdown. */
    private static final long SHUTDOWN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private final Transport transport;
    private final Collectives collectives;
    private final MessageBuffer first = new MessageBuffer();
    private final MessageBuffer second = new MessageBuffer();

    LoopbackCommunicator(Transport transport) {
        super(transport);
        this.transport = transport;
        this.collectives = new Collectives(transport);
    }

    // ------------------------------------------------------------------ point to point

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        send(first.ints(buf, offset, count), dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        send(first.doubles(buf, offset, count), dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        checkUsable();
        send(first.bytes(Checks.notNull(buf, "buf")), dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return recv(first.ints(buf, offset, count), source, tag) / Integer.BYTES;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return recv(first.doubles(buf, offset, count), source, tag) / Double.BYTES;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        checkUsable();
        return recv(first.bytes(Checks.writable(buf, "buf")), source, tag);
    }

    private void send(MessageBuffer msg, int dest, int tag) {
        try {
            Checks.rank(dest, size, "dest");
            Checks.tag(tag);
            transport.send(dest, KIND_USER, tag, msg);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            msg.clear();
        }
    }

    private int recv(MessageBuffer msg, int source, int tag) {
        try {
            Checks.rank(source, size, "source");
            Checks.tag(tag);
            return transport.receive(source, KIND_USER, tag, msg);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            msg.clear();
        }
    }

    // ------------------------------------------------------------------ requests

    @Override
    protected Request startSend(Region buf, int count, int dest, int tag) {
        LoopbackRequest request = transport.obtain();
        request.msg.region(buf, 0, count);
        try {
            transport.startSend(request, dest, KIND_USER, tag);
        } catch (IllegalArgumentException e) {
            transport.release(request);
            throw e;
        }
        request.owner = this;
        return request;
    }

    @Override
    protected Request startRecv(Region buf, int count, int source, int tag) {
        LoopbackRequest request = transport.obtain();
        request.msg.region(buf, 0, count);
        transport.startRecv(request, source, KIND_USER, tag);
        request.owner = this;
        return request;
    }

    /** {@link LoopbackRequest#await()}: waits, returns the request to the pool, and says how many elements moved. */
    int await(LoopbackRequest request) {
        checkUsable();
        try {
            transport.await(request);
        } catch (CommunicatorException e) {
            throw fail(e);
        }
        int count = request.bytes / request.msg.elementBytes();
        transport.release(request);
        requestDone();
        return count;
    }

    /** {@link LoopbackRequest#test()}: one pass of progress unless already done. */
    boolean test(LoopbackRequest request) {
        checkUsable();
        try {
            if (!request.done) {
                transport.progress();
            }
            return request.done;
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    // ------------------------------------------------------------------ bcast, gather, barrier

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        bcast(first.ints(buf, offset, count), root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        bcast(first.doubles(buf, offset, count), root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        checkUsable();
        bcast(first.bytes(Checks.notNull(buf, "buf")), root);
    }

    private void bcast(MessageBuffer msg, int root) {
        try {
            Checks.rank(root, size, "root");
            collectives.bcast(msg, root);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            msg.clear();
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(send, sendOffset, count, "send");
        if (rank == root) {
            Checks.blocks(recv, recvOffset, count, size, "recv");
            second.ints(recv, recvOffset, count * size);
        }
        gather(first.ints(send, sendOffset, count), root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(send, sendOffset, count, "send");
        if (rank == root) {
            Checks.blocks(recv, recvOffset, count, size, "recv");
            second.doubles(recv, recvOffset, count * size);
        }
        gather(first.doubles(send, sendOffset, count), root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        int block = Checks.notNull(send, "send").remaining();
        if (rank == root) {
            long needed = (long) block * size;
            Checks.room(recv, needed, "recv");
            second.bytes(recv, recv.position(), (int) needed);
        }
        gather(first.bytes(send), root);
    }

    /** {@link #second} holds the receive buffer at the root and is unused elsewhere. */
    private void gather(MessageBuffer block, int root) {
        try {
            collectives.gather(block, second, root);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            block.clear();
            second.clear();
        }
    }

    @Override
    public void barrier() {
        checkUsable();
        try {
            collectives.barrier();
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    /**
     * Barrier (so no rank tears down connections a slower rank still reads from), then each connection is half-closed
     * and drained until the peer half-closes as well, then closed. After a failure, the sockets are just closed.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        if (isFailed()) {
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
        markClosed();
        transport.close();
    }
}
