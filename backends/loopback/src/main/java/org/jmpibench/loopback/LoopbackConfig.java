package org.jmpibench.loopback;

import java.net.InetSocketAddress;
import java.util.Map;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.spi.Idle;

/**
 * Every knob of the loopback backend in one place: environment variable, default and meaning side by side. Read once,
 * when a rank joins its job (or when the launcher opens a job's rendezvous). A bad value is an
 * {@link IllegalArgumentException} naming the variable and the value.
 *
 * @param idleMode how to wait for a socket ({@value #IDLE_ENV}, default spin-block)
 * @param spinTurns polls with {@code Thread.onSpinWait()} before yielding, in spin-block mode
 *     ({@value #SPIN_COUNT_ENV})
 * @param yieldTurns then polls with {@code Thread.yield()} before blocking, in spin-block mode
 *     ({@value #YIELD_COUNT_ENV})
 * @param maxMessageBytes largest frame payload accepted from a peer ({@value #MAX_MESSAGE_BYTES_ENV})
 * @param handshakeTimeoutMs how long a new connection may take to prove it belongs to the job
 *     ({@value #HANDSHAKE_TIMEOUT_MS_ENV})
 * @param rendezvousTimeoutMs how long the rendezvous waits for every rank to register
 *     ({@value #RENDEZVOUS_TIMEOUT_MS_ENV})
 * @param socketBufferBytes SO_SNDBUF and SO_RCVBUF of mesh sockets, 0 for the kernel's default
 *     ({@value #SOCKET_BUFFER_BYTES_ENV})
 * @param injectDelayNs TEST ONLY: busy-wait before every frame sent ({@value #INJECT_DELAY_NS_ENV})
 * @param verbose rank 0 prints the effective configuration ({@value #VERBOSE_ENV})
 */
