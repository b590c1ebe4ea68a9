package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jmpibench.conformance.ConformanceRank;
import org.jmpibench.conformance.FaultyRank;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpjNiodevJobTest extends MpjJobTests {

    @TempDir
    Path shared;

    @Override
    Backend backend() {
        return new MpjNiodevBackend();
    }

    /** MPJ's own runtime binds fixed ports (40002, 40055), so a second concurrent job fails or joins the first. */
    @Test
    void twoJobsStartedAtTheSameMomentBothSucceed() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<JobOutcome>> jobs = new ArrayList<>();
        for (int job = 0; job < 2; job++) {
            Path dir = Files.createDirectory(shared.resolve("job" + job));
            jobs.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                // The conformance rank's largest messages need more of MPJ's direct buffers than SMALL_JVM allows.
                return run(JobSpec.of(
                        2,
                        program(ConformanceRank.class, "2", dir.toString(), "1").withJvmOptions(jvmWithHeap("768m")),
                        Duration.ofSeconds(120)));
            }));
        }
        for (CompletableFuture<JobOutcome> job : jobs) {
            JobOutcome outcome = job.get();
            assertThat(outcome.succeeded()).as(outcome::toString).isTrue();
            assertThat(outcome.output()).contains(ConformanceRank.PASSED + 0).contains(ConformanceRank.PASSED + 1);
        }
    }

    /**
     * 30 windows of 64 x 256 KiB each way, every element checked: about 9 s here. With MPJ's default protocol switch
     * limit (128 KiB) this job hung in 2 of 2 tries (OSU's bibw at 64 Ki ints in 4 of 4). The ranks have 512 MiB of
     * heap, room for a window's 16 MiB arriving before its receives are posted.
     */
    @Test
    void largeMessagesInFlightBothWaysAtOnceDoNotDeadlock() {
        JobOutcome outcome = run(JobSpec.of(
                2,
                program(BothWaysRank.class, "30", Integer.toString(64 << 10)).withJvmOptions(jvmWithHeap("512m")),
                Duration.ofSeconds(60)));
        assertThat(outcome.succeeded()).as(outcome::toString).isTrue();
        assertThat(outcome.output()).contains(BothWaysRank.PASSED + 0).contains(BothWaysRank.PASSED + 1);
    }

    /** Stock niodev leaves the other ranks waiting forever for a rank killed with SIGKILL. */
    @Test
    void aRankKilledMidJobFailsTheJobNamingItAndLeavesNoProcess() {
        JobOutcome outcome = run(JobSpec.of(3, program(FaultyRank.class, "kill", "1"), Duration.ofSeconds(30)));
        assertThat(outcome.timedOut()).as(outcome::toString).isFalse();
        assertThat(outcome.failure()).contains("mpj-niodev").contains("rank 1").contains("signal 9");
        assertThat(liveDescendants()).as("rank JVMs left after the job").isEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
