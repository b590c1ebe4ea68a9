package org.jmpibench.harness.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
 * JMH's output for one (backend, np) group: everything JMH prints goes to the run's log (JMH's own text
 * format), and the console gets one line per benchmark (= per job with one fork) with its score. Also keeps
 * what finished, so the results of a group that later fails are not lost, and which benchmark was running.
 */
final class ProgressFormat implements OutputFormat {

    private final OutputFormat log;
    private final PrintStream console;
    private final int[] counter;
    private final int total;
    private final BenchSettings settings;
    private final List<RunResult> finished = new ArrayList<>();
    private final List<BenchKey> started = new ArrayList<>();
    private BenchmarkParams running;

    /**
     * @param counter  jobs started so far in the run, shared across groups (one element)
     * @param total    jobs in the run
     * @param settings the run's settings: a line names the JDK when there are several
     */
    ProgressFormat(OutputFormat log, PrintStream console, int[] counter, int total, BenchSettings settings) {
        this.log = log;
        this.console = console;
        this.counter = counter;
        this.total = total;
        this.settings = settings;
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
        counter[0]++;
        BenchKey key = BenchKey.of(params);
        if (key != null) {
            started.add(key);
        }
        console.printf(Locale.ROOT, "[%3d/%d] %-13s np=%-2s %-14s size=%-5s %-6s ", counter[0], total,
                SummaryTable.label(params, settings), params.getParam(Param.NP.jmhName()), opName(params),
                sizeLabel(params), params.getParam(Param.BUFFER.jmhName()));
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
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%12.3f %s", primary.getScore(),
                primary.getScoreUnit()));
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
            line.append(String.format(Locale.ROOT, "  hand-timed %.3f (paired median x%.3f)", hand.getScore(),
                    HarnessOverhead.ratio(result)));
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

    static String opName(BenchmarkParams params) {
        return Operation.ofBenchmark(params.getBenchmark()).map(Operation::cliName).orElse(params.getBenchmark());
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
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
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
