package org.jmpibench.spi.progress;

import static org.jmpibench.spi.progress.ProgressBoardDescriptor.ANY_PEER;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Communicator;

/**
 * A backend's communicator with every call recorded on the job's progress board ({@link RankProgress}): which
 * call, which peer or root, and when it returned. A call that throws stays recorded as the one this rank was in.
 * {@link org.jmpibench.spi.Job#communicator()} installs it, so the backends stay untouched.
 */
public final class ProgressCommunicator implements Communicator {

    private final Communicator backend;
    private final RankProgress progress;

    public ProgressCommunicator(Communicator backend, RankProgress progress) {
        this.backend = backend;
        this.progress = progress;
    }

    @Override
    public int rank() {
        return backend.rank();
    }

    @Override
    public int size() {
        return backend.size();
    }

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        backend.send(buf, offset, count, dest, tag);
        progress.leave();
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        backend.send(buf, offset, count, dest, tag);
        progress.leave();
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        progress.enter(Call.SEND, dest);
        backend.send(buf, dest, tag);
        progress.leave();
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = backend.recv(buf, offset, count, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = backend.recv(buf, offset, count, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        progress.enter(Call.RECV, source);
        int received = backend.recv(buf, source, tag);
        progress.leave();
        return received;
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        progress.enter(Call.BCAST, root);
        backend.bcast(buf, offset, count, root);
        progress.leave();
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        progress.enter(Call.BCAST, root);
        backend.bcast(buf, offset, count, root);
        progress.leave();
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        progress.enter(Call.BCAST, root);
        backend.bcast(buf, root);
        progress.leave();
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        progress.enter(Call.GATHER, root);
        backend.gather(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        progress.enter(Call.GATHER, root);
        backend.gather(send, sendOffset, count, recv, recvOffset, root);
        progress.leave();
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        progress.enter(Call.GATHER, root);
        backend.gather(send, recv, root);
        progress.leave();
    }

    @Override
    public void barrier() {
        progress.enter(Call.BARRIER, ANY_PEER);
        backend.barrier();
        progress.leave();
    }

    @Override
    public void close() {
        progress.enter(Call.CLOSE, ANY_PEER);
        backend.close();
        progress.leave();
    }
}
