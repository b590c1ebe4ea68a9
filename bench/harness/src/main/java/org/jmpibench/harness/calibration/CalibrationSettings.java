package org.jmpibench.harness.calibration;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.runner.BenchSettings;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Sizes;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.plain.PlainRun;

/**
 * What one {@code calibrate} run measures, validated: the suite's settings for the same matrix (backends with a plain
 * program, operations a plain program times, sizes in calibrate's range, np, buffer kinds, JMH's iteration settings,
 * one fork) and the number of interleaved rounds.
 *
 * @param bench the settings of the suite's runs; the plain programs run with the same iterations
 * @param rounds interleaved rounds, at least {@value #MIN_ROUNDS}
 */
public record CalibrationSettings(BenchSettings bench, int rounds) {

    /** A median and a spread need three rounds. */
    public static final int MIN_ROUNDS = 3;
    /** Largest size calibrated: 1 Mi ints, 4 MiB. */
    public static final int MAX_SIZE = 1 << 20;
    /** The sizes: 4 B, 4 KiB, 64 KiB, 1 MiB, 4 MiB. */
    public static final String DEFAULT_SIZES = "1,1Ki,16Ki,256Ki,1Mi";

    public static final String DEFAULT_BUFFERS = "array,direct";
    public static final String DEFAULT_NP = "2";

    public CalibrationSettings {
        if (rounds < MIN_ROUNDS) {
            throw new IllegalArgumentException(
                    "--rounds must be at least " + MIN_ROUNDS + " (a median and a spread need three), got " + rounds);
        }
        for (Operation op : bench.ops()) {
            if (!PlainRun.OPERATIONS.contains(op.cliName())) {
                throw new IllegalArgumentException("--ops: no plain program times " + op.cliName()
                        + "; calibrate times " + String.join(", ", PlainRun.OPERATIONS));
            }
        }
        for (int size : bench.sizes()) {
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("--sizes: " + Sizes.format(size) + " is out of calibrate's range 1.."
                        + Sizes.format(MAX_SIZE) + " ints (4 B to 4 MiB)");
            }
        }
        if (bench.warmupIterations() < 1) {
            throw new IllegalArgumentException("-wi: calibrate needs at least 1 warm-up iteration (the plain "
                    + "programs size their loops in it), got " + bench.warmupIterations());
        }
        if (bench.backends().isEmpty()) {
            throw new IllegalArgumentException("calibrate needs the backends named (those with a plain program)");
        }
        for (String name : bench.backends()) {
            plainProgramOf(Backends.byName(name));
        }
    }

    /** The main class of {@code backend}'s plain program. @throws IllegalArgumentException when it has none */
    public static String plainProgramOf(Backend backend) {
        return backend.plainProgram()
                .orElseThrow(() -> new IllegalArgumentException(
                        backend.name() + " has no plain program: it is not a wrapper of a library"));
    }

    /** Every backend on the class path that has a plain program, by name. */
    public static List<String> backendsWithPlainPrograms() {
        List<String> names = new ArrayList<>();
        for (Backend backend : Backends.all()) {
            if (backend.plainProgram().isPresent()) {
                names.add(backend.name());
            }
        }
        return names;
    }

    /**
     * Settings from the command line's words; null means the default. Every check is bad input (one line).
     *
     * @param backends null: every backend with a plain program
     */
    public static CalibrationSettings of(
            String backends,
            String ops,
            String sizes,
            String nps,
            String buffers,
            String rounds,
            String resultsDir,
            String warmupIterations,
            String warmupTime,
            String iterations,
            String time,
            String watchdogSeconds) {
        String chosen =
                backends != null && !backends.isBlank() ? backends : String.join(",", backendsWithPlainPrograms());
        if (chosen.isBlank()) {
            throw new IllegalArgumentException("no backend on the class path has a plain program (openmpi, "
                    + "mpj-niodev, mpj-smpdev): nothing to calibrate");
        }
        BenchSettings bench = new BenchSettings.Builder()
                .profile("quick")
                .backends(chosen)
                .ops(orDefault(ops, String.join(",", PlainRun.OPERATIONS)))
                .sizes(orDefault(sizes, DEFAULT_SIZES))
                .nps(orDefault(nps, DEFAULT_NP))
                .buffers(orDefault(buffers, DEFAULT_BUFFERS))
                .idles("default")
                .resultsDir(orDefault(resultsDir, "results"))
                .forks("1")
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(iterations)
                .measurementTime(time)
                .watchdogSeconds(watchdogSeconds)
                .build();
        int roundCount;
        try {
            roundCount = Integer.parseInt(
                    orDefault(rounds, Integer.toString(MIN_ROUNDS)).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rounds: '" + rounds + "' is not a whole number");
        }
        return new CalibrationSettings(bench, roundCount);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Every (backend, np, operation, buffer, size) measured, in the order of the table. */
    public List<CalibrationPoint> points() {
        List<CalibrationPoint> points = new ArrayList<>();
        for (String backend : bench.backends()) {
            for (int np : bench.nps()) {
                for (Operation op : bench.ops()) {
                    for (BufferKind buffer : bench.buffers()) {
                        for (int size : bench.sizes()) {
                            points.add(new CalibrationPoint(backend, np, op, size, buffer));
                        }
                    }
                }
            }
        }
        return points;
    }
}
