package org.jmpibench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static final long ITERATION_NS = 200_000_000L;

    @Test
    void startsWithOneOperationAndDoublesUntilItHasARate() {
        BatchPlanner planner = new BatchPlanner();

        assertThat(planner.firstBatch(ITERATION_NS)).isEqualTo(1);
        assertThat(planner.topUp(ITERATION_NS)).isEqualTo(2);
        assertThat(planner.topUp(ITERATION_NS)).isEqualTo(4);
    }

    @Test
    void sizesBatchesFromTheLastRate() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(1000, 10_000_000L); // 10 us per operation

        assertThat(planner.firstBatch(ITERATION_NS)).isEqualTo(18_000); // 90% of 200 ms
        assertThat(planner.topUp(ITERATION_NS)).isEqualTo(1250); // 1/16 of 200 ms
    }

    @Test
    void neverPlansLessThanOneOrMoreThanTheCap() {
        BatchPlanner slow = new BatchPlanner();
        slow.record(1, 5_000_000_000L); // 5 s per operation
        BatchPlanner fast = new BatchPlanner();
        fast.record(1_000_000_000L, 1L); // absurdly fast

        assertThat(slow.firstBatch(ITERATION_NS)).isEqualTo(1);
        assertThat(slow.topUp(ITERATION_NS)).isEqualTo(1);
        assertThat(fast.firstBatch(ITERATION_NS)).isEqualTo(BatchPlanner.MAX_BATCH);
    }

    @Test
    void ignoresEmptyMeasurements() {
        BatchPlanner planner = new BatchPlanner();
        planner.record(0, 0);

        assertThat(planner.firstBatch(ITERATION_NS)).isEqualTo(1);
    }
}
