package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jmpibench.harness.job.CorruptingLeaderLoopbackBackend;
import org.jmpibench.harness.job.CorruptingLoopbackBackend;
import org.jmpibench.harness.job.HangingLoopbackBackend;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong data and hung ranks fail their job, the run goes on, and the failure is recorded with its rank. */
class FailedJobsTest {

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void aFollowerReceivingWrongDataFailsTheRunNamingBackendAndRank() throws Exception {
        HarnessRuns run = HarnessRuns.run(
                results, CorruptingLoopbackBackend.NAME + ",loopback", "gather-average,send", "1", "array", "60");

        assertThat(run.outcome.exitStatus()).isEqualTo(1);
        assertThat(run.outcome.failedJobs()).hasSize(2).allSatisfy(job -> {
            assertThat(job.backend()).isEqualTo(CorruptingLoopbackBackend.NAME);
            assertThat(job.reason())
                    .contains("backend " + CorruptingLoopbackBackend.NAME + " rank 1")
                    .contains("wrong data");
        });
        assertThat(run.outcome.failedJobs())
                .extracting(RunContext.FailedJob::benchmark)
                .containsExactlyInAnyOrder(Operation.GATHER_AVERAGE.benchmarkName(), Operation.SEND.benchmarkName());
        // The run went on with the next backend, and only its results were kept.
        assertThat(run.results())
                .hasSize(2)
                .allSatisfy(result -> assertThat(result.param(Param.BACKEND)).contains("loopback"));
        assertThat(run.context().failedJobs()).hasSize(2);
        assertThat(run.console).contains("FAILED", "failed jobs (2)");
    }

    @Test
    void theLeaderReceivingWrongDataAbortsTheJob() throws Exception {
        HarnessRuns run = HarnessRuns.run(results, CorruptingLeaderLoopbackBackend.NAME, "send", "1Ki", "direct", "60");

        assertThat(run.outcome.exitStatus()).isEqualTo(1);
        // Rank 1 may notice first (rank 0 closed its connection); the line still blames rank 0.
        assertThat(run.outcome.failedJobs())
                .singleElement()
                .satisfies(job -> assertThat(job.reason())
                        .startsWith("backend loopback: rank 0 ")
                        .contains("wrong data")
                        .contains("echo from rank 1"));
        assertThat(run.outcome.results()).isEmpty();
    }

    @Test
    void aHungRankIsHaltedByItsWatchdogAndTheJobFails() throws Exception {
        HarnessRuns run = HarnessRuns.run(results, HangingLoopbackBackend.NAME, "bcast", "1", "array", "3");

        assertThat(run.outcome.exitStatus()).isEqualTo(1);
        // Rank 0, waiting for rank 1, may hit its own watchdog first; the line still blames rank 1.
        assertThat(run.outcome.failedJobs())
                .singleElement()
                .satisfies(job -> assertThat(job.reason())
                        .startsWith("backend loopback: rank 1 ")
                        .contains("watchdog")
                        .contains("did not finish within 3 s"));
        RunContext.FailedJob failed = run.context().failedJobs().get(0);
        assertThat(failed.backend()).isEqualTo(HangingLoopbackBackend.NAME);
        assertThat(failed.params()).contains("size=1");
    }
}
