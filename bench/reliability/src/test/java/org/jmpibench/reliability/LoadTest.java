package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.jmpibench.cli.SeedOutput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Load on this 2-core machine: 16 ranks (8 per core) and one 256 MiB message must still work on every backend, and
 * leave nothing behind. Tagged slow, yet part of the default build: CI runs only {@code mvn verify} (exclude by hand
 * with {@code -DexcludedGroups=slow}).
 */
@Tag("slow")
class LoadTest {

    private static final Duration LIMIT = Duration.ofSeconds(240);
    private static final int BIG_MESSAGE_MIB = 256;

    @ParameterizedTest(name = "demo, 16 ranks, {0}")
    @ValueSource(strings = {"loopback", "shm", "openmpi", "mpj-niodev", "mpj-smpdev"})
    void sixteenRanksPrintTheSeedsOutput(String backend) throws InterruptedException {
        AvailableBackends.assumeAvailable(backend);
        try (CliProcess cli = CliProcess.start("demo", "--backend", backend, "--np", "16")) {
            CliProcess.Result result = cli.awaitExit(LIMIT);

            assertThat(result.status()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo(SeedOutput.forRanks(16));
            assertThat(cli.watch().survivors(Duration.ofSeconds(10))).isEmpty();
        }
    }

    /**
     * ConformanceRank's third argument sizes its big message: an int[] of 256 MiB from rank 0 to the last rank, checked
     * element by element, besides every other conformance check. Each rank JVM gets 2 GiB of heap (mpj-smpdev's one JVM
     * holds both ranks' arrays and MPJ's buffers in it).
     */
    @ParameterizedTest(name = "256 MiB message, {0}")
    @ValueSource(strings = {"loopback", "shm", "openmpi", "mpj-niodev", "mpj-smpdev"})
    void aQuarterGibibyteMessageArrivesIntact(String backend, @TempDir Path shared) throws InterruptedException {
        AvailableBackends.assumeAvailable(backend);
        try (CliProcess cli = CliProcess.start(
                "run",
                "--backend",
                backend,
                "--np",
                "2",
                "--timeout",
                "200",
                "--jvm-option",
                "-Xmx2g",
                "org.jmpibench.conformance.ConformanceRank",
                "2",
                shared.toString(),
                Integer.toString(BIG_MESSAGE_MIB))) {
            CliProcess.Result result = cli.awaitExit(LIMIT);

            assertThat(result.status()).as(result.toString()).isZero();
            assertThat(result.out())
                    .as(result.toString())
                    .contains("[ok] " + BIG_MESSAGE_MIB + " MiB message")
                    .contains("CONFORMANCE PASSED rank 0")
                    .contains("CONFORMANCE PASSED rank 1");
            assertThat(cli.watch().survivors(Duration.ofSeconds(10))).isEmpty();
            assertThat(cli.watch().sharedMemoryFilesLeft()).isEmpty();
        }
    }
}
