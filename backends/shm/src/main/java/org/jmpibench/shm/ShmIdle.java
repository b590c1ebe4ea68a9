package org.jmpibench.shm;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * What a rank does while it waits for a peer (a message to arrive, or room in a full ring). Chosen with
 * {@code JMPI_SHM_IDLE}; the first {@code JMPI_SHM_SPINS} iterations of every wait always busy-spin.
 *
 * <p>Costs, measured on this 2-core machine (backends/shm/README.md, "Measured on the build machine"):
 *
 * <ul>
 *   <li>{@link Mode#SPIN}: {@link Thread#onSpinWait()} forever. Lowest latency when every rank has a core of its own
 *       (np=2 on 2 cores), but burns a core per waiting rank, and with more ranks than cores a spinning rank can hold
 *       the core its peer needs until the scheduler's time slice ends: about 4 ms per message at np=4 on 2 cores. Also
 *       starves the JIT compiler threads during warm-up.
 *   <li>{@link Mode#YIELD} (default): spin, then {@link Thread#yield()} (about 1.6 us per call here). Nearly as fast as
 *       spinning at np=2 (a ping-pong reply usually lands within the spins), and never collapsed at np=4 on 2 cores
 *       because a yielding rank hands its core to the peer that has work. Still keeps the core busy when nothing else
 *       wants it.
 *   <li>{@link Mode#PARK}: spin, then {@link LockSupport#parkNanos} with a period doubling from 1 us to
 *       {@value #MAX_PARK_NS} ns. Frees the core, but Java cannot wake a thread of another JVM, so the sleeper only
 *       notices a message when its timer fires, and the kernel's timer slack makes even parkNanos(1) cost about 100 us
 *       here; both sides of a ping-pong then convoy into sleeps. For long idle phases, not for latency.
 * </ul>
 *
 * The spin phase is not free either: {@link Thread#onSpinWait()} (PAUSE) took 45-80 ns on this machine's EPYC vCPUs, so
 * the default 100 spins last about 5 us before the first yield. When two communicating ranks have to share one core
 * (more ranks than cores, or other load), each message can cost that much; a lower {@code JMPI_SHM_SPINS} (10-30)
 * shortens it at no visible cost when every rank has a core.
 *
 * <p>Stateless apart from its configuration: a wait passes in its own iteration count, so one instance serves every
 * peer and no state needs resetting on progress.
 */
final class ShmIdle {

    /** How a rank waits once its spins are used up. */
    enum Mode {
        SPIN,
        YIELD,
        PARK;

        static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        ShmConfig.IDLE_ENV + " must be spin, yield or park, got '" + value + "'");
            }
        }
    }

    static final long MIN_PARK_NS = 1_000;
    static final long MAX_PARK_NS = 1_000_000;

    private final Mode mode;
    private final int spins;

    ShmIdle(Mode mode, int spins) {
        this.mode = mode;
        this.spins = mode == Mode.SPIN ? Integer.MAX_VALUE : spins;
    }

    Mode mode() {
        return mode;
    }

    /** True while iteration {@code i} of a wait is still in the busy-spin phase. */
    boolean spinning(int i) {
        return i < spins;
    }

    /** Idles once; {@code i} counts this wait's iterations from 0. */
    void idle(int i) {
        if (i < spins) {
            Thread.onSpinWait();
        } else if (mode == Mode.YIELD) {
            Thread.yield();
        } else {
            int doublings = Math.min(i - spins, 20);
            LockSupport.parkNanos(Math.min(MAX_PARK_NS, MIN_PARK_NS << doublings));
        }
    }
}
