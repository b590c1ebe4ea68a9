package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rank that dies in the middle of a job, seen through the command line: {@code jmpi-bench run} must exit 1 with one
 * line naming the backend and the rank, without waiting for the job's time limit, and leave no process, no listening
 * socket and no shared-memory file of the job. (ConformanceSuite checks the same through the launcher API in each
 * backend's module; this checks what a user of the command line gets.)
 */
class MidJobFaultTest {

    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);
    private static final Duration DEATH_GRACE = Duration.ofSeconds(10);

    /** What the failure line says, per way of dying, where a rank is a process of its own. */
    private static final Map<String, String> HOW = Map.of(
            "exit", "rank 1 exited with status 3",
            "kill", "rank 1 was killed by signal 9");
    /**
     * mpj-smpdev runs every rank as a thread of one JVM: it stops System.exit in a rank and names the rank, but a
     * SIGKILL takes all ranks at once, and then no rank is left to blame.
     */
    private static final Map<String, String> HOW_IN_ONE_JVM = Map.of(
            "exit", "rank 1 called System.exit(3)",
            "kill", "the JVM holding all 4 ranks was killed by signal 9");

    static Stream<Arguments> backendsAndFaults() {
        return Stream.of("exit", "kill")
                .flatMap(fault -> Arrays.stream(AvailableBackends.ALL).map(backend -> Arguments.of(backend, fault)));
    }

    @ParameterizedTest(name = "{1} in rank 1 on {0}")
    @MethodSource("backendsAndFaults")
    void aRankThatDiesFailsTheRunWithOneLineNamingIt(String backend, String fault) throws Exception {
        AvailableBackends.assumeAvailable(backend);
        try (CliProcess cli = CliProcess.start(
                "run",
                "--backend",
                backend,
                "--np",
                "4",
                "--timeout",
                "300",
                "org.jmpibench.conformance.FaultyRank",
                fault,
                "1")) {
            try {
                CliProcess.Result result = cli.awaitExit(EXIT_LIMIT);

                assertThat(result.status()).as(result.toString()).isEqualTo(1);
                List<String> ours = result.errLinesStartingWith("jmpi-bench:");
                assertThat(ours).as(result.toString()).hasSize(1);
                assertThat(ours.get(0))
                        .startsWith("jmpi-bench: job failed: backend " + backend + ": "
                                + (backend.equals("mpj-smpdev") ? HOW_IN_ONE_JVM : HOW).get(fault));
                assertThat(cli.watch().descendantsSeen())
                        .as("the watch saw the job's processes")
                        .isNotEmpty();
                assertThat(cli.watch().survivors(DEATH_GRACE))
                        .as("processes of the job still alive")
                        .isEmpty();
                assertThat(cli.watch().listeningSocketsLeft())
                        .as("listening sockets of the job")
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
