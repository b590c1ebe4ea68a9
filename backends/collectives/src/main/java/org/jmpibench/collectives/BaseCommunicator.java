package org.jmpibench.collectives;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * What our own backends' communicators share: the closed/failed state of the "Errors" section, the argument checks
 * ({@link Checks}) and {@link Region} set-up of every operation this class implements, the collectives of
 * {@link Algorithms}, and the request limit. A backend extends it with its transport: blocking point-to-point, bcast,
 * gather, barrier, close, and the start of a non-blocking send or receive on a {@link Region}.
 *
 * <p>Every public method here checks state first ({@link #checkUsable()}), then arguments, then works; a
 * {@link CommunicatorException} from the work marks the communicator failed ({@link #fail}). Regions are reused:
 * nothing here allocates per call.
 */
public abstract class BaseCommunicator implements Communicator {

    protected final int rank;
    protected final int size;
    private final Algorithms algorithms;
    private final Region first = new Region();
    private final Region second = new Region();
    private int outstanding;
    private boolean closed;
    private boolean failed;

    protected BaseCommunicator(PointToPoint internal) {
        this.rank = internal.rank();
        this.size = internal.size();
        this.algorithms = new Algorithms(internal);
    }

    @Override
    public final int rank() {
        return rank;
    }

    @Override
    public final int size() {
        return size;
    }

    // ------------------------------------------------------------------ state

    /** Throws unless the communicator may be used: {@link IllegalStateException} if closed, else if failed. */
    protected final void checkUsable() {
        Checks.open(rank, closed, failed);
    }

    /** Marks the communicator failed and returns {@code e} for the caller to throw. */
    protected final CommunicatorException fail(CommunicatorException e) {
        failed = true;
        return e;
    }

    protected final boolean isFailed() {
        return failed;
    }

    /** Marks the communicator closed; returns false when it already was (close() is idempotent). */
    protected final boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    // ------------------------------------------------------------------ non-blocking point to point

    /** Starts sending {@code count} elements of {@code buf}; the region may be reused once this returns. */
    protected abstract Request startSend(Region buf, int count, int dest, int tag);

    /** Starts receiving at most {@code count} elements into {@code buf}; the region may be reused on return. */
    protected abstract Request startRecv(Region buf, int count, int source, int tag);

    /** A backend calls this when a user request has been waited for: it no longer counts against the limit. */
    protected final void requestDone() {
        outstanding--;
    }

    @Override
    public final Request isend(int[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return send(first.ints(buf, offset), count, dest, tag);
    }

    @Override
    public final Request isend(double[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return send(first.doubles(buf, offset), count, dest, tag);
    }

    @Override
    public final Request isend(ByteBuffer buf, int dest, int tag) {
        checkUsable();
        Checks.notNull(buf, "buf");
        return send(first.bytes(buf, buf.position(), null), buf.remaining(), dest, tag);
    }

    @Override
    public final Request irecv(int[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return recv(first.ints(buf, offset), count, source, tag);
    }

    @Override
    public final Request irecv(double[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return recv(first.doubles(buf, offset), count, source, tag);
    }

    @Override
    public final Request irecv(ByteBuffer buf, int source, int tag) {
        checkUsable();
        Checks.writable(buf, "buf");
        return recv(first.bytes(buf, buf.position(), null), buf.remaining(), source, tag);
    }

    private Request send(Region buf, int count, int dest, int tag) {
        try {
            Checks.rank(dest, size, "dest");
            Checks.tag(tag);
            admit();
            Request request = startSend(buf, count, dest, tag);
            outstanding++;
            return request;
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            buf.clear();
        }
    }

    private Request recv(Region buf, int count, int source, int tag) {
        try {
            Checks.rank(source, size, "source");
            Checks.tag(tag);
            admit();
            Request request = startRecv(buf, count, source, tag);
            outstanding++;
            return request;
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            buf.clear();
        }
    }

    /** The request limit is checked before the request exists, so a refused one leaves nothing behind. */
    private void admit() {
        if (outstanding >= MAX_OUTSTANDING_REQUESTS) {
            throw new CommunicatorException("rank " + rank + ": more than " + MAX_OUTSTANDING_REQUESTS
                    + " requests outstanding (wait for some before starting more)");
        }
    }

    @Override
    public final void waitAll(Request[] requests, int count) {
        checkUsable();
        Checks.requests(requests, count);
        for (int i = 0; i < count; i++) {
            if (requests[i] != null) {
                requests[i].await();
            }
        }
    }

    // ------------------------------------------------------------------ reductions

    @Override
    public final void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        checkUsable();
        Checks.op(op);
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(first.ints(send, sendOffset), second.ints(recv, recvOffset), count, op);
    }

    @Override
    public final void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        checkUsable();
        Checks.op(op);
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(first.doubles(send, sendOffset), second.doubles(recv, recvOffset), count, op);
    }

    @Override
    public final void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        checkUsable();
        Checks.type(type);
        Checks.op(op);
        int count = Checks.elements(send, type, "send");
        Checks.room(recv, (long) count * type.bytes(), "recv");
        allreduce(first.bytes(send, send.position(), type), second.bytes(recv, recv.position(), type), count, op);
    }

    private void allreduce(Region send, Region recv, int count, ReduceOp op) {
        try {
            algorithms.allreduce(send, recv, count, op);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    @Override
    public final void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.op(op);
        Checks.range(send, sendOffset, count, "send");
        if (rank == root) {
            Checks.range(recv, recvOffset, count, "recv");
            second.ints(recv, recvOffset);
        }
        reduce(first.ints(send, sendOffset), count, op, root);
    }

    @Override
    public final void reduce(
            double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.op(op);
        Checks.range(send, sendOffset, count, "send");
        if (rank == root) {
            Checks.range(recv, recvOffset, count, "recv");
            second.doubles(recv, recvOffset);
        }
        reduce(first.doubles(send, sendOffset), count, op, root);
    }

    @Override
    public final void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.type(type);
        Checks.op(op);
        int count = Checks.elements(send, type, "send");
        if (rank == root) {
            Checks.room(recv, (long) count * type.bytes(), "recv");
            second.bytes(recv, recv.position(), type);
        }
        reduce(first.bytes(send, send.position(), type), count, op, root);
    }

    /** {@link #second} holds the receive region at the root and is unused elsewhere. */
    private void reduce(Region send, int count, ReduceOp op, int root) {
        try {
            algorithms.reduce(send, second, count, op, root);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    @Override
    public final void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        checkUsable();
        Checks.op(op);
        Checks.blocks(send, sendOffset, count, size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(first.ints(send, sendOffset), second.ints(recv, recvOffset), count, op);
    }

    @Override
    public final void reduceScatter(
            double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        checkUsable();
        Checks.op(op);
        Checks.blocks(send, sendOffset, count, size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(first.doubles(send, sendOffset), second.doubles(recv, recvOffset), count, op);
    }

    @Override
    public final void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        checkUsable();
        Checks.type(type);
        Checks.op(op);
        int count = Checks.elementsPerBlock(send, size, type, "send");
        Checks.room(recv, (long) count * type.bytes(), "recv");
        reduceScatter(first.bytes(send, send.position(), type), second.bytes(recv, recv.position(), type), count, op);
    }

    private void reduceScatter(Region send, Region recv, int count, ReduceOp op) {
        try {
            algorithms.reduceScatter(send, recv, count, op);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    // ------------------------------------------------------------------ data movement

    @Override
    public final void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        checkUsable();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, size, "recv");
        allgather(first.ints(send, sendOffset), second.ints(recv, recvOffset), count);
    }

    @Override
    public final void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        checkUsable();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, size, "recv");
        allgather(first.doubles(send, sendOffset), second.doubles(recv, recvOffset), count);
    }

    @Override
    public final void allgather(ByteBuffer send, ByteBuffer recv) {
        checkUsable();
        int block = Checks.notNull(send, "send").remaining();
        Checks.room(recv, (long) block * size, "recv");
        allgather(first.bytes(send, send.position(), null), second.bytes(recv, recv.position(), null), block);
    }

    private void allgather(Region send, Region recv, int count) {
        try {
            algorithms.allgather(send, recv, count);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    @Override
    public final void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        checkUsable();
        Checks.blocks(send, sendOffset, count, size, "send");
        Checks.blocks(recv, recvOffset, count, size, "recv");
        alltoall(first.ints(send, sendOffset), second.ints(recv, recvOffset), count);
    }

    @Override
    public final void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        checkUsable();
        Checks.blocks(send, sendOffset, count, size, "send");
        Checks.blocks(recv, recvOffset, count, size, "recv");
        alltoall(first.doubles(send, sendOffset), second.doubles(recv, recvOffset), count);
    }

    @Override
    public final void alltoall(ByteBuffer send, ByteBuffer recv) {
        checkUsable();
        int block = Checks.blockBytes(send, size, "send");
        Checks.room(recv, (long) block * size, "recv");
        alltoall(first.bytes(send, send.position(), null), second.bytes(recv, recv.position(), null), block);
    }

    private void alltoall(Region send, Region recv, int count) {
        try {
            algorithms.alltoall(send, recv, count);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    @Override
    public final void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(recv, recvOffset, count, "recv");
        if (rank == root) {
            Checks.blocks(send, sendOffset, count, size, "send");
            first.ints(send, sendOffset);
        }
        scatter(second.ints(recv, recvOffset), count, root);
    }

    @Override
    public final void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(recv, recvOffset, count, "recv");
        if (rank == root) {
            Checks.blocks(send, sendOffset, count, size, "send");
            first.doubles(send, sendOffset);
        }
        scatter(second.doubles(recv, recvOffset), count, root);
    }

    @Override
    public final void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        int block = Checks.notNull(recv, "recv").remaining();
        if (rank == root) {
            Checks.room(send, (long) block * size, "send");
            first.bytes(send, send.position(), null);
        }
        scatter(second.bytes(recv, recv.position(), null), block, root);
    }

    /** {@link #first} holds the send region at the root and is unused elsewhere. */
    private void scatter(Region recv, int count, int root) {
        try {
            algorithms.scatter(first, recv, count, root);
        } catch (CommunicatorException e) {
            throw fail(e);
        } finally {
            clearRegions();
        }
    }

    private void clearRegions() {
        first.clear();
        second.clear();
    }
}
