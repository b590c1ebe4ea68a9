package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static final long ITERATION_NS = 200_000_000L;

    @Test
    void startsWithOneOperationAndDoublesUntilItHasARate() {
        BatchPlanner planner = new BatchPlanner();

        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(1);
        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(2);
        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(4);
        assertThat(planner.opsFor(ITERATION_NS)).isEqualTo(1);
    }

    @Test
    void aBatchIsAboutTwentyMillisecondsAtTheLastRate() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(1000, 10_000_000L); // 10 us per operation

        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(2000);
        assertThat(planner.opsFor(50_000_000L)).isEqualTo(5000);
    }

    @Test
    void shortIterationsGetAtLeastFourBatches() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(1000, 10_000_000L); // 10 us per operation

        assertThat(planner.nextBatch(40_000_000L)).isEqualTo(1000); // 10 ms: a quarter of 40 ms
    }

    @Test
    void followsTheRateAsItChanges() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(1000, 10_000_000L);
        planner.record(10, 10_000_000L); // became 100x slower

        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(20);
    }

    @Test
    void neverCommandsASingleOperationOnceTimedNorMoreThanTheCap() {
        BatchPlanner slow = new BatchPlanner();
        slow.record(1, 5_000_000_000L); // 5 s per operation
        BatchPlanner fast = new BatchPlanner();
        fast.record(1_000_000_000L, 1L); // absurdly fast

        assertThat(slow.nextBatch(ITERATION_NS)).isEqualTo(BatchPlanner.MIN_BATCH);
        assertThat(slow.opsFor(ITERATION_NS)).isEqualTo(1);
        assertThat(fast.nextBatch(ITERATION_NS)).isEqualTo(BatchPlanner.MAX_BATCH);
    }

    @Test
    void ignoresEmptyMeasurements() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(0, 0);

        assertThat(planner.nextBatch(ITERATION_NS)).isEqualTo(1);
    }
}
