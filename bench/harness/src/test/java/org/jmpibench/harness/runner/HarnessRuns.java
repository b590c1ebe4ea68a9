package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;

/** Runs the harness in this JVM (the JMH host) on a tiny matrix and reads back what it wrote. */
final class HarnessRuns {

    final BenchRunner.Outcome outcome;
    final String console;

    private HarnessRuns(BenchRunner.Outcome outcome, String console) {
        this.outcome = outcome;
        this.console = console;
    }

    /** A tiny, short run: f=1, 1 x 50 ms warm-up, 2 x 50 ms measurement. */
    static HarnessRuns run(
            Path results, String backends, String ops, String sizes, String buffers, String watchdogSeconds)
            throws IOException {
        return run(results, backends, ops, sizes, buffers, null, watchdogSeconds);
    }

    /** The same, with idle strategies ({@code null}: the default only). */
    static HarnessRuns run(
            Path results,
            String backends,
            String ops,
            String sizes,
            String buffers,
            String idles,
            String watchdogSeconds)
            throws IOException {
        return run(
                results, backends, ops, sizes, buffers, idles, watchdogSeconds, HostOptions.of(null, null, null, null));
    }

    /** The same, on the hosts that {@code hosts} give. */
    static HarnessRuns run(
            Path results,
            String backends,
            String ops,
            String sizes,
            String buffers,
            String idles,
            String watchdogSeconds,
            HostOptions hosts)
            throws IOException {
        return run(results, backends, ops, sizes, buffers, idles, null, watchdogSeconds, hosts);
    }

    /** The same, with the ranks on the JDKs of {@code jdks} ({@code --jdk}'s list; null: the harness's JDK). */
    static HarnessRuns run(
            Path results,
            String backends,
            String ops,
            String sizes,
            String buffers,
            String idles,
            String jdks,
            String watchdogSeconds,
            HostOptions hosts)
            throws IOException {
        return run(
                new BenchSettings.Builder()
                        .backends(backends)
                        .ops(ops)
                        .sizes(sizes)
                        .nps("2")
                        .buffers(buffers)
                        .idles(idles)
                        .jdks(jdks)
                        .forks("1")
                        .warmupIterations("1")
                        .warmupTime("50ms")
                        .measurementIterations("2")
                        .measurementTime("50ms")
                        .watchdogSeconds(watchdogSeconds)
                        .resultsDir(results.toString()),
                hosts);
    }

    /** A run of whatever {@code settings} say (their results directory included). */
    static HarnessRuns run(BenchSettings.Builder settingsBuilder, HostOptions hosts) throws IOException {
        BenchSettings settings = settingsBuilder.build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchRunner.Outcome outcome;
        try (PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            outcome = new BenchRunner(settings, RunHosts.of(hosts, settings.nps()), console).run();
        }
        return new HarnessRuns(outcome, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The results file as the reader sees it; only for a run that has results (an empty file is refused). */
    List<BenchmarkResult> results() {
        return ResultsFile.read(outcome.json()).results();
    }

    RunContext context() {
        return RunContext.read(outcome.context());
    }

    /** Every process a job started has gone (the launcher's contract; our wrapper JVMs too). */
    static void assertNoProcessLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> left = List.of();
        while (System.nanoTime() < deadline) {
            left = ProcessHandle.current()
                    .descendants()
                    .filter(ProcessHandle::isAlive)
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        assertThat(left.stream().map(p -> p.info().commandLine().orElse("?")))
                .as("processes left")
                .isEmpty();
    }
}
