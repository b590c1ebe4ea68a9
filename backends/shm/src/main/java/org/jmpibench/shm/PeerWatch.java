package org.jmpibench.shm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.jmpibench.spi.CommunicatorException;

/**
 * Waits for one peer, and notices when that peer has died so that no rank spins forever.
 *
 * <p>Every rank holds an exclusive lock on its own byte of the shared file for as long as it lives; the kernel
 * releases it when the process ends, also on SIGKILL. While waiting, we try to take that byte's lock every
 * {@value #PROBE_PERIOD_NS} ns: if we get it, the peer is gone. The probe ({@code tryLock}, about 5 us) runs on
 * the clock, not on a spin count, so that it stays timely whether the wait spins (ns per iteration), yields
 * (us) or parks (up to a ms). The clock itself is read only every 256 spins while spinning.
 *
 * <p>Beware: POSIX drops every lock a process holds on a file when it closes ANY descriptor of that file, so
 * the rank must keep exactly one {@link FileChannel} of the shared file open for its whole life.
 */
final class PeerWatch {

    static final long PROBE_PERIOD_NS = 5_000_000;
    private static final int SPIN_CLOCK_MASK = 255;

    private final int peer;
    private final FileChannel channel;
    private final ShmIdle idle;
    private long nextProbeNs;

    PeerWatch(int peer, FileChannel channel, ShmIdle idle) {
        this.peer = peer;
        this.channel = channel;
        this.idle = idle;
    }

    int peer() {
        return peer;
    }

    /** Starts a wait: the first probe comes one period after the wait's first clock reading. */
    void beginWait() {
        nextProbeNs = 0;
    }

    /**
     * Idles once (iteration {@code i} of this wait) and probes the peer when a probe is due.
     *
     * @return true when the peer is dead: the caller re-checks its condition once (a peer may publish and then
     *         exit) and otherwise throws {@link #died}
     */
    boolean idleAndCheck(int i) {
        idle.idle(i);
        if (idle.spinning(i) && (i & SPIN_CLOCK_MASK) != SPIN_CLOCK_MASK) {
            return false;
        }
        long now = System.nanoTime();
        if (nextProbeNs == 0) {
            nextProbeNs = now + PROBE_PERIOD_NS;
            return false;
        }
        if (now - nextProbeNs < 0) {
            return false;
        }
        nextProbeNs = now + PROBE_PERIOD_NS;
        return isDead(channel, peer);
    }

    CommunicatorException died(String whileDoing) {
        return new CommunicatorException("shm: rank " + peer + " died (its liveness lock is free) while this rank "
                + "was " + whileDoing);
    }

    /** True when nobody holds rank {@code rank}'s lock byte, i.e. its process has ended. */
    static boolean isDead(FileChannel channel, int rank) {
        return isFree(channel, ShmLayoutDescriptor.rankLockOffset(rank));
    }

    static boolean isFree(FileChannel channel, long lockOffset) {
        try {
            FileLock probe = channel.tryLock(lockOffset, 1, false);
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (IOException e) {
            throw new CommunicatorException("shm: cannot probe the lock at byte " + lockOffset + ": " + e, e);
        }
    }
}
