package org.jmpibench.loopback;

import java.util.Locale;

/**
 * How a rank waits for a socket to become readable or writable.
 *
 * <ul>
 *   <li>{@link #SPIN}: polls the socket with non-blocking reads (one {@code read} system call per turn,
 *       {@link Thread#onSpinWait()} between turns) for as long as it takes. Lowest latency, but every waiting
 *       rank burns a whole core: with more ranks than cores the rank that should run is starved by spinners,
 *       and latency collapses to the scheduler's time slice (milliseconds).</li>
 *   <li>{@link #SPIN_BLOCK} (default): spins for the configured number of turns, then blocks in a
 *       {@link java.nio.channels.Selector}. A message that arrives while spinning costs what {@code SPIN} costs;
 *       one that arrives later pays the wake-up of a blocked thread (epoll, typically 5 to 20 microseconds more)
 *       but leaves the core to ranks that have work.</li>
 * </ul>
 */
enum IdleMode {
    SPIN,
    SPIN_BLOCK;

    static IdleMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "spin" -> SPIN;
            case "spin-block" -> SPIN_BLOCK;
            default -> throw new IllegalArgumentException("$" + LoopbackConfig.IDLE_ENV + " must be 'spin' or "
                    + "'spin-block', got '" + value + "'");
        };
    }

    String label() {
        return this == SPIN ? "spin" : "spin-block";
    }
}
