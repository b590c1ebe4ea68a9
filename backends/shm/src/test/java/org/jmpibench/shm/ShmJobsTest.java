package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jmpibench.conformance.ConformanceRank;
import org.jmpibench.conformance.SteadyStateAllocationRank;
import org.jmpibench.spi.JobOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jobs that exercise what the conformance suite does not: each idle strategy, tiny rings, contract details. */
class ShmJobsTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @AfterEach
    void nothingLeft() throws IOException {
        ShmJobs.assertNothingLeft();
    }

    @ParameterizedTest(name = "idle={0} spins={1} np={2}")
    @CsvSource({"spin, 100, 2", "yield, 100, 2", "yield, 0, 3", "park, 100, 2", "park, 0, 2"})
    void everyIdleStrategyDeliversAPingPongCorrectly(String idle, int spins, int np) {
        JobOutcome outcome = ShmJobs.run(np, Map.of(ShmConfig.IDLE_ENV, idle, ShmConfig.SPINS_ENV,
                Integer.toString(spins)), LIMIT, line -> { }, PingPongRank.class, "300");
        assertPassed(outcome, np, PingPongRank.PASSED);
    }

    @Test
    void aTinyRingWrapsManyTimesWithoutLosingData() {
        // 5 slots of 64 bytes (an odd count on purpose): every message laps the ring, big ones thousands of times.
        JobOutcome outcome = ShmJobs.run(2, Map.of(ShmConfig.RING_BYTES_ENV, "640", ShmConfig.CHUNK_BYTES_ENV,
                "64"), LIMIT, line -> { }, PingPongRank.class, "30");
        assertPassed(outcome, 2, PingPongRank.PASSED);
    }

    @Test
    void overtakingBuffersLargeMessagesAndTooLongMessagesThrow() {
        JobOutcome outcome = ShmJobs.run(2, Map.of(ShmConfig.RING_BYTES_ENV, "256k", ShmConfig.CHUNK_BYTES_ENV,
                "16k"), LIMIT, line -> { }, ContractRank.class);
        assertPassed(outcome, 2, ContractRank.PASSED);
    }

    @Test
    void sendingAndReceivingAllocateNothingPerMessage() {
        JobOutcome outcome = ShmJobs.run(3, Map.of(), LIMIT, line -> { }, AllocationRank.class);
        assertPassed(outcome, 3, AllocationRank.PASSED);
    }

    /** np 3: recursive doubling's fold and the rings' uneven blocks are on the path too. */
    @Test
    void requestsAndCollectivesAllocateNothingInSteadyState() {
        JobOutcome outcome = ShmJobs.run(3, Map.of(), LIMIT, line -> { }, SteadyStateAllocationRank.class);
        assertPassed(outcome, 3, SteadyStateAllocationRank.PASSED);
    }

    /** The whole conformance run with rings of 16 slots: most messages lap the ring, in both directions at once. */
    @Test
    void everyOperationWorksThroughATinyRing(@TempDir Path shared) {
        JobOutcome outcome = ShmJobs.run(2, Map.of(ShmConfig.RING_BYTES_ENV, "256k", ShmConfig.CHUNK_BYTES_ENV,
                "16k"), LIMIT, line -> { }, ConformanceRank.class, "2", shared.toString(), "1");
        assertPassed(outcome, 2, ConformanceRank.PASSED);
    }

    @Test
    void a256MiBMessageStreamsThroughAnOrdinaryRing() {
        JobOutcome outcome = ShmJobs.run(2, Map.of(), LIMIT, line -> { }, BigMessageRank.class, "256");
        assertPassed(outcome, 2, BigMessageRank.PASSED);
    }

    @Test
    void aJobWhoseFileDoesNotFitFailsWithOneLineSayingHowMuchIsNeeded() {
        // 16 ranks with 1 GiB rings: 240 GiB, more than this machine's /dev/shm has.
        JobOutcome outcome = ShmJobs.run(16, Map.of(ShmConfig.RING_BYTES_ENV, "1g"), LIMIT, line -> { },
                PingPongRank.class, "1");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure()).as(() -> ShmJobs.describe(outcome))
                .contains("shm", "needs", "bytes", ShmConfig.RING_BYTES_ENV).doesNotContain("\n");
        assertThat(outcome.output()).as("no rank started").isEmpty();
    }

    private static void assertPassed(JobOutcome outcome, int np, String passed) {
        assertThat(outcome.succeeded()).as(() -> ShmJobs.describe(outcome)).isTrue();
        for (int rank = 0; rank < np; rank++) {
            assertThat(outcome.output()).contains(passed + rank);
        }
    }
}
