package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Communicator;

/**
 * Delegates everything, then either flips the first element of whatever this rank received
 * ({@link Fault#CORRUPT}) or, on the first data message, blocks forever ({@link Fault#HANG}). Commands (bcasts
 * of {@link Command#LENGTH} ints, and messages on {@link Follower#CONTROL_TAG}) pass untouched, so the fault
 * hits benchmark data only.
 */
final class FaultyCommunicator implements Communicator {

    enum Fault { CORRUPT, HANG }

    private final Communicator real;
    private final Fault fault;

    FaultyCommunicator(Communicator real, Fault fault) {
        this.real = real;
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
    public int rank() {
        return real.rank();
    }

    @Override
    public int size() {
        return real.size();
    }

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        real.send(buf, offset, count, dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        real.send(buf, offset, count, dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        real.send(buf, dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        int got = real.recv(buf, offset, count, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            buf[offset] ^= 1;
        }
        return got;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        int got = real.recv(buf, offset, count, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            buf[offset] = -buf[offset] - 1;
        }
        return got;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        int got = real.recv(buf, source, tag);
        if (got > 0 && tag != Follower.CONTROL_TAG && hit()) {
            flip(buf);
        }
        return got;
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        real.bcast(buf, offset, count, root);
        // Commands travel by bcast of 6 ints: leave them alone, corrupt only data.
        if (root != rank() && count > 0 && count != Command.LENGTH && hit()) {
            buf[offset] ^= 1;
        }
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        real.bcast(buf, offset, count, root);
        if (root != rank() && count > 0 && hit()) {
            buf[offset] = -buf[offset] - 1;
        }
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        real.bcast(buf, root);
        if (root != rank() && buf.hasRemaining() && hit()) {
            flip(buf);
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        real.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        real.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        real.gather(send, recv, root);
    }

    @Override
    public void barrier() {
        real.barrier();
    }

    @Override
    public void close() {
        real.close();
    }

    private static void flip(ByteBuffer buf) {
        int at = buf.position();
        buf.put(at, (byte) (buf.get(at) ^ 1));
    }
}
