package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    /** A clock the test moves. */
    private long nowNs;

    private void at(long seconds) {
        nowNs = TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void beforeAnyBenchmarkEndsTheEstimateIsThePlan() {
        RunProgress progress = new RunProgress(720, 7, () -> nowNs);

        progress.start();
        assertThat(progress.status()).isEqualTo("[  1/720  0:00 elapsed  ~1:24:00 left]");
    }

    @Test
    void thenItIsTheAverageOfTheBenchmarksDoneTimesThoseLeft() {
        RunProgress progress = new RunProgress(10, 4, () -> nowNs);
        for (int i = 0; i < 3; i++) {
            progress.start();
        }
        at(30);
        progress.start();

        // 3 done in 30 s: 10 s each, 7 left (the 4th has just started)
        assertThat(progress.status()).isEqualTo("[ 4/10  0:30 elapsed  ~1:10 left]");
        assertThat(progress.started()).isEqualTo(4);
    }

    @Test
    void benchmarksGivenUpAreNoLongerLeft() {
        RunProgress progress = new RunProgress(10, 4, () -> nowNs);
        progress.start();
        at(10);
        progress.skipped(5);
        progress.start();

        assertThat(progress.status()).isEqualTo("[ 2/10  0:10 elapsed  ~0:40 left]");
    }

    @Test
    void longDurationsHaveHours() {
        assertThat(RunProgress.duration(59)).isEqualTo("0:59");
        assertThat(RunProgress.duration(3725)).isEqualTo("1:02:05");
        RunProgress progress = new RunProgress(1, 1, () -> nowNs);
        at(3725);
        assertThat(progress.elapsed()).isEqualTo("1:02:05");
    }

    @Test
    void thePlanCountsJobStartAndIterationsOfEveryFork() {
        BenchSettings full =
                new BenchSettings.Builder().profile("full").forks("2").build();

        // 2 forks x (3 s to start + 3 x 0.5 s warm-up + 5 x 0.5 s measurement)
        assertThat(full.plannedSecondsPerBenchmark()).isEqualTo(2 * (3 + 1.5 + 2.5));
    }
}
