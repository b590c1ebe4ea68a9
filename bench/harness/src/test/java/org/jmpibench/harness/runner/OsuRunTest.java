package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.Root;
import org.jmpibench.results.SecondaryMetric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark the OSU set added, run for real on loopback at np 3 (1 warm-up and 1 measurement iteration of 50 ms),
 * with a rotating root: the results file has each (operation, size) with a finite score. One rank count: each is a job
 * of its own, and three ranks make an uneven tree and a root that visits a rank twice removed; the data at np 2-5 is
 * the conformance suite's.
 */
class OsuRunTest {

    private static final List<Operation> ADDED = List.of(
            Operation.BW,
            Operation.BIBW,
            Operation.ALLREDUCE,
            Operation.ALLREDUCE_AVERAGE,
            Operation.ALLGATHER,
            Operation.ALLTOALL,
            Operation.REDUCE,
            Operation.SCATTER,
            Operation.REDUCE_SCATTER,
            Operation.BARRIER);

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void everyNewBenchmarkRunsAtNp3AndLeavesAFiniteScore() throws Exception {
        String ops = String.join(",", ADDED.stream().map(Operation::cliName).toList());
        HarnessRuns run = HarnessRuns.run(
                new BenchSettings.Builder()
                        .backends("loopback")
                        .ops(ops)
                        .sizes("1,1Ki")
                        .nps("3")
                        .buffers("array")
                        .root(Root.ROTATE)
                        .forks("1")
                        .warmupIterations("1")
                        .warmupTime("50ms")
                        .measurementIterations("1")
                        .measurementTime("50ms")
                        .watchdogSeconds("60")
                        .resultsDir(results.toString()),
                HostOptions.of(null, null, null, null));

        assertThat(run.outcome.failedJobs()).as(run.console).isEmpty();
        assertThat(run.outcome.exitStatus()).isZero();
        Set<String> seen = new HashSet<>();
        for (BenchmarkResult result : run.results()) {
            Operation op = result.operation().orElseThrow(() -> new AssertionError(result.benchmark()));
            long size = result.sizeElements().getAsLong();
            seen.add(op.cliName() + " " + size + " np=" + result.np().getAsInt());
            assertThat(Double.isFinite(result.primary().score())
                            && result.primary().score() > 0)
                    .as(op.cliName() + " size " + size + " score "
                            + result.primary().score())
                    .isTrue();
            SecondaryMetric secondary = op.shape().secondaryMetric();
            assertThat(result.secondary(secondary))
                    .as(op.cliName() + " " + secondary)
                    .isPresent();
            assertThat(result.param(Param.ROOT))
                    .as(op.cliName() + "'s root")
                    .isEqualTo(op.rooted() ? Optional.of(Root.ROTATE) : Optional.empty());
        }
        Set<String> expected = new HashSet<>();
        for (int np : List.of(3)) {
            for (Operation op : ADDED) {
                for (long size : op.sizeLess() ? List.of((long) Operation.NO_SIZE) : List.of(1L, 1024L)) {
                    expected.add(op.cliName() + " " + size + " np=" + np);
                }
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(run.context().matrix(Param.ROOT.jmhName())).containsExactly(Root.ROTATE);
    }
}
