package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bench} runs started at the same moment into the same results directory each keep all their results: file
 * names never collide (the second run of a second gets {@code -2}), and neither run's saves overwrite the other's. Each
 * run is tiny (loopback, two benchmarks, np 2).
 */
class ConcurrentRunsTest {

    private static final Duration LIMIT = Duration.ofMinutes(4);
    private static final int BENCHMARKS_PER_RUN = 2;

    @TempDir
    Path dir;

    @Test
    void twoRunsStartedTogetherEachKeepAllTheirResults() {
        AvailableBackends.assumeAvailable("loopback");
        Path results = dir.resolve("results");
        String[] args = {
            "bench",
            "--backends",
            "loopback",
            "--ops",
            "send,bcast",
            "--sizes",
            "1",
            "--np",
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
            "--results-dir",
            results.toString()
        };
        CliProcess.Result first;
        CliProcess.Result second;
        try (CliProcess a = CliProcess.start(args);
                CliProcess b = CliProcess.start(args)) {
            first = a.awaitExit(LIMIT);
            second = b.awaitExit(LIMIT);
        }

        assertThat(first.status()).as("first run: %s", first).isZero();
        assertThat(second.status()).as("second run: %s", second).isZero();
        Path firstJson = resultsFileOf(first);
        Path secondJson = resultsFileOf(second);
        assertThat(firstJson).isNotEqualTo(secondJson);
        for (Path json : List.of(firstJson, secondJson)) {
            List<BenchmarkResult> kept = ResultsFile.read(json).results();
            assertThat(kept)
                    .as("results of %s", json)
                    .hasSize(BENCHMARKS_PER_RUN)
                    .allSatisfy(
                            result -> assertThat(result.param(Param.BACKEND)).contains("loopback"));
            RunContext context = RunContext.read(RunFiles.contextFileOf(json));
            assertThat(context.results()).isEqualTo(json.getFileName().toString());
            assertThat(context.complete()).isTrue();
            assertThat(context.benchmarksDone()).isEqualTo(BENCHMARKS_PER_RUN);
        }
        assertThat(filesIn(results))
                .as("each run's own four files")
                .hasSize(8)
                .contains(
                        firstJson.getFileName().toString(),
                        secondJson.getFileName().toString());
    }

    /** The results file a run names on its last lines ({@code results: PATH}). */
    private static Path resultsFileOf(CliProcess.Result run) {
        List<String> named = run.out()
                .lines()
                .filter(line -> line.startsWith("results: "))
                .map(line -> line.substring("results: ".length()).strip())
                .toList();
        assertThat(named).as("the run names its results file: %s", run).hasSize(1);
        return Path.of(named.get(0));
    }

    private static List<String> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list " + directory, e);
        }
    }
}
