package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} on the command line gives it no chance to stop its ranks. Ranks that our own launcher started watch
 * the launcher's PID ({@code JMPI_LAUNCHER_PID}, checked in {@code Job.communicator()}) and halt when it is gone,
 * instead of running on as orphans that wait forever for a peer. (Open MPI's {@code mpirun} and the single mpj-smpdev
 * JVM are the launcher's direct children and are ended by their own rules: mpirun's time-out backstop, the smpdev JVM's
 * own watch.)
 */
class OrphanTest {

    private static final Duration RANKS_UP_LIMIT = Duration.ofSeconds(120);
    /** The JDK polls a non-child process's liveness; give it a few rounds. */
    private static final Duration ORPHAN_LIMIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loopback", "shm", "mpj-niodev"})
    void ranksStopWhenTheCommandLineIsKilledWithSigkill(String backend) throws Exception {
        AvailableBackends.assumeAvailable(backend);
        try (CliProcess cli = CliProcess.start(
                "run",
                "--backend",
                backend,
                "--np",
                "3",
                "--timeout",
                "600",
                "org.jmpibench.conformance.FaultyRank",
                "hang",
                "1")) {
            try {
                cli.awaitStderrLine(line -> line.contains("fails on purpose"), RANKS_UP_LIMIT);
                cli.watch().sampleNow();
                List<ProcessHandle> ranks = cli.watch().descendantsSeen();
                assertThat(ranks).as("rank processes of the running job").hasSizeGreaterThanOrEqualTo(3);

                cli.handle().destroyForcibly();
                cli.handle().onExit().get();

                assertThat(cli.watch().survivors(ORPHAN_LIMIT))
                        .as("ranks still alive after the launcher died")
                        .isEmpty();
                assertThat(cli.watch().sharedMemoryFilesLeft())
                        .as("files of the job left in /dev/shm")
                        .isEmpty();
            } finally {
                cli.close();
                cli.watch().deleteSharedMemoryFilesLeft();
            }
        }
    }
}
