package org.jmpibench.shm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.jmpibench.spi.CommunicatorException;

/**
 * How a rank waits for its peers, and notices when one has died so that no rank spins forever.
 *
 * <p>Every rank holds an exclusive lock on its own byte of the shared file for as long as it lives; the kernel releases
 * it when the process ends, also on SIGKILL. While waiting, we try to take that byte's lock every
 * {@value #PROBE_PERIOD_NS} ns: if we get it, the peer is gone. The probe ({@code tryLock}, about 5 us) runs on the
 * clock, not on a spin count, so that it stays timely whether the wait spins (ns per iteration), yields (us) or parks
 * (up to a ms). The clock itself is read only every 256 spins while spinning. One instance serves every wait of a rank:
 * the waiter says when a probe is due, and the rank probes the peers it is waiting for.
 *
 * <p>Beware: POSIX drops every lock a process holds on a file when it closes ANY descriptor of that file, so the rank
 * must keep exactly one {@link FileChannel} of the shared file open for its whole life.
 */
final class PeerWatch {

    static final long PROBE_PERIOD_NS = 5_000_000;
    private static final int SPIN_CLOCK_MASK = 255;

    private final FileChannel channel;
    private final ShmIdle idle;
    private long nextProbeNs;

    PeerWatch(FileChannel channel, ShmIdle idle) {
        this.channel = channel;
        this.idle = idle;
    }

    /** Starts a wait: the first probe comes one period after the wait's first clock reading. */
    void beginWait() {
        nextProbeNs = 0;
    }

    /**
     * Idles once (iteration {@code i} of this wait) and says whether a probe is due: the caller then checks the peers
     * it waits for with {@link #isDead(int)}, makes progress once more (a peer may publish and then exit), and throws
     * {@link #died} if that did not help.
     */
    boolean idleAndProbeDue(int i) {
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
        return true;
    }

    boolean isDead(int rank) {
        return isDead(channel, rank);
    }

    static CommunicatorException died(int peer, String whileDoing) {
        return new CommunicatorException(
                "shm: rank " + peer + " died (its liveness lock is free) while this rank " + "was " + whileDoing);
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
