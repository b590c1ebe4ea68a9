package org.jmpibench.harness.runner;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.Operation;

/**
 * Named defaults for a run; every value can be overridden by an option or a {@code bench.*} property.
 *
 * <p>Every fork is a fresh job (≈ 1-2 s to start its JVMs, then warm-up and measurement), so a job costs about 3 s with
 * the 200 ms iterations of {@code quick} and {@code osu}, about 6 s with {@code full}'s 500 ms; a run costs jobs x that
 * (jobs = backends x np values x {@link BenchSettings#benchmarksPerGroup()}).
 *
 * <ul>
 *   <li>{@code quick}: send, bw, bcast, allreduce, gather-average, allreduce-average at 1 and 64Ki ints (4 B and 256
 *       KiB), np 2 and 4, int[] only, 1 fork, 2 x 200 ms warm-up, 5 x 200 ms measurement (five iterations: the fewest
 *       with which the regression gate's rank test can reach its default significance, so a quick run can serve as a
 *       baseline). 6 x 2 = 12 jobs per (backend, np), 24 per backend: ≈ 72 s per backend, ≈ 6 min for the five backends
 *       of one machine (openmpi, mpj-niodev, mpj-smpdev, loopback, shm).
 *   <li>{@code full}: the seed's operations (send, bcast, gather, gather-average) at 1 to 4Mi ints by powers of 4,
 *       int[] and direct buffers, 3 x 500 ms warm-up, 5 x 500 ms: 96 jobs per (backend, np), ≈ 20 min per backend at np
 *       2 and 4.
 *   <li>{@code osu}: every operation (OSU's set, the seed's and allreduce-average) at 1 to 1Mi ints by powers of 4 (4 B
 *       to 4 MiB, OSU's default range), int[] only, quick's iterations: 13 sized operations x 11 sizes + barrier = 144
 *       jobs per (backend, np), 288 per backend: ≈ 15 min per backend at np 2 and 4, ≈ 72 min for five (more where a
 *       backend moves bw's 256 MiB windows of 1Mi slowly: a job runs at least a few windows per iteration).
 * </ul>
 */
public enum Profile {
    QUICK(
            "quick",
            List.of(
                    Operation.SEND,
                    Operation.BW,
                    Operation.BCAST,
                    Operation.ALLREDUCE,
                    Operation.GATHER_AVERAGE,
                    Operation.ALLREDUCE_AVERAGE),
            List.of(1, 64 << 10),
            List.of(BufferKind.ARRAY),
            1,
            2,
            "200ms",
            5,
            "200ms"),
    FULL(
            "full",
            List.of(Operation.SEND, Operation.BCAST, Operation.GATHER, Operation.GATHER_AVERAGE),
            powersOfFour(4 << 20),
            List.of(BufferKind.ARRAY, BufferKind.DIRECT),
            1,
            3,
            "500ms",
            5,
            "500ms"),
    OSU(
            "osu",
            List.of(Operation.values()),
            powersOfFour(1 << 20),
            List.of(BufferKind.ARRAY),
            1,
            2,
            "200ms",
            5,
            "200ms");

    public static final List<Integer> DEFAULT_NPS = List.of(2, 4);

    private final String cliName;
    final List<Operation> ops;
    final List<Integer> sizes;
    final List<BufferKind> buffers;
    final int forks;
    final int warmupIterations;
    final String warmupTime;
    final int measurementIterations;
    final String measurementTime;

    Profile(
            String cliName,
            List<Operation> ops,
            List<Integer> sizes,
            List<BufferKind> buffers,
            int forks,
            int warmupIterations,
            String warmupTime,
            int measurementIterations,
            String measurementTime) {
        this.cliName = cliName;
        this.ops = ops;
        this.sizes = sizes;
        this.buffers = buffers;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    /** 1, 4, 16, ... up to {@code max}. */
    private static List<Integer> powersOfFour(int max) {
        return IntStream.iterate(1, size -> size <= max, size -> size * 4)
                .boxed()
                .toList();
    }

    public String cliName() {
        return cliName;
    }

    /**
     * A setting's default as help shows it: the value when every profile has the same, else each profile's, {@code 2
     * (quick), 3 (full)}.
     */
    static String helpDefault(Function<Profile, Object> setting) {
        List<String> values = Arrays.stream(values())
                .map(p -> String.valueOf(setting.apply(p)))
                .toList();
        if (values.stream().distinct().count() == 1) {
            return values.get(0);
        }
        return Arrays.stream(values())
                .map(p -> setting.apply(p) + " (" + p.cliName + ")")
                .collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static Profile byName(String name) {
        for (Profile profile : values()) {
            if (profile.cliName.equals(name.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; known profiles: "
                + Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", ")));
    }
}
