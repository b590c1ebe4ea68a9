package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ctrl-C and {@code kill} on the command line itself while a job hangs: the command line must end (well before the
 * job's own time limit) and take every process of the job with it, leaving no listening socket and no shared-memory
 * file. Each backend is tried with SIGTERM and with SIGINT.
 */
class SignalTest {

    /** Far beyond the test: the job must end because of the signal, not its time limit. */
    private static final String JOB_TIMEOUT_SECONDS = "600";

    private static final Duration RANKS_UP_LIMIT = Duration.ofSeconds(120);
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);
    /** The exit hook's SIGKILLs are sent, not waited for: give the kernel a moment to deliver them. */
    private static final Duration DEATH_GRACE = Duration.ofSeconds(10);
    /** Bit of SIGINT (2) in /proc/PID/status's SigIgn mask. */
    private static final BigInteger SIGINT_BIT = BigInteger.ONE.shiftLeft(1);

    /** How many processes below the command line a 4-rank job has at least. */
    private static final Map<String, Integer> MIN_PROCESSES = Map.of(
            "loopback",
            4,
            "shm",
            4,
            "mpj-niodev",
            4,
            "openmpi",
            5, // mpirun and 4 rank JVMs
            "mpj-smpdev",
            1); // every rank is a thread of one JVM

    /** Backends whose ranks listen on TCP ports (so the socket check below has something to check). */
    private static final java.util.Set<String> TCP_BACKENDS = java.util.Set.of("loopback", "mpj-niodev");

    /**
     * Backends whose MPI runtime listens on every interface, out of our hands (see the README): MPJ Express's niodev
     * ranks bind their data ports to the wildcard address while they connect; Open MPI 4.1's mpirun binds its
     * out-of-band TCP listener to 0.0.0.0 and [::] even with {@code --mca oob_tcp_if_include lo}.
     */
    private static final java.util.Set<String> WILDCARD_LISTENERS = java.util.Set.of("mpj-niodev", "openmpi");

    static Stream<Arguments> backendsAndSignals() {
        return Stream.of("TERM", "INT")
                .flatMap(signal -> Arrays.stream(AvailableBackends.ALL).map(backend -> Arguments.of(backend, signal)));
    }

    @ParameterizedTest(name = "SIG{1} on {0}")
    @MethodSource("backendsAndSignals")
    void signalToTheCommandLineEndsTheJobAndLeavesNothing(String backend, String signal) throws Exception {
        AvailableBackends.assumeAvailable(backend);
        try (CliProcess cli = CliProcess.start(
                "run",
                "--backend",
                backend,
                "--np",
                "4",
                "--timeout",
                JOB_TIMEOUT_SECONDS,
                "org.jmpibench.conformance.FaultyRank",
                "hang",
                "1")) {
            try {
                if (signal.equals("INT")) {
                    // Started in the background by a non-interactive shell, a process inherits SIGINT ignored
                    // and the JVM keeps it so (as under nohup): then Ctrl-C cannot reach it, whatever we do.
                    Assumptions.assumeFalse(
                            ignoresSigint(cli.pid()), "this test JVM's children inherit SIGINT ignored");
                }
                cli.awaitStderrLine(line -> line.contains("fails on purpose"), RANKS_UP_LIMIT);
                cli.watch().sampleNow();
                List<ProcessHandle> job = cli.watch().descendantsSeen();
                assertThat(job)
                        .as("processes of the running job")
                        .hasSizeGreaterThanOrEqualTo(MIN_PROCESSES.get(backend));

                if (TCP_BACKENDS.contains(backend)) {
                    assertThat(cli.watch().listeningSocketsSeen())
                            .as("listening sockets of a TCP job")
                            .isPositive();
                }
                if (!WILDCARD_LISTENERS.contains(backend)) {
                    // No stranger on the socket: nothing of ours listens beyond this machine.
                    assertThat(cli.watch().listeningAddressesSeen())
                            .as("addresses the job listened on")
                            .allMatch(TcpTable::isLoopback);
                }

                send(signal, cli.pid());
                CliProcess.Result result = cli.awaitExit(EXIT_LIMIT);

                assertThat(result.status())
                        .as("a run ended by a signal must not look like success; " + result)
                        .isNotZero();
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

    private static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return new BigInteger(line.substring("SigIgn:".length()).strip(), 16)
                                .and(SIGINT_BIT)
                                .signum()
                        != 0;
            }
        }
        return false;
    }
}
