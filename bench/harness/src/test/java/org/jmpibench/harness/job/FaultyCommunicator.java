package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.ForwardingCommunicator;

/**
 * Delegates everything, then either flips the first element of whatever this rank received
 * ({@link Fault#CORRUPT}) or, on the first data message, blocks forever ({@link Fault#HANG}). Commands (bcasts
 * of {@link Command#LENGTH} ints, and messages on {@link Follower#CONTROL_TAG}) pass untouched, so the fault
 * hits benchmark data only.
 */
final class FaultyCommunicator extends ForwardingCommunicator {

    enum Fault { CORRUPT, HANG }

    private final Fault fault;

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

    private static void flip(ByteBuffer buf) {
        int at = buf.position();
        buf.put(at, (byte) (buf.get(at) ^ 1));
    }
}
