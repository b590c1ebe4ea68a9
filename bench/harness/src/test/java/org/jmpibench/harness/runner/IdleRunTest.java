package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs with {@code --idle}: each strategy is its own variant in the results, table and context. */
class IdleRunTest {

    @TempDir
    Path results;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void eachIdleStrategyIsItsOwnResult() throws Exception {
        HarnessRuns run = HarnessRuns.run(results, "loopback,shm", "send", "1", "array", "spin,yield", "60");

        assertThat(run.outcome.failedJobs()).as(run.console).isEmpty();
        assertThat(run.outcome.exitStatus()).isZero();
        Set<String> seen = new HashSet<>();
        for (BenchmarkResult result : run.results()) {
            seen.add(result.param(Param.BACKEND).orElseThrow() + "/"
                    + result.param(Param.IDLE).orElseThrow());
            assertThat(result.np()).hasValue(2);
            assertThat(result.primary().score()).as(result.params().toString()).isPositive();
        }
        assertThat(seen).containsExactlyInAnyOrder("loopback/spin", "loopback/yield", "shm/spin", "shm/yield");
        assertThat(run.results()).hasSize(4);
        // Progress lines and the table's columns name the variant.
        assertThat(run.console).contains("shm/spin", "shm/yield", "loopback/spin", "loopback/yield");
        RunContext context = run.context();
        assertThat(context.matrix(Param.IDLE.jmhName())).containsExactly("spin", "yield");
        assertThat(context.variants()).containsExactly("loopback/spin", "loopback/yield", "shm/spin", "shm/yield");
    }

    @Test
    void aBackendWithoutTheKnobIsSkippedNotFaked() throws Exception {
        // The test-only hanging-loopback backend supports only the default strategy: like openmpi or MPJ.
        HarnessRuns run = HarnessRuns.run(results, "hanging-loopback", "send", "1", "array", "spin,block", "60");

        assertThat(run.console)
                .contains("skip  hanging-loopback idle=spin,block: hanging-loopback has no idle " + "strategy knob");
        assertThat(run.outcome.results()).isEmpty();
        assertThat(run.context().benchmarksTotal()).isZero();
        assertThat(run.outcome.backendsRun()).isEmpty();
        assertThat(run.outcome.exitStatus()).isEqualTo(1);
    }
}
