package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jmpibench.conformance.ConformanceRank;
import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.conformance.SteadyStateAllocationRank;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPI conformance suite (np 2 to 5, a 64 MiB message, failing ranks) run against the loopback backend, plus the
 * same checks under each idle strategy. (The 256 MiB message on every backend is the reliability module's LoadTest.)
 */
class LoopbackConformanceTest extends ConformanceSuite {

    private static final Duration LIMIT = Duration.ofSeconds(180);

    /** The suite's own shared directory is package-private: ours, for the extra jobs. */
    @TempDir
    Path work;

    @Override
    protected Backend backend() {
        return new LoopbackBackend();
    }

    @Test
    void everyOperationWorksWhenRanksSpinWithoutEverBlocking() {
        assertPassed(runWith(2, Map.of(LoopbackConfig.IDLE_ENV, "spin")), 2);
    }

    /** Zero spin turns: every wait goes through the selector, for reads and for full send buffers alike. */
    @Test
    void everyOperationWorksWhenRanksBlockAtOnceAndSendsAreDelayed() {
        assertPassed(
                runWith(
                        3,
                        Map.of(
                                LoopbackConfig.IDLE_ENV,
                                "spin-block",
                                LoopbackConfig.SPIN_COUNT_ENV,
                                "0",
                                LoopbackConfig.INJECT_DELAY_NS_ENV,
                                "1000")),
                3);
    }

    /** np 3: recursive doubling's fold and the rings' uneven blocks are on the path too. */
    @Test
    void requestsAndCollectivesAllocateNothingInSteadyState() {
        RankProgram program = RankProgram.of(rankClasspath(), SteadyStateAllocationRank.class.getName())
                .withJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        JobOutcome outcome = backend().launcher().run(JobSpec.of(3, program, LIMIT));
        assertThat(outcome.succeeded())
                .as(() -> outcome.failure() + "\n" + outcome.output())
                .isTrue();
        for (int rank = 0; rank < 3; rank++) {
            assertThat(outcome.output()).contains(SteadyStateAllocationRank.PASSED + rank);
        }
    }

    private JobOutcome runWith(int np, Map<String, String> env) {
        return runWith(np, env, "-Xmx768m", "64");
    }

    private JobOutcome runWith(int np, Map<String, String> env, String heap, String bigMessageMiB) {
        RankProgram program = RankProgram.of(
                        rankClasspath(),
                        ConformanceRank.class.getName(),
                        Integer.toString(np),
                        work.toString(),
                        bigMessageMiB)
                .withJvmOptions(List.of(heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        return backend().launcher().run(JobSpec.of(np, program, LIMIT).withEnv(env));
    }

    private static void assertPassed(JobOutcome outcome, int np) {
        assertThat(outcome.succeeded())
                .as(() -> outcome.failure() + "\n" + outcome.output())
                .isTrue();
        for (int rank = 0; rank < np; rank++) {
            assertThat(outcome.output()).contains(ConformanceRank.PASSED + rank);
        }
    }
}
