package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.junit.jupiter.api.Test;

class MemoryPlanTest {

    private static final List<Operation> SEED =
            List.of(Operation.SEND, Operation.BCAST, Operation.GATHER, Operation.GATHER_AVERAGE);

    @Test
    void theRootHoldsEveryRanksBlockOfAGather() {
        // 4Mi ints at np 4: own 16 MiB + gathered 64 MiB + average 32 MiB of doubles.
        assertThat(MemoryPlan.largestRankBytes(SEED, 4 << 20, 4, 0)).isEqualTo((16L + 64 + 32) << 20);
    }

    @Test
    void aWindowOfBwIsSixtyFourMessagesAtTheReceiver() {
        assertThat(MemoryPlan.largestRankBytes(List.of(Operation.BW), 1 << 20, 2, 0))
                .isEqualTo(Operation.WINDOW * (4L << 20));
    }

    @Test
    void heapLeavesRoomForEveryRankInOneJvm() {
        long heap = MemoryPlan.heapBytes(SEED, 4 << 20, 4, 0);

        // mpj-smpdev runs all four ranks in one JVM with rank 0's options.
        assertThat(heap).isGreaterThanOrEqualTo(4 * MemoryPlan.largestRankBytes(SEED, 4 << 20, 4, 0));
        assertThat(heap % (1 << 20)).isZero();
        assertThat(MemoryPlan.heapBytes(SEED, 1, 2, 0)).isEqualTo(512L << 20);
    }

    @Test
    void heapNeverAsksForMoreThanHalfTheMachine() {
        long machine = MemoryPlan.physicalMemoryBytes();

        assertThat(MemoryPlan.heapBytes(List.of(Operation.values()), 64 << 20, 64, Root.ROTATING))
                .isLessThanOrEqualTo(machine / 2 + (1 << 20));
    }

    @Test
    void theDefaultMatricesFit() {
        assertThatCode(() -> MemoryPlan.checkFits(SEED, 4 << 20, 4, 0)).doesNotThrowAnyException();
        assertThatCode(() -> MemoryPlan.checkFits(List.of(Operation.values()), 1 << 20, 4, Root.ROTATING))
                .doesNotThrowAnyException();
        assertThatCode(() -> MemoryPlan.checkFits(SEED, 1 << 10, 16, 0)).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatCannotFit() {
        assertThatThrownBy(() -> MemoryPlan.checkFits(SEED, 256 << 20, 64, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 256Mi with np 64")
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> MemoryPlan.checkFits(List.of(Operation.BW), 16 << 20, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large for bw")
                .hasMessageContaining("2 GiB");
    }
}
