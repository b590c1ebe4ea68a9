package org.jmpibench.spi;

import java.nio.ByteBuffer;

/**
 * A {@link Communicator} that hands every call to another one: the base of decorators (a test's fault injector, a
 * rank's progress record) that change a few calls and must pass the rest on unchanged, whatever the SPI grows.
 */
public abstract class ForwardingCommunicator implements Communicator {

    /** The communicator every call goes to. */
    protected final Communicator delegate;

    protected ForwardingCommunicator(Communicator delegate) {
        this.delegate = delegate;
    }

    @Override
    public int rank() {
        return delegate.rank();
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        delegate.send(buf, offset, count, dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        delegate.send(buf, offset, count, dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        delegate.send(buf, dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        return delegate.recv(buf, offset, count, source, tag);
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        return delegate.recv(buf, offset, count, source, tag);
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        return delegate.recv(buf, source, tag);
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        delegate.bcast(buf, offset, count, root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        delegate.bcast(buf, offset, count, root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        delegate.bcast(buf, root);
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        delegate.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        delegate.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        delegate.gather(send, recv, root);
    }

    @Override
    public Request isend(int[] buf, int offset, int count, int dest, int tag) {
        return delegate.isend(buf, offset, count, dest, tag);
    }

    @Override
    public Request isend(double[] buf, int offset, int count, int dest, int tag) {
        return delegate.isend(buf, offset, count, dest, tag);
    }

    @Override
    public Request isend(ByteBuffer buf, int dest, int tag) {
        return delegate.isend(buf, dest, tag);
    }

    @Override
    public Request irecv(int[] buf, int offset, int count, int source, int tag) {
        return delegate.irecv(buf, offset, count, source, tag);
    }

    @Override
    public Request irecv(double[] buf, int offset, int count, int source, int tag) {
        return delegate.irecv(buf, offset, count, source, tag);
    }

    @Override
    public Request irecv(ByteBuffer buf, int source, int tag) {
        return delegate.irecv(buf, source, tag);
    }

    @Override
    public void waitAll(Request[] requests, int count) {
        delegate.waitAll(requests, count);
    }

    @Override
    public void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        delegate.allreduce(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        delegate.allreduce(send, recv, type, op);
    }

    @Override
    public void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        delegate.reduce(send, sendOffset, count, recv, recvOffset, op, root);
    }

    @Override
    public void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        delegate.reduce(send, sendOffset, count, recv, recvOffset, op, root);
    }

    @Override
    public void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        delegate.reduce(send, recv, type, op, root);
    }

    @Override
    public void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        delegate.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        delegate.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        delegate.reduceScatter(send, recv, type, op);
    }

    @Override
    public void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        delegate.allgather(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        delegate.allgather(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void allgather(ByteBuffer send, ByteBuffer recv) {
        delegate.allgather(send, recv);
    }

    @Override
    public void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        delegate.alltoall(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        delegate.alltoall(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void alltoall(ByteBuffer send, ByteBuffer recv) {
        delegate.alltoall(send, recv);
    }

    @Override
    public void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        delegate.scatter(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        delegate.scatter(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        delegate.scatter(send, recv, root);
    }

    @Override
    public void barrier() {
        delegate.barrier();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
