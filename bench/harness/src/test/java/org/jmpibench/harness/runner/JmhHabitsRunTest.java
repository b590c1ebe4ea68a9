package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real one-benchmark run on loopback given the way a JMH user gives it: {@code -p}, {@code -prof}, {@code -jvmArgs},
 * {@code -rf}, mpirun's {@code -np}, and a size in bytes. Each must reach JMH and the run's files.
 */
class JmhHabitsRunTest {

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void parametersProfilersJvmArgumentsAndResultFormatReachTheRun() throws Exception {
        int status = BenchCommand.commandLine()
                .execute(
                        "-p",
                        "backend=loopback",
                        "-p",
                        "size=4KiB",
                        "--ops",
                        "send",
                        "-np",
                        "2",
                        "-f",
                        "1",
                        "-wi",
                        "1",
                        "-w",
                        "50ms",
                        "-i",
                        "2",
                        "-r",
                        "50ms",
                        "-prof",
                        "gc",
                        "-jvmArgs",
                        "-Djmpi.test.habit=yes -Xss2m",
                        "-rf",
                        "text",
                        "--results-dir",
                        results.toString());

        assertThat(status).isZero();
        Path json;
        try (Stream<Path> files = Files.list(results)) {
            json = files.filter(f -> f.toString().endsWith(RunFiles.RESULTS_SUFFIX)
                            && !f.toString().endsWith(RunFiles.CONTEXT_SUFFIX))
                    .findFirst()
                    .orElseThrow();
        }
        List<BenchmarkResult> read = ResultsFile.read(json).results();
        assertThat(read).hasSize(1);
        BenchmarkResult send = read.get(0);
        assertThat(send.sizeElements()).hasValue(1024);
        assertThat(send.np()).hasValue(2);
        assertThat(send.jmhSettings().get("jvmArgs")).contains("-Djmpi.test.habit=yes", "-Xss2m");
        assertThat(send.secondary().keySet()).as("the gc profiler's metrics").anyMatch(name -> name.startsWith("gc."));

        String name = RunFiles.runName(json);
        assertThat(results.resolve(name + ".txt"))
                .content()
                .contains("Benchmark")
                .contains("PingPong.send");
        assertThat(results.resolve(name + ".csv"))
                .as("-rf text replaces the CSV copy")
                .doesNotExist();
        RunContext context = RunContext.read(RunFiles.contextFileOf(json));
        assertThat(context.flatten())
                .containsEntry("jmh.resultFormat", "text")
                .hasEntrySatisfying(
                        "jmh.profilers", profilers -> assertThat(profilers).contains("gc"));
    }
}
