package org.jmpibench.spi.progress;

import static org.jmpibench.spi.progress.ProgressBoardDescriptor.ANY_PEER;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ForwardingCommunicator;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * A backend's communicator with every call recorded on the job's progress board ({@link RankProgress}): which call,
 * which peer or root, and when it returned. A call that throws stays recorded as the one this rank was in.
 * {@link org.jmpibench.spi.Job#communicator()} installs it, so the backends stay untouched.
 *
 * <p>Requests: {@link #isend} and {@link #irecv} hand out the backend's request inside one of ours, which knows its
 * peer, so that waiting for it ({@link Request#await()}, {@link Request#test()}, {@link #waitAll}) is recorded as
 * waiting on that peer. Ours are pooled like the backends' own (reused once waited for), so steady traffic allocates
 * nothing here either; {@link #waitAll} hands the backend its own requests.
 */
public final class ProgressCommunicator extends ForwardingCommunicator {

    private final RankProgress progress;
    /** Our requests that were waited for, ready for reuse (a stack). */
    private RecordedRequest[] free = new RecordedRequest[16];

    private int freeCount;
    /** The backend's requests of a waitAll, unwrapped from ours; reused, cleared after each call. */
    private Request[] unwrapped = new Request[16];

    public ProgressCommunicator(Communicator backend, RankProgress progress) {
        super(backend);
        this.progress = progress;
    }

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        delegate.send(buf, offset, count, dest, tag);
        progress.leave();
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        delegate.send(buf, offset, count, dest, tag);
        progress.leave();
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        delegate.send(buf, dest, tag);
        progress.leave();
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = delegate.recv(buf, offset, count, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = delegate.recv(buf, offset, count, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = delegate.recv(buf, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        progress.enter(Call.BCAST, root);
        delegate.bcast(buf, offset, count, root);
        progress.leave();
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        progress.enter(Call.BCAST, root);
        delegate.bcast(buf, offset, count, root);
        progress.leave();
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        progress.enter(Call.BCAST, root);
        delegate.bcast(buf, root);
        progress.leave();
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        progress.enter(Call.GATHER, root);
        delegate.gather(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        progress.enter(Call.GATHER, root);
        delegate.gather(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        progress.enter(Call.GATHER, root);
        delegate.gather(send, recv, root);
        progress.leave();
    }

    @Override
    public Request isend(int[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.ISEND, dest);
        Request started = delegate.isend(buf, offset, count, dest, tag);
        progress.leave();
        return recorded(started, dest);
    }

    @Override
    public Request isend(double[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.ISEND, dest);
        Request started = delegate.isend(buf, offset, count, dest, tag);
        progress.leave();
        return recorded(started, dest);
    }

    @Override
    public Request isend(ByteBuffer buf, int dest, int tag) {
        progress.enter(Call.ISEND, dest);
        Request started = delegate.isend(buf, dest, tag);
        progress.leave();
        return recorded(started, dest);
    }

    @Override
    public Request irecv(int[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.IRECV, source);
        Request started = delegate.irecv(buf, offset, count, source, tag);
        progress.leave();
        return recorded(started, source);
    }

    @Override
    public Request irecv(double[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.IRECV, source);
        Request started = delegate.irecv(buf, offset, count, source, tag);
        progress.leave();
        return recorded(started, source);
    }

    @Override
    public Request irecv(ByteBuffer buf, int source, int tag) {
        progress.enter(Call.IRECV, source);
        Request started = delegate.irecv(buf, source, tag);
        progress.leave();
        return recorded(started, source);
    }

    @Override
    public void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        progress.enter(Call.ALLREDUCE, ANY_PEER);
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
        progress.leave();
    }

    @Override
    public void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        progress.enter(Call.ALLREDUCE, ANY_PEER);
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
        progress.leave();
    }

    @Override
    public void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        progress.enter(Call.ALLREDUCE, ANY_PEER);
        delegate.allreduce(send, recv, type, op);
        progress.leave();
    }

    @Override
    public void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        progress.enter(Call.REDUCE_SCATTER, ANY_PEER);
        delegate.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
        progress.leave();
    }

    @Override
    public void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        progress.enter(Call.REDUCE_SCATTER, ANY_PEER);
        delegate.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
        progress.leave();
    }

    @Override
    public void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        progress.enter(Call.REDUCE_SCATTER, ANY_PEER);
        delegate.reduceScatter(send, recv, type, op);
        progress.leave();
    }

    @Override
    public void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        progress.enter(Call.REDUCE, root);
        delegate.reduce(send, sendOffset, count, recv, recvOffset, op, root);
        progress.leave();
    }

    @Override
    public void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        progress.enter(Call.REDUCE, root);
        delegate.reduce(send, sendOffset, count, recv, recvOffset, op, root);
        progress.leave();
    }

    @Override
    public void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        progress.enter(Call.REDUCE, root);
        delegate.reduce(send, recv, type, op, root);
        progress.leave();
    }

    @Override
    public void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        progress.enter(Call.ALLGATHER, ANY_PEER);
        delegate.allgather(send, sendOffset, count, recv, recvOffset);
        progress.leave();
    }

    @Override
    public void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        progress.enter(Call.ALLGATHER, ANY_PEER);
        delegate.allgather(send, sendOffset, count, recv, recvOffset);
        progress.leave();
    }

    @Override
    public void allgather(ByteBuffer send, ByteBuffer recv) {
        progress.enter(Call.ALLGATHER, ANY_PEER);
        delegate.allgather(send, recv);
        progress.leave();
    }

    @Override
    public void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        progress.enter(Call.ALLTOALL, ANY_PEER);
        delegate.alltoall(send, sendOffset, count, recv, recvOffset);
        progress.leave();
    }

    @Override
    public void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        progress.enter(Call.ALLTOALL, ANY_PEER);
        delegate.alltoall(send, sendOffset, count, recv, recvOffset);
        progress.leave();
    }

    @Override
    public void alltoall(ByteBuffer send, ByteBuffer recv) {
        progress.enter(Call.ALLTOALL, ANY_PEER);
        delegate.alltoall(send, recv);
        progress.leave();
    }

    @Override
    public void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        progress.enter(Call.SCATTER, root);
        delegate.scatter(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        progress.enter(Call.SCATTER, root);
        delegate.scatter(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        progress.enter(Call.SCATTER, root);
        delegate.scatter(send, recv, root);
        progress.leave();
    }

    @Override
    public void barrier() {
        progress.enter(Call.BARRIER, ANY_PEER);
        delegate.barrier();
        progress.leave();
    }

    @Override
    public void close() {
        progress.enter(Call.CLOSE, ANY_PEER);
        delegate.close();
        progress.leave();
    }

    @Override
    public void waitAll(Request[] requests, int count) {
        if (requests == null || count < 0 || count > requests.length) {
            delegate.waitAll(requests, count); // the backend's argument check says what is wrong
            return;
        }
        if (unwrapped.length < count) {
            unwrapped = new Request[Math.max(count, 2 * unwrapped.length)];
        }
        int peer = -1;
        for (int i = 0; i < count; i++) {
            Request request = requests[i];
            if (request instanceof RecordedRequest ours && ours.owner() == this) {
                unwrapped[i] = ours.inUse();
                peer = peer < 0 || peer == ours.peer ? ours.peer : ANY_PEER;
            } else {
                unwrapped[i] = request;
            }
        }
        try {
            progress.enter(Call.WAIT_ALL, peer < 0 ? ANY_PEER : peer);
            delegate.waitAll(unwrapped, count);
            progress.leave();
        } finally {
            Arrays.fill(unwrapped, 0, count, null);
        }
        for (int i = 0; i < count; i++) {
            if (requests[i] instanceof RecordedRequest ours && ours.owner() == this && ours.inner != null) {
                release(ours);
            }
        }
    }

    /** {@code started} inside one of our requests, which records waits for it as waits on {@code peer}. */
    private Request recorded(Request started, int peer) {
        RecordedRequest request = freeCount > 0 ? free[--freeCount] : new RecordedRequest();
        request.inner = started;
        request.peer = peer;
        return request;
    }

    private void release(RecordedRequest request) {
        request.inner = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * free.length);
        }
        free[freeCount++] = request;
    }

    /** One of this rank's requests: the backend's, and the peer it involves. */
    private final class RecordedRequest implements Request {

        /** The backend's request; null once waited for (this object is then reused). */
        private Request inner;

        private int peer;

        ProgressCommunicator owner() {
            return ProgressCommunicator.this;
        }

        Request inUse() {
            if (inner == null) {
                throw new IllegalStateException("this request was already waited for; its object is reused");
            }
            return inner;
        }

        @Override
        public int await() {
            Request request = inUse();
            progress.enter(Call.WAIT, peer);
            int count = request.await();
            progress.leave();
            release(this);
            return count;
        }

        @Override
        public boolean test() {
            Request request = inUse();
            progress.enter(Call.TEST, peer);
            boolean done = request.test();
            if (done) {
                progress.leave();
            }
            return done;
        }
    }
}
