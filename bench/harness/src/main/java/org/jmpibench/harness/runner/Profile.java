package org.jmpibench.harness.runner;

import java.util.List;
import org.jmpibench.harness.job.BufferKind;

/**
 * Named defaults for a run; every value can be overridden by an option or a {@code bench.*} property.
 *
 * <p>{@code quick}: all ops, sizes 1, 1Ki, 64Ki, 1Mi, np 2 and 4, int[] only, 1 fork, 2 x 200 ms warm-up,
 * 5 x 200 ms measurement (five iterations: the fewest with which the regression gate's rank test can reach
 * its default significance, so a quick run can serve as a baseline). Every fork is a fresh job (≈ 1-2 s to
 * start its JVMs), so one quick job costs about 3 s: 24 jobs per backend, a few minutes for five backends.
 * {@code full}: sizes 1 to 4Mi by powers of 4, int[] and direct buffers, 3 x 500 ms warm-up, 5 x 500 ms.
 */
public enum Profile {
    QUICK("quick", List.of(1, 1 << 10, 64 << 10, 1 << 20), List.of(BufferKind.ARRAY), 1, 2, "200ms", 5, "200ms"),
    FULL("full", List.of(1, 4, 16, 64, 256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20),
            List.of(BufferKind.ARRAY, BufferKind.DIRECT), 1, 3, "500ms", 5, "500ms");

    public static final List<Integer> DEFAULT_NPS = List.of(2, 4);

    private final String cliName;
    final List<Integer> sizes;
    final List<BufferKind> buffers;
    final int forks;
    final int warmupIterations;
    final String warmupTime;
    final int measurementIterations;
    final String measurementTime;

    Profile(String cliName, List<Integer> sizes, List<BufferKind> buffers, int forks, int warmupIterations,
            String warmupTime, int measurementIterations, String measurementTime) {
        this.cliName = cliName;
        this.sizes = sizes;
        this.buffers = buffers;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static Profile byName(String name) {
        for (Profile profile : values()) {
            if (profile.cliName.equals(name.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; known profiles: quick, full");
    }
}
