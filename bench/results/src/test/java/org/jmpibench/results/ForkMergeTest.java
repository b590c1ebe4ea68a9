package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkMergeTest {

    private static final double[] FORK_1 = {10.0, 10.2, 9.9};
    private static final double[] FORK_2 = {11.0, 10.8, 11.3};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path merged(List<Path> forks) throws IOException {
        return Files.write(dir.resolve("merged.json"), ForkMerge.merge(forks));
    }

    @Test
    void forksOfSeparateRunsBecomeTheFileJmhWritesForOneRunWithThoseForks() throws IOException {
        Path first = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_1)
                .params("shm", 2, 1)
                .secondary(SecondaryMetric.HAND_TIMED, FORK_1)
                .done()
                .writeTo(dir.resolve("f1.json"));
        Path second = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_2)
                .params("shm", 2, 1)
                .secondary(SecondaryMetric.HAND_TIMED, FORK_2)
                .done()
                .writeTo(dir.resolve("f2.json"));
        Path together = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_1, FORK_2)
                .params("shm", 2, 1)
                .secondary(SecondaryMetric.HAND_TIMED, FORK_1, FORK_2)
                .done()
                .writeTo(dir.resolve("both.json"));

        JsonNode merged =
                MAPPER.readTree(merged(List.of(first, second)).toFile()).get(0);
        JsonNode expected = MAPPER.readTree(together.toFile()).get(0);

        assertThat(merged).isEqualTo(expected);
        BenchmarkResult read =
                ResultsFile.read(dir.resolve("merged.json")).results().get(0);
        assertThat(read.primary().forks()).isEqualTo(2);
        assertThat(read.primary().rawData()).isDeepEqualTo(new double[][] {FORK_1, FORK_2});
    }

    @Test
    void aBenchmarkMissingFromSomeForksKeepsTheForksItHas() throws IOException {
        Path first = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_1)
                .params("shm", 2, 1)
                .done()
                .add(Operation.BCAST, FORK_1)
                .params("shm", 2, 1)
                .done()
                .writeTo(dir.resolve("f1.json"));
        Path second = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_2)
                .params("shm", 2, 1)
                .done()
                .writeTo(dir.resolve("f2.json"));

        List<BenchmarkResult> results =
                ResultsFile.read(merged(List.of(first, second))).results();

        assertThat(results)
                .extracting(BenchmarkResult::benchmark)
                .containsExactly(Operation.SEND.benchmarkName(), Operation.BCAST.benchmarkName());
        assertThat(results.get(0).primary().forks()).isEqualTo(2);
        assertThat(results.get(1).primary().forks()).isEqualTo(1);
    }

    @Test
    void everyModeJmhWritesMergesIncludingSampleTimeHistograms() throws IOException {
        Path real = RealJmhRun.file();

        List<BenchmarkResult> results =
                ResultsFile.read(merged(List.of(real, real))).results();

        assertThat(results).hasSize(RealJmhRun.RESULTS);
        List<BenchmarkResult> original = ResultsFile.read(real).results();
        for (int i = 0; i < results.size(); i++) {
            Metric once = original.get(i).primary();
            Metric twice = results.get(i).primary();
            assertThat(twice.forks()).as(results.get(i).key().toString()).isEqualTo(2 * once.forks());
            assertThat(twice.iterations()).isEqualTo(2 * once.iterations());
            // The same data twice: the same mean.
            assertThat(twice.score()).isCloseTo(once.score(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }

    @Test
    void aMetricWithoutRawDataIsRefused() {
        Path bare = ResultsFileBuilder.file()
                .add(Operation.SEND, FORK_1)
                .withoutRawData()
                .done()
                .writeTo(dir.resolve("bare.json"));

        assertThatThrownBy(() -> ForkMerge.merge(List.of(bare, bare)))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("without rawData");
    }

    @Test
    void aFileTheReaderRefusesIsRefusedWithItsMessage() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");

        assertThatThrownBy(() -> ForkMerge.merge(List.of(empty)))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage("results file " + empty + ": is empty (did the benchmark run write no results?)");
    }

    @Test
    void theContextOfForksSumsTheirProgressAndKeepsEveryFailedJob() throws IOException {
        ZonedDateTime t0 = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        RunContext.Builder one = RunContextTest.harnessLike(new GitState("abc", false, null))
                .progress(t0.plusMinutes(1), "one.json", true, 4, 4);
        RunContext.Builder two = RunContextTest.harnessLike(new GitState("abc", false, null))
                .failed(new RunContext.FailedJob("shm", 2, Operation.SEND.benchmarkName(), "size=1", "rank 1 died"))
                .progress(t0.plusMinutes(2), "two.json", false, 3, 4);

        RunContext merged = RunContext.ofForks(
                List.of(one.build(), two.build()),
                List.of("one", "two"),
                "head.json",
                Map.of("side", "head", "commit", "abc"));
        RunContext read = RunContext.read(Files.write(dir.resolve("head.context.json"), merged.toJson()));

        assertThat(read.complete()).isFalse();
        assertThat(read.benchmarksDone()).isEqualTo(7);
        assertThat(read.benchmarksTotal()).isEqualTo(8);
        assertThat(read.results()).isEqualTo("head.json");
        assertThat(read.failedJobs())
                .singleElement()
                .extracting(RunContext.FailedJob::reason)
                .isEqualTo("rank 1 died");
        assertThat(read.gitCommit()).isEqualTo("abc");
        assertThat(read.flatten())
                .containsEntry("forkRuns", "one, two")
                .containsEntry("ab.side", "head")
                .containsEntry("lastSaved", t0.plusMinutes(2).toString());
        // What the A/B run adds describes the run, not the machine.
        assertThat(read.environmentDifferences(one.build())).isEmpty();
    }
}
