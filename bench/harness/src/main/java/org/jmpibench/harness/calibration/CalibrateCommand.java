package org.jmpibench.harness.calibration;

import java.util.concurrent.Callable;
import org.jmpibench.results.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jmpi-bench calibrate}: the suite's figures against each library called directly ({@link Calibrator}). Bad
 * input (an unknown backend, one without a plain program, a size out of range, fewer than 3 rounds) is one line on
 * stderr and status 2, from the command line's handler of {@link IllegalArgumentException}.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Check the suite against each library used directly: for every backend that wraps a library "
                    + "(openmpi, mpj-niodev, mpj-smpdev), the suite's benchmark and a plain program calling the library "
                    + "(same launcher, JVM options, binding, environment), interleaved over rounds.",
            "Prints suite / plain per point (median and min-max over rounds, both medians in us) and flags "
                    + "medians above 1.10; writes <run>.calibration.json beside the suite's results."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every point within 1.10",
            "1:a point over 1.10, or a job failed",
            "2:bad input: an unknown backend, one without a plain program, a size out of range, fewer than 3 "
                    + "rounds"
        })
public final class CalibrateCommand implements Callable<Integer> {

    @Option(
            names = "--backends",
            paramLabel = "LIST",
            description = "Backends with a plain program (default: every one on the class path).")
    String backends;

    @Option(names = "--ops", paramLabel = "LIST", description = "send,bcast,gather (default: all three).")
    String ops;

    @Option(
            names = "--sizes",
            paramLabel = "LIST",
            description = "Message sizes, up to 1Mi ints (4 MiB): " + Sizes.SYNTAX + " (default: "
                    + CalibrationSettings.DEFAULT_SIZES + ").")
    String sizes;

    @Option(
            names = "--np",
            paramLabel = "LIST",
            description = "Rank counts (default: " + CalibrationSettings.DEFAULT_NP + ").")
    String nps;

    @Option(names = "--buffer", paramLabel = "LIST", description = "array,direct (default: both).")
    String buffers;

    @Option(names = "--rounds", paramLabel = "N", description = "Interleaved rounds, at least 3 (default 3).")
    String rounds;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "Where the files go (default: results).")
    String resultsDir;

    @Option(
            names = {"-wi", "--warmup-iterations"},
            paramLabel = "N",
            description = "Warm-up iterations of both sides, at least 1 (default 2).")
    String warmupIterations;

    @Option(
            names = {"-w", "--warmup-time"},
            paramLabel = "TIME",
            description = "Suite's warm-up iteration time " + "(default 200ms).")
    String warmupTime;

    @Option(
            names = {"-i", "--iterations"},
            paramLabel = "N",
            description = "Measurement iterations of both sides (default 5).")
    String iterations;

    @Option(
            names = {"-r", "--time"},
            paramLabel = "TIME",
            description = "Iteration time of both sides " + "(default 200ms).")
    String time;

    @Option(
            names = "--watchdog-seconds",
            paramLabel = "S",
            description = "A rank stuck this long in one step " + "dumps its stacks and halts (default 120).")
    String watchdogSeconds;

    @Override
    public Integer call() throws Exception {
        CalibrationSettings settings = CalibrationSettings.of(
                backends,
                ops,
                sizes,
                nps,
                buffers,
                rounds,
                resultsDir,
                warmupIterations,
                warmupTime,
                iterations,
                time,
                watchdogSeconds);
        return new Calibrator(settings, System.out).run();
    }
}
