package org.jmpibench.loopback;

import java.util.Locale;

/**
 * How a rank waits for a socket to become readable or writable. One "turn" is one non-blocking {@code read} (or
 * {@code write}) system call that made no progress: about 0.4 us on this machine.
 *
 * <ul>
 *   <li>{@link #SPIN}: polls forever, with {@link Thread#onSpinWait()} between turns. Lowest latency (a 4-byte half
 *       round trip of about 5 us at np 2 here), but every waiting rank burns a whole core. With more ranks than cores a
 *       spinner steals the core from the rank it waits for, and latency collapses to scheduler time slices (measured at
 *       np 4 on 2 cores: tens of microseconds to milliseconds). Use it only with np at most the number of free cores.
 *   <li>{@link #SPIN_BLOCK} (default): spins {@code JMPI_LOOPBACK_SPIN_COUNT} turns (default 100, about 40 us), then
 *       yields the core {@code JMPI_LOOPBACK_YIELD_COUNT} turns (default 100 000), then blocks in a per-connection
 *       {@link java.nio.channels.Selector} until the socket is ready. A message that arrives while spinning costs what
 *       {@code SPIN} costs; one that arrives later also pays a blocked thread's wake-up (epoll, typically 5 to 50 us on
 *       a busy machine), but the core goes to ranks that have work. The turn counter restarts whenever a read or write
 *       makes progress.
 * </ul>
 */
enum IdleMode {
    SPIN,
    SPIN_BLOCK;

    static IdleMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "spin" -> SPIN;
            case "spin-block" -> SPIN_BLOCK;
            default ->
                throw new IllegalArgumentException(
                        "$" + LoopbackConfig.IDLE_ENV + " must be 'spin' or " + "'spin-block', got '" + value + "'");
        };
    }

    String label() {
        return this == SPIN ? "spin" : "spin-block";
    }
}
