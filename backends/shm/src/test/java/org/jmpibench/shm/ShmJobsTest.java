package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.conformance.ConformanceRank;
import org.jmpibench.conformance.SteadyStateAllocationRank;
import org.jmpibench.conformance.TestJdks;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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
        JobOutcome outcome = ShmJobs.run(
                np,
                Map.of(ShmConfig.IDLE_ENV, idle, ShmConfig.SPINS_ENV, Integer.toString(spins)),
                LIMIT,
                line -> {},
                PingPongRank.class,
                "300");
        assertPassed(outcome, np, PingPongRank.PASSED);
    }

    @Test
    void aTinyRingWrapsManyTimesWithoutLosingData() {
        // 5 slots of 64 bytes (an odd count on purpose): every message laps the ring, big ones thousands of times.
        JobOutcome outcome = ShmJobs.run(
                2,
                Map.of(ShmConfig.RING_BYTES_ENV, "640", ShmConfig.CHUNK_BYTES_ENV, "64"),
                LIMIT,
                line -> {},
                PingPongRank.class,
                "30");
        assertPassed(outcome, 2, PingPongRank.PASSED);
    }

    @Test
    void overtakingBuffersLargeMessagesAndTooLongMessagesThrow() {
        JobOutcome outcome = ShmJobs.run(
                2,
                Map.of(ShmConfig.RING_BYTES_ENV, "256k", ShmConfig.CHUNK_BYTES_ENV, "16k"),
                LIMIT,
                line -> {},
                ContractRank.class);
        assertPassed(outcome, 2, ContractRank.PASSED);
    }

    /**
     * On every test JDK, with C2 as benchmarks run: Java 22+'s memcpy path passes heap arrays as segment slices, which
     * C2's escape analysis removes (C1 would allocate one per 32 KiB chunk). Compilation is synchronous
     * ({@code -Xbatch}), so the rank's warm-up ends with its hot code compiled, however busy the machine. The ranks
     * must also really take the memcpy path on 22+ (native access enabled by the launcher), or the test would prove
     * nothing about it.
     */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void sendingAndReceivingAllocateNothingPerMessage(String jdkName) {
        Jdk jdk = TestJdks.require(jdkName);
        JobOutcome outcome = ShmJobs.run(
                jdk,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xbatch"),
                3,
                Map.of(),
                LIMIT,
                line -> {},
                AllocationRank.class);
        assertPassed(outcome, 3, AllocationRank.PASSED);
        String path = !builtForJava22()
                ? "mapped buffers, Java copies"
                : jdk.feature() >= MemoryAccess.FOREIGN_MEMORY_FROM
                        ? "foreign memory, memcpy for copies >= " + MemoryAccess.MEMCPY_MIN_BYTES + " bytes"
                        : "mapped buffers, Java copies (Java " + jdk.feature();
        assertThat(outcome.output()).as(() -> ShmJobs.describe(outcome)).contains(AllocationRank.MEMORY + path);
    }

    /** np 3: recursive doubling's fold and the rings' uneven blocks are on the path too. */
    @Test
    void requestsAndCollectivesAllocateNothingInSteadyState() {
        JobOutcome outcome = ShmJobs.run(3, Map.of(), LIMIT, line -> {}, SteadyStateAllocationRank.class);
        assertPassed(outcome, 3, SteadyStateAllocationRank.PASSED);
    }

    /** The whole conformance run with rings of 16 slots: most messages lap the ring, in both directions at once. */
    @Test
    void everyOperationWorksThroughATinyRing(@TempDir Path shared) {
        JobOutcome outcome = ShmJobs.run(
                2,
                Map.of(ShmConfig.RING_BYTES_ENV, "256k", ShmConfig.CHUNK_BYTES_ENV, "16k"),
                LIMIT,
                line -> {},
                ConformanceRank.class,
                "2",
                shared.toString(),
                "1");
        assertPassed(outcome, 2, ConformanceRank.PASSED);
    }

    @Test
    void onJava22PlusTheJava17PathCanBeChosenAndStillWorks() {
        Jdk jdk = TestJdks.require(TestJdks.names().get(TestJdks.names().size() - 1));
        Assumptions.assumeTrue(jdk.feature() >= MemoryAccess.FOREIGN_MEMORY_FROM, "the newest test JDK is " + jdk);
        Assumptions.assumeTrue(builtForJava22(), "this build has no Java 22+ classes (scripts/setup-jdk.sh)");
        JobOutcome outcome = ShmJobs.run(
                jdk, ShmJobs.SMALL_JVM, 2, Map.of(ShmConfig.FFM_ENV, "off"), LIMIT, line -> {}, AllocationRank.class);
        assertPassed(outcome, 2, AllocationRank.PASSED);
        assertThat(outcome.output())
                .contains(AllocationRank.MEMORY + "mapped buffers, Java copies (" + ShmConfig.FFM_ENV + "=off)");
    }

    /** Java 22+ maps in an arena and unmaps on close; Java 17 can only leave its buffers to the GC. */
    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void closingUnmapsTheSharedFileFromJava22On(String jdkName) {
        Jdk jdk = TestJdks.require(jdkName);
        JobOutcome outcome = ShmJobs.run(jdk, ShmJobs.SMALL_JVM, 2, Map.of(), LIMIT, line -> {}, UnmapRank.class);
        assertThat(outcome.succeeded()).as(() -> ShmJobs.describe(outcome)).isTrue();
        List<String> counts = outcome.output()
                .lines()
                .filter(line -> line.contains(UnmapRank.MAPPINGS))
                .map(line -> line.substring(line.indexOf(UnmapRank.MAPPINGS) + UnmapRank.MAPPINGS.length()))
                .collect(Collectors.toList());
        assertThat(counts).as(() -> ShmJobs.describe(outcome)).hasSize(2).allSatisfy(count -> {
            String[] whileAndAfter = count.split(" ");
            assertThat(Long.parseLong(whileAndAfter[0]))
                    .as("mappings while attached")
                    .isPositive();
            if (jdk.feature() >= MemoryAccess.FOREIGN_MEMORY_FROM && builtForJava22()) {
                assertThat(Long.parseLong(whileAndAfter[1]))
                        .as("mappings after close")
                        .isZero();
            }
        });
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void a256MiBMessageStreamsThroughAnOrdinaryRing(String jdkName) {
        JobOutcome outcome = ShmJobs.run(
                TestJdks.require(jdkName),
                ShmJobs.SMALL_JVM,
                2,
                Map.of(),
                LIMIT,
                line -> {},
                BigMessageRank.class,
                "256");
        assertPassed(outcome, 2, BigMessageRank.PASSED);
    }

    /** Whether this build compiled src/main/java22 (it needs a JDK >= 22: scripts/setup-jdk.sh). */
    private static boolean builtForJava22() {
        return ShmJobsTest.class.getClassLoader().getResource("org/jmpibench/shm/MemcpyBulkCopy.class") != null;
    }

    static List<String> jdks() {
        return TestJdks.names();
    }

    @Test
    void aJobWhoseFileDoesNotFitFailsWithOneLineSayingHowMuchIsNeeded() {
        // 16 ranks with 1 GiB rings: 240 GiB, more than this machine's /dev/shm has.
        JobOutcome outcome =
                ShmJobs.run(16, Map.of(ShmConfig.RING_BYTES_ENV, "1g"), LIMIT, line -> {}, PingPongRank.class, "1");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure())
                .as(() -> ShmJobs.describe(outcome))
                .contains("shm", "needs", "bytes", ShmConfig.RING_BYTES_ENV)
                .doesNotContain("\n");
        assertThat(outcome.output()).as("no rank started").isEmpty();
    }

    private static void assertPassed(JobOutcome outcome, int np, String passed) {
        assertThat(outcome.succeeded()).as(() -> ShmJobs.describe(outcome)).isTrue();
        for (int rank = 0; rank < np; rank++) {
            assertThat(outcome.output()).contains(passed + rank);
        }
    }
}
