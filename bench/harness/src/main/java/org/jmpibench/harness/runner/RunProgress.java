package org.jmpibench.harness.runner;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far a run has got, for its progress lines: benchmarks started of the total, the time since the run started, and
 * an estimate of the time left. Until a benchmark has finished, the estimate is the settings' own
 * ({@link BenchSettings#plannedSecondsPerBenchmark()}); from then on it is the average time of the benchmarks done so
 * far times those left, which takes in what the plan cannot know (this machine, these backends, the load of other
 * work). Benchmarks a run gives up on ({@link #skipped}) no longer count as left.
 */
final class RunProgress {

    private final int total;
    private final double plannedSecondsPerBenchmark;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private int started;
    private int skipped;

    /**
     * @param total benchmarks in the run
     * @param nanoClock {@link System#nanoTime}, or a test's clock
     */
    RunProgress(int total, double plannedSecondsPerBenchmark, LongSupplier nanoClock) {
        this.total = total;
        this.plannedSecondsPerBenchmark = plannedSecondsPerBenchmark;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** Counts a benchmark that starts now. */
    void start() {
        started++;
    }

    /** Benchmarks started so far (finished, failed, or running). */
    int started() {
        return started;
    }

    /** {@code count} benchmarks of the run will not be run (their group was given up). */
    void skipped(int count) {
        skipped += count;
    }

    /** The prefix of the line of the benchmark that has just started: {@code [ 12/720 4:31 elapsed ~1:23:10 left]}. */
    String status() {
        long elapsed = elapsedSeconds();
        int done = Math.max(started - 1, 0);
        int left = Math.max(total - skipped - done, 0);
        double perBenchmark = done == 0 ? plannedSecondsPerBenchmark : (double) elapsed / done;
        int width = Integer.toString(total).length();
        return String.format(
                Locale.ROOT,
                "[%" + width + "d/%d  %s elapsed  ~%s left]",
                started,
                total,
                duration(elapsed),
                duration(Math.round(perBenchmark * left)));
    }

    /** The whole run's time so far: {@code 1:02:03}. */
    String elapsed() {
        return duration(elapsedSeconds());
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(nanoClock.getAsLong() - startNanos);
    }

    /** {@code 4:05} below an hour, {@code 1:04:05} from then on. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
