package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: a benchmark run stopped half-way (SIGTERM, as Ctrl-C or a CI time-out would) keeps the results of the
 * jobs that finished, in a complete, valid JMH JSON file, with the context saying the run is incomplete; and it leaves
 * no process behind.
 */
class InterruptedRunTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path results;

    @Test
    void aRunStoppedHalfWayKeepsTheGroupsThatFinished() throws Exception {
        AvailableBackends.assumeAvailable("loopback");
        try (CliProcess cli = CliProcess.start(
                "bench",
                "--backends",
                "loopback",
                "--ops",
                "send",
                "--sizes",
                "1",
                "--np",
                "2,3,4",
                "-wi",
                "1",
                "-w",
                "100ms",
                "-i",
                "2",
                "-r",
                "100ms",
                "--results-dir",
                results.toString())) {
            try {
                // Stop the run once the np=2 group is saved (the context file, written last, says so).
                awaitSavedBenchmark(LIMIT);
                Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(cli.pid())).start();
                assertThat(kill.waitFor()).isZero();
                CliProcess.Result result = cli.awaitExit(Duration.ofSeconds(30));
                assertThat(result.status())
                        .as("a run stopped by a signal is not a success")
                        .isNotZero();
                assertThat(cli.watch().survivors(Duration.ofSeconds(10)))
                        .as("processes left")
                        .isEmpty();
            } finally {
                cli.close();
            }
        }
        List<Path> json;
        try (Stream<Path> files = Files.list(results)) {
            json = files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        Path context = json.stream()
                .filter(f -> f.toString().endsWith(".context.json"))
                .findFirst()
                .orElseThrow();
        Path data = json.stream()
                .filter(f -> !f.toString().endsWith(".context.json"))
                .findFirst()
                .orElseThrow();

        List<Integer> nps = new ArrayList<>();
        for (BenchmarkResult result : ResultsFile.read(data).results()) {
            nps.add(result.np().getAsInt());
            assertThat(result.primary().score()).isPositive();
        }
        assertThat(nps)
                .as("results kept from the groups that finished")
                .contains(2)
                .hasSizeLessThan(3);
        RunContext ctx = RunContext.read(context);
        assertThat(ctx.complete()).as("context says the run is incomplete").isFalse();
        assertThat(ctx.benchmarksDone()).isEqualTo(nps.size());
        assertThat(ctx.benchmarksTotal()).isEqualTo(3);
    }

    /** Waits until the run's context file counts at least one finished benchmark (files are replaced whole). */
    private void awaitSavedBenchmark(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(results)) {
                for (Path context : files.filter(f -> f.toString().endsWith(".context.json"))
                        .toList()) {
                    if (RunContext.read(context).benchmarksDone() >= 1) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no benchmark saved in " + results + " within " + limit);
    }
}
