package org.jmpibench.harness.job;

import java.util.Locale;
import org.jmpibench.results.Operation;

/**
 * TEST ONLY: makes rank 0's timed operations of one backend and operation slower by a known fraction, so that the tools
 * that must see a slowdown on the suite's path ({@code calibrate}, the A/B gate) can be checked against one of known
 * size. Set {@value #ENV} in the environment of {@code jmpi-bench bench} to {@code BACKEND:OP:FRACTION} (e.g.
 * {@code loopback:send:0.25}; {@code *} matches any backend or operation); the runner hands it to rank 0 as the system
 * property {@value #PROPERTY}. Each planted operation is timed and followed by a busy wait of {@code FRACTION} times
 * its own duration: +25% whatever the size or the machine's speed, unlike a fixed delay.
 */
public final class PlantedSlowdown {

    /** Where users set it. */
    public static final String ENV = "JMPI_BENCH_TEST_SLOWDOWN";
    /** What rank 0 reads. */
    public static final String PROPERTY = "jmpi.bench.testSlowdown";

    private PlantedSlowdown() {}

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

    /** Busy-waits until {@code fraction} of the time since {@code startNs} has passed again. */
    static void stretch(long startNs, double fraction) {
        long end = System.nanoTime();
        long until = end + (long) ((end - startNs) * fraction);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
