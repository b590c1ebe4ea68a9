package org.jmpibench.harness.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jmpibench.results.HarnessOverhead;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output for one (backend, np) group: everything JMH prints goes to the run's log (JMH's own text format), and
 * the console gets one line per benchmark (= per job with one fork): how far the run is, with the time spent and an
 * estimate of the time left ({@link RunProgress}), which benchmark, and its score. Also keeps what finished, so the
 * results of a group that later fails are not lost, and which benchmark was running.
 */
final class ProgressFormat implements OutputFormat {

    private final OutputFormat log;
    private final PrintStream console;
    private final RunProgress progress;
    private final boolean severalJdks;
    private final List<RunResult> finished = new ArrayList<>();
    private final List<BenchKey> started = new ArrayList<>();
    private BenchmarkParams running;

    /**
     * @param progress the run's progress, shared across groups
     * @param severalJdks whether the run has several JDKs: a line then names the benchmark's
     */
    ProgressFormat(OutputFormat log, PrintStream console, RunProgress progress, boolean severalJdks) {
        this.log = log;
        this.console = console;
        this.progress = progress;
        this.severalJdks = severalJdks;
    }

    /** The benchmark started last and not finished, or null. */
    BenchmarkParams running() {
        return running;
    }

    /** Benchmarks started (finished or not). */
    List<BenchKey> started() {
        return started;
    }

    /** Benchmarks that finished, as RunResults (all forks' iterations merged). */
    List<RunResult> finished() {
        return finished;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        running = params;
        progress.start();
        BenchKey key = BenchKey.of(params);
        if (key != null) {
            started.add(key);
        }
        console.printf(
                Locale.ROOT,
                "%s %-13s np=%-2s %-17s size=%-5s %-6s ",
                progress.status(),
                label(params, severalJdks),
                params.getParam(Param.NP.jmhName()),
                opName(params),
                sizeLabel(params),
                params.getParam(Param.BUFFER.jmhName()));
        console.flush();
        log.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (result == null || running == null) {
            return;
        }
        finished.add(new RunResult(running, List.of(result)));
        Result primary = result.getPrimaryResult();
        StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "%12.3f %s", primary.getScore(), primary.getScoreUnit()));
        Result slowest = result.getSecondaryResults().get(SecondaryMetric.SLOWEST_RANK.jmhName());
        if (slowest != null) {
            line.append(String.format(Locale.ROOT, "  slowest rank %.3f", slowest.getScore()));
        }
        Operation op = Operation.ofBenchmark(running.getBenchmark()).orElse(null);
        if (op != null && !op.phases().isEmpty()) {
            List<String> phases = new ArrayList<>();
            for (SecondaryMetric phase : op.phases()) {
                Result value = result.getSecondaryResults().get(phase.jmhName());
                if (value != null) {
                    phases.add(String.format(Locale.ROOT, "%s %.3f", phase.label(), value.getScore()));
                }
            }
            if (!phases.isEmpty()) {
                line.append("  ").append(String.join(" + ", phases));
            }
        }
        Result hand = result.getSecondaryResults().get(SecondaryMetric.HAND_TIMED.jmhName());
        if (hand != null && hand.getScore() > 0) {
            line.append(String.format(
                    Locale.ROOT, "  hand-timed %.3f (paired median x%.3f)", hand.getScore(), overhead(result)));
        }
        console.println(line);
        running = null;
    }

    /** Ends the console line of a benchmark that will never finish. */
    void failed(String reason) {
        if (running != null) {
            console.println("FAILED");
        }
        console.println("        " + reason);
    }

    /**
     * {@code backend}, or {@code backend/idle} when the idle strategy is not the default; followed by the JDK
     * ({@code shm, JDK 25}) when the run has several.
     */
    static String label(BenchmarkParams params, boolean severalJdks) {
        String variant =
                Param.variantLabel(params.getParam(Param.BACKEND.jmhName()), params.getParam(Param.IDLE.jmhName()));
        return severalJdks ? variant + ", " + JdkRelease.label(params.getParam(Param.JDK.jmhName())) : variant;
    }

    /** The harness overhead ({@link HarnessOverhead}) of a benchmark as JMH hands it over. */
    private static double overhead(BenchmarkResult result) {
        List<IterationResult> iterations = new ArrayList<>(result.getIterationResults());
        double[] scores = new double[iterations.size()];
        double[] hand = new double[iterations.size()];
        for (int i = 0; i < iterations.size(); i++) {
            scores[i] = iterations.get(i).getPrimaryResult().getScore();
            Result handTimed = iterations.get(i).getSecondaryResults().get(SecondaryMetric.HAND_TIMED.jmhName());
            hand[i] = handTimed == null ? Double.NaN : handTimed.getScore();
        }
        return HarnessOverhead.ratio(scores, hand);
    }

    static String opName(BenchmarkParams params) {
        return Operation.ofBenchmark(params.getBenchmark())
                .map(Operation::cliName)
                .orElse(params.getBenchmark());
    }

    private static String sizeLabel(BenchmarkParams params) {
        try {
            return Sizes.format(Long.parseLong(params.getParam(Param.SIZE.jmhName())));
        } catch (RuntimeException e) {
            return String.valueOf(params.getParam(Param.SIZE.jmhName()));
        }
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(
            BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
        console.flush();
    }

    @Override
    public void close() {
        log.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