record LoopbackConfig(
        IdleMode idleMode,
        long spinTurns,
        long yieldTurns,
        long maxMessageBytes,
        int handshakeTimeoutMs,
        int rendezvousTimeoutMs,
        int socketBufferBytes,
        long injectDelayNs,
        boolean verbose) {

    /** {@code ADDRESS:PORT} of the job's rendezvous server; set by the launcher for every rank. */
    static final String RENDEZVOUS_ENV = "JMPI_LOOPBACK_RENDEZVOUS";

    static final String IDLE_ENV = "JMPI_LOOPBACK_IDLE";
    static final String SPIN_COUNT_ENV = "JMPI_LOOPBACK_SPIN_COUNT";
    static final String YIELD_COUNT_ENV = "JMPI_LOOPBACK_YIELD_COUNT";
    static final String MAX_MESSAGE_BYTES_ENV = "JMPI_LOOPBACK_MAX_MESSAGE_BYTES";
    static final String HANDSHAKE_TIMEOUT_MS_ENV = "JMPI_LOOPBACK_HANDSHAKE_TIMEOUT_MS";
    static final String RENDEZVOUS_TIMEOUT_MS_ENV = "JMPI_LOOPBACK_RENDEZVOUS_TIMEOUT_MS";
    static final String SOCKET_BUFFER_BYTES_ENV = "JMPI_LOOPBACK_SOCKET_BUFFER_BYTES";
    /**
     * TEST ONLY, for the regression gate's end-to-end test: when positive, every frame a rank sends is preceded by a
     * busy-wait of this many nanoseconds, a known slowdown the gate must detect. Never set it in a real run.
     */
    static final String INJECT_DELAY_NS_ENV = "JMPI_LOOPBACK_INJECT_DELAY_NS";

    static final String VERBOSE_ENV = "JMPI_LOOPBACK_VERBOSE";

    static final IdleMode DEFAULT_IDLE = IdleMode.SPIN_BLOCK;
    /**
     * A turn (one non-blocking read that finds nothing) costs about 0.4 us here, so 100 turns are about 40 us: longer
     * than a small-message round trip, so ping-pong at np <= cores answers from the spin phase.
     */
    static final long DEFAULT_SPIN_TURNS = 100;
    /**
     * Then up to 100 000 polls with {@code Thread.yield()} between them (at least ~0.1 s) before blocking in the
     * selector. With more ranks than cores, yielding hands the core to the rank being waited for at once, where
     * spinning holds it and blocking pays a wake-up. Measured in the suite's own gather-average at np 4 on 2 cores, 1
     * int: ~490 us/op with 500 spins and no yield phase, 100-190 us/op with this; np 2 unchanged (send 1 int 3.7-4.4
     * us/op either way). Ranks idle for long (the send benchmark's ranks 2..) still block.
     */
    static final long DEFAULT_YIELD_TURNS = 100_000;
    /** 1 GiB: four times the largest message the suite must carry. */
    static final long DEFAULT_MAX_MESSAGE_BYTES = 1L << 30;

    static final int DEFAULT_HANDSHAKE_TIMEOUT_MS = 5_000;
    /** Rank JVMs start in about a second; four of them on two busy cores in a few. */
    static final int DEFAULT_RENDEZVOUS_TIMEOUT_MS = 60_000;
    /** 4 MiB: lets a 1 MiB message sit in flight in one piece. */
    static final int DEFAULT_SOCKET_BUFFER_BYTES = 4 << 20;

    LoopbackConfig {
        if (spinTurns < 0) {
            throw new IllegalArgumentException("$" + SPIN_COUNT_ENV + " must be >= 0, got " + spinTurns);
        }
        if (yieldTurns < 0) {
            throw new IllegalArgumentException("$" + YIELD_COUNT_ENV + " must be >= 0, got " + yieldTurns);
        }
        if (maxMessageBytes < 0 || maxMessageBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "$" + MAX_MESSAGE_BYTES_ENV + " must be in 0.." + Integer.MAX_VALUE + ", got " + maxMessageBytes);
        }
        if (handshakeTimeoutMs <= 0) {
            throw new IllegalArgumentException(
                    "$" + HANDSHAKE_TIMEOUT_MS_ENV + " must be > 0, got " + handshakeTimeoutMs);
        }
        if (rendezvousTimeoutMs <= 0) {
            throw new IllegalArgumentException(
                    "$" + RENDEZVOUS_TIMEOUT_MS_ENV + " must be > 0, got " + rendezvousTimeoutMs);
        }
        if (socketBufferBytes < 0) {
            throw new IllegalArgumentException(
                    "$" + SOCKET_BUFFER_BYTES_ENV + " must be >= 0, got " + socketBufferBytes);
        }
        if (injectDelayNs < 0) {
            throw new IllegalArgumentException("$" + INJECT_DELAY_NS_ENV + " must be >= 0, got " + injectDelayNs);
        }
    }

    static LoopbackConfig defaults() {
        return fromEnv(Map.of());
    }

    /** The configuration the variables in {@code env} describe; missing ones take their defaults. */
    static LoopbackConfig fromEnv(Map<String, String> env) {
        String idle = env.get(IDLE_ENV);
        return new LoopbackConfig(
                idle == null || idle.isBlank() ? DEFAULT_IDLE : IdleMode.parse(idle),
                longVar(env, SPIN_COUNT_ENV, DEFAULT_SPIN_TURNS),
                longVar(env, YIELD_COUNT_ENV, DEFAULT_YIELD_TURNS),
                longVar(env, MAX_MESSAGE_BYTES_ENV, DEFAULT_MAX_MESSAGE_BYTES),
                (int) longVar(env, HANDSHAKE_TIMEOUT_MS_ENV, DEFAULT_HANDSHAKE_TIMEOUT_MS),
                (int) longVar(env, RENDEZVOUS_TIMEOUT_MS_ENV, DEFAULT_RENDEZVOUS_TIMEOUT_MS),
                (int) longVar(env, SOCKET_BUFFER_BYTES_ENV, DEFAULT_SOCKET_BUFFER_BYTES),
                longVar(env, INJECT_DELAY_NS_ENV, 0),
                "1".equals(env.get(VERBOSE_ENV)) || "true".equalsIgnoreCase(env.get(VERBOSE_ENV)));
    }

    LoopbackConfig withTimeouts(int handshakeMs, int rendezvousMs) {
        return new LoopbackConfig(
                idleMode,
                spinTurns,
                yieldTurns,
                maxMessageBytes,
                handshakeMs,
                rendezvousMs,
                socketBufferBytes,
                injectDelayNs,
                verbose);
    }

    LoopbackConfig withMaxMessageBytes(long bytes) {
        return new LoopbackConfig(
                idleMode,
                spinTurns,
                yieldTurns,
                bytes,
                handshakeTimeoutMs,
                rendezvousTimeoutMs,
                socketBufferBytes,
                injectDelayNs,
                verbose);
    }

    /**
     * What a job's {@link Idle} means here, as the variables that select it (empty for the default): spin polls
     * forever; yield is spin-block with its yield phase (the default behaviour, set explicitly); block is spin-block
     * without the yield phase, so a rank blocks in the selector right after its spins.
     */
    static Map<String, String> idleEnv(Idle idle) {
        return switch (idle) {
            case DEFAULT -> Map.of();
            case SPIN -> Map.of(IDLE_ENV, IdleMode.SPIN.label());
            case YIELD ->
                Map.of(IDLE_ENV, IdleMode.SPIN_BLOCK.label(), YIELD_COUNT_ENV, Long.toString(DEFAULT_YIELD_TURNS));
            case BLOCK -> Map.of(IDLE_ENV, IdleMode.SPIN_BLOCK.label(), YIELD_COUNT_ENV, "0");
        };
    }

    /** One line for logs: the effective values, with the variable that sets each. */
    String describe() {
        return IDLE_ENV + "=" + idleMode.label() + " " + SPIN_COUNT_ENV + "=" + spinTurns + " " + YIELD_COUNT_ENV
                + "=" + yieldTurns + " "
                + MAX_MESSAGE_BYTES_ENV + "=" + maxMessageBytes + " " + HANDSHAKE_TIMEOUT_MS_ENV + "="
                + handshakeTimeoutMs + " " + RENDEZVOUS_TIMEOUT_MS_ENV + "=" + rendezvousTimeoutMs + " "
                + SOCKET_BUFFER_BYTES_ENV + "=" + socketBufferBytes
                + (injectDelayNs > 0 ? " " + INJECT_DELAY_NS_ENV + "=" + injectDelayNs + " (TEST ONLY)" : "");
    }

    /** Parses {@code ADDRESS:PORT}; with {@code loopbackOnly} (the loopback backend), only loopback addresses. */
    static InetSocketAddress rendezvousAddress(Map<String, String> env, boolean loopbackOnly) {
        String value = env.get(RENDEZVOUS_ENV);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("$" + RENDEZVOUS_ENV + " is not set: this rank was not started by the "
                    + "loopback backend's launcher");
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("$" + RENDEZVOUS_ENV + " must be HOST:PORT, got '" + value + "'");
        }
        String host = value.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("$" + RENDEZVOUS_ENV + " has a bad port: '" + value + "'", e);
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("$" + RENDEZVOUS_ENV + " has a bad port: '" + value + "'");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("$" + RENDEZVOUS_ENV + " names an unknown host: '" + value + "'");
        }
        if (loopbackOnly && !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(
                    "$" + RENDEZVOUS_ENV + " must be a loopback address, got '" + value + "'");
        }
        return address;
    }

    static int rank(Map<String, String> env) {
        return intVar(env, RankEnv.RANK);
    }

    static int size(Map<String, String> env) {
        return intVar(env, RankEnv.SIZE);
    }

    static String token(Map<String, String> env) {
        String token = env.get(RankEnv.JOB_TOKEN);
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException(
                    "$" + RankEnv.JOB_TOKEN + " is not set: this rank was not started by " + "a jmpi-bench launcher");
        }
        return token;
    }

    private static int intVar(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "$" + name + " is not set: this rank was not started by a jmpi-bench " + "launcher");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("$" + name + " must be a number, got '" + value + "'", e);
        }
    }

    private static long longVar(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim().replace("_", ""));
            if (parsed > Integer.MAX_VALUE
                    && !name.equals(INJECT_DELAY_NS_ENV)
                    && !name.equals(SPIN_COUNT_ENV)
                    && !name.equals(YIELD_COUNT_ENV)) {
                throw new IllegalArgumentException("$" + name + " is too large: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("$" + name + " must be a number, got '" + value + "'", e);
        }
    }
}
