package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryPlanTest {

    @Test
    void theRootHoldsEveryRanksBlockOfAGather() {
        // 4Mi ints at np 4: own 16 MiB + gathered 64 MiB + average 32 MiB of doubles.
        assertThat(MemoryPlan.rootBufferBytes(4 << 20, 4)).isEqualTo((16L + 64 + 32) << 20);
    }

    @Test
    void heapLeavesRoomForEveryRankInOneJvm() {
        long heap = MemoryPlan.heapBytes(4 << 20, 4);

        // mpj-smpdev runs all four ranks in one JVM with rank 0's options.
        assertThat(heap).isGreaterThanOrEqualTo(4 * MemoryPlan.rootBufferBytes(4 << 20, 4));
        assertThat(heap % (1 << 20)).isZero();
        assertThat(MemoryPlan.heapBytes(1, 2)).isEqualTo(512L << 20);
    }

    @Test
    void heapNeverAsksForMoreThanHalfTheMachine() {
        long machine = MemoryPlan.physicalMemoryBytes();

        assertThat(MemoryPlan.heapBytes(64 << 20, 64)).isLessThanOrEqualTo(machine / 2 + (1 << 20));
    }

    @Test
    void theDefaultMatricesFit() {
        assertThatCode(() -> MemoryPlan.checkFits(4 << 20, 4)).doesNotThrowAnyException();
        assertThatCode(() -> MemoryPlan.checkFits(1 << 10, 16)).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatCannotFit() {
        assertThatThrownBy(() -> MemoryPlan.checkFits(256 << 20, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 256Mi with np 64").hasMessageContaining("too large");
    }
}
