package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ForwardingCommunicator;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * Delegates everything, then either flips the first element of whatever this rank received ({@link Fault#CORRUPT}) or,
 * on the first data message, blocks forever ({@link Fault#HANG}). Commands (bcasts of {@link Command#LENGTH} ints, and
 * messages on {@link Follower#CONTROL_TAG}) and the reports (gathers of doubles) pass untouched, so the fault hits
 * benchmark data only. Non-blocking receives are corrupted when {@link #waitAll} has completed them: the last one
 * posted before it.
 */
final class FaultyCommunicator extends ForwardingCommunicator {

    enum Fault {
        CORRUPT,
        HANG
    }

    private final Fault fault;
    /** Flips the last non-blocking receive's first element; null when none is outstanding. */
    private Runnable afterWait;

    FaultyCommunicator(Communicator real, Fault fault) {
        super(real);
        this.fault = fault;
    }

    /** A received data message: hangs here for {@link Fault#HANG}; true when it should be corrupted. */
    private boolean hit() {
        if (fault == Fault.HANG) {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // A hung peer ignores interrupts too.
                }
            }
        }
        return true;
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        int got = delegate.recv(buf, offset, count, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            buf[offset] ^= 1;
        }
        return got;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        int got = delegate.recv(buf, offset, count, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            buf[offset] = -buf[offset] - 1;
        }
        return got;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        int got = delegate.recv(buf, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            flip(buf);
        }
        return got;
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        delegate.bcast(buf, offset, count, root);
        // Commands travel by bcast of 6 ints: leave them alone, corrupt only data.
        if (root != rank() && count > 0 && count != Command.LENGTH && hit()) {
            buf[offset] ^= 1;
        }
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        delegate.bcast(buf, offset, count, root);
        if (root != rank() && count > 0 && hit()) {
            buf[offset] = -buf[offset] - 1;
        }
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        delegate.bcast(buf, root);
        if (root != rank() && buf.hasRemaining() && hit()) {
            flip(buf);
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        delegate.gather(send, sendOffset, count, recv, recvOffset, root);
        if (root == rank() && count > 0 && hit()) {
            recv[recvOffset] ^= 1;
        }
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        delegate.gather(send, recv, root);
        if (root == rank() && send.hasRemaining() && hit()) {
            flip(recv);
        }
    }

    @Override
    public Request irecv(int[] buf, int offset, int count, int source, int tag) {
        Request request = delegate.irecv(buf, offset, count, source, tag);
        afterWait = count > 0 ? () -> buf[offset] ^= 1 : null;
        return request;
    }

    @Override
    public Request irecv(ByteBuffer buf, int source, int tag) {
        Request request = delegate.irecv(buf, source, tag);
        afterWait = buf.hasRemaining() ? () -> flip(buf) : null;
        return request;
    }

    @Override
    public void waitAll(Request[] requests, int count) {
        delegate.waitAll(requests, count);
        Runnable corrupt = afterWait;
        afterWait = null;
        if (corrupt != null && hit()) {
            corrupt.run();
        }
    }

    @Override
    public void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
        corrupt(recv, recvOffset, count);
    }

    @Override
    public void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
        if (count > 0 && hit()) {
            recv[recvOffset] = -recv[recvOffset] - 1;
        }
    }

    @Override
    public void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        delegate.allreduce(send, recv, type, op);
        corrupt(recv);
    }

    @Override
    public void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        delegate.reduce(send, sendOffset, count, recv, recvOffset, op, root);
        if (root == rank()) {
            corrupt(recv, recvOffset, count);
        }
    }

    @Override
    public void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        delegate.reduce(send, recv, type, op, root);
        if (root == rank()) {
            corrupt(recv);
        }
    }

    @Override
    public void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        delegate.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
        corrupt(recv, recvOffset, count);
    }

    @Override
    public void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        delegate.reduceScatter(send, recv, type, op);
        corrupt(recv);
    }

    @Override
    public void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        delegate.allgather(send, sendOffset, count, recv, recvOffset);
        corrupt(recv, recvOffset, count);
    }

    @Override
    public void allgather(ByteBuffer send, ByteBuffer recv) {
        delegate.allgather(send, recv);
        corrupt(recv);
    }

    @Override
    public void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        delegate.alltoall(send, sendOffset, count, recv, recvOffset);
        corrupt(recv, recvOffset, count);
    }

    @Override
    public void alltoall(ByteBuffer send, ByteBuffer recv) {
        delegate.alltoall(send, recv);
        corrupt(recv);
    }

    @Override
    public void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        delegate.scatter(send, sendOffset, count, recv, recvOffset, root);
        corrupt(recv, recvOffset, count);
    }

    @Override
    public void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        delegate.scatter(send, recv, root);
        corrupt(recv);
    }

    private void corrupt(int[] buf, int offset, int count) {
        if (count > 0 && hit()) {
            buf[offset] ^= 1;
        }
    }

    private void corrupt(ByteBuffer buf) {
        if (buf.hasRemaining() && hit()) {
            flip(buf);
        }
    }

    private static void flip(ByteBuffer buf) {
        int at = buf.position();
        buf.put(at, (byte) (buf.get(at) ^ 1));
    }
}
