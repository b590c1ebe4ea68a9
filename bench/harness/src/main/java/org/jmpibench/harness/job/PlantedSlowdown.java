package org.jmpibench.harness.job;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.jmpibench.results.Operation;

/**
 * TEST ONLY: makes rank 0's timed operations of one backend and operation slower by a known fraction, so that the tools
 * that must see a slowdown on the suite's path ({@code calibrate}, the A/B gate) can be checked against one of known
 * size. Set {@value #ENV} in the environment of {@code jmpi-bench bench} to {@code BACKEND:OP:FRACTION} (e.g.
 * {@code loopback:send:0.25}; {@code *} matches any backend or operation); the runner hands it to rank 0 as the system
 * property {@value #PROPERTY}.
 *
 * <h2>How: a busy wait per period, not per operation</h2>
 *
 * After every {@code k} operations rank 0 busy-waits {@code FRACTION} times the time since the end of the last wait, so
 * every stretch of timed work takes {@code 1 + FRACTION} times as long, whatever the size or the machine's speed.
 * {@code k} is chosen so that a period lasts at least {@value #PERIOD_NS} ns. Why not after each operation: the clock
 * reads and the wait's last poll cost some 20-50 ns each here, half of a 0.1 µs shm send; timing every operation added
 * +50-57 % to it whatever the fraction (seen at 0.10 and 0.25 in the A/B gate's power runs). Per period they cost under
 * 0.5 % of the period. The period is restarted at each iteration's start ({@link #restart()}), so untimed set-up is
 * never stretched; what runs after the last wait of an iteration (under one period) is not stretched either.
 */
public final class PlantedSlowdown {

    /** Where users set it. */
    public static final String ENV = "JMPI_BENCH_TEST_SLOWDOWN";
    /** What rank 0 reads. */
    public static final String PROPERTY = "jmpi.bench.testSlowdown";

    /**
     * The fraction planted on {@code backend}'s {@code op}, or 0.
     *
     * @throws IllegalArgumentException for a value that is not {@code BACKEND:OP:FRACTION} with a fraction in (0, 10]
     */
    public static double fraction(String spec, String backend, Operation op) {
        if (spec == null || spec.isBlank()) {
            return 0;
        }
        String[] parts = spec.strip().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    ENV + " must be BACKEND:OP:FRACTION (e.g. loopback:send:0.25), not " + spec);
        }
        double fraction;
        try {
            fraction = Double.parseDouble(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + ": " + parts[2] + " is not a fraction", e);
        }
        if (!(fraction > 0 && fraction <= 10)) {
            throw new IllegalArgumentException(ENV + ": the fraction must be in (0, 10], not " + parts[2]);
        }
        boolean backendMatches = parts[0].equals("*") || parts[0].equals(backend);
        boolean opMatches =
                parts[1].equals("*") || parts[1].toLowerCase(Locale.ROOT).equals(op.cliName());
        return backendMatches && opMatches ? fraction : 0;
    }

    /** The least duration of a period between two waits: its own clock reads then cost under 0.5 % of it. */
    static final long PERIOD_NS = 20_000;

    private final double fraction;
    private final LongSupplier clock;
    /** Operations per period, grown until a period lasts {@link #PERIOD_NS}. */
    private long opsPerPeriod = 1;

    private long opsInPeriod;
    /** False until the current period's first operation. */
    private boolean inPeriod;
    /** When the current period began. */
    private long periodStartNs;

    /** @param clock {@code System::nanoTime}, or a test's clock */
    PlantedSlowdown(double fraction, LongSupplier clock) {
        this.fraction = fraction;
        this.clock = clock;
    }

    /** The plant of {@code backend}'s {@code op} for this JVM's {@value #PROPERTY}; null when there is none. */
    static PlantedSlowdown forThisRank(String backend, Operation op) {
        double fraction = fraction(System.getProperty(PROPERTY), backend, op);
        return fraction > 0 ? new PlantedSlowdown(fraction, System::nanoTime) : null;
    }

    /** Starts a new period at the next operation: what ran since the last wait and before this is not stretched. */
    void restart() {
        opsInPeriod = 0;
        inPeriod = false;
    }

    /** Before each timed operation. */
    void beforeOperation() {
        if (!inPeriod) {
            periodStartNs = clock.getAsLong();
            inPeriod = true;
        }
    }

    /** After each timed operation: at a period's end, busy-waits {@code fraction} times the period. */
    void afterOperation() {
        if (++opsInPeriod < opsPerPeriod) {
            return;
        }
        long now = clock.getAsLong();
        long periodNs = now - periodStartNs;
        long until = now + (long) (periodNs * fraction);
        long polled = now;
        while (polled < until) {
            Thread.onSpinWait();
            polled = clock.getAsLong();
        }
        if (periodNs < PERIOD_NS && opsPerPeriod < Integer.MAX_VALUE) {
            opsPerPeriod *= 2;
        }
        opsInPeriod = 0;
        // The next period starts at the wait's last clock read: only the overshoot of that read goes unstretched.
        periodStartNs = polled;
    }
}
