package org.jmpibench.multihost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures across hosts, seen through the command line on host 1: a job of four ranks (h1: 0 2, h2: 1 3) whose ranks
 * wait for each other, then a rank on host 2 is killed, or every process of host 2 is (a host that dies). Either must
 * end the job within 30 s with one line naming the host and a rank, and leave nothing: no process on any host, nothing
 * of Open MPI on the host that lived, and, once the hosts are removed, nothing at all.
 */
class HostFailureTest {

    /** The limit for noticing a dead rank or host. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(30);

    private static final Duration STARTED_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path files;

    private NamespaceHosts hosts;

    @BeforeEach
    void makeHosts() {
        hosts = NamespaceHosts.make(2);
    }

    @AfterEach
    void removeHosts() {
        if (hosts != null) {
            hosts.close();
            assertThat(hosts.everythingLeft())
                    .as("what the hosts left after their removal")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "openmpi", "mpj-niodev"})
    void aRankKilledOnAnotherHostEndsTheJobNamingHostAndRank(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        try (CliInHost cli = startWaitingJob(backend)) {
            long victim = rankProcess(2, 3)
                    .orElseThrow(() -> new AssertionError("no process of rank 3 on host 2: " + hosts.pids(2)));
            ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);

            CliInHost.Result result = cli.awaitExit(NOTICED_WITHIN);

            assertThat(result.status()).as(result.toString()).isEqualTo(1);
            List<String> ours = result.errLinesStartingWith("jmpi-bench:");
            assertThat(ours).as(result.toString()).hasSize(1);
            assertThat(ours.get(0))
                    .startsWith("jmpi-bench: job failed: backend " + backend + ": rank 3 on host " + hosts.host(2)
                            + " was killed by signal 9");
        }
        assertNothingLeftBeside(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "openmpi", "mpj-niodev"})
    void aHostWhoseProcessesAllDieEndsTheJobNamingHostAndRank(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        try (CliInHost cli = startWaitingJob(backend)) {
            List<Long> all = hosts.pids(2);
            assertThat(all).as("processes on host 2").isNotEmpty();
            all.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

            CliInHost.Result result = cli.awaitExit(NOTICED_WITHIN);

            assertThat(result.status()).as(result.toString()).isEqualTo(1);
            List<String> ours = result.errLinesStartingWith("jmpi-bench:");
            assertThat(ours).as(result.toString()).hasSize(1);
            assertThat(ours.get(0))
                    .startsWith("jmpi-bench: job failed: backend " + backend + ": ")
                    .contains(hosts.host(2))
                    .containsPattern("ranks? [13]");
        }
        assertNothingLeftBeside(2);
    }

    /**
     * Rank 1, on host 2, stops making progress between two collectives while the other ranks wait for it in the next
     * one: their watchdogs fire first, and the line names rank 1 with its host, read from the job's progress board
     * (which the hosts here share), not the rank that noticed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "openmpi", "mpj-niodev"})
    void aRankThatHangsOnAnotherHostIsNamedWithItsHost(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        try (CliInHost cli = CliInHost.start(
                hosts,
                1,
                "run",
                "--backend",
                backend,
                "-n",
                "4",
                "--hostfile",
                hosts.hostfile(files, 2, 2).toString(),
                "--map-by",
                "node",
                "--launch-agent",
                NamespaceHosts.AGENT.toString(),
                "--interface",
                NamespaceHosts.INTERFACE,
                "--timeout",
                "300",
                "org.jmpibench.conformance.StallingRank",
                "hang",
                "1",
                "5")) {
            CliInHost.Result result = cli.awaitExit(STARTED_WITHIN);

            assertThat(result.status()).as(result.toString()).isEqualTo(1);
            List<String> ours = result.errLinesStartingWith("jmpi-bench:");
            assertThat(ours).as(result.toString()).hasSize(1);
            assertThat(ours.get(0))
                    .as(result.toString())
                    .startsWith("jmpi-bench: job failed: backend " + backend + ": rank 1 on host " + hosts.host(2)
                            + " stopped making progress in 'round 2'; rank ");
        }
        assertThat(hosts.processesLeft(10_000))
                .as("processes left in the hosts")
                .isEmpty();
    }

    /**
     * The command line itself killed with SIGKILL, so it cannot stop its ranks, which all run on host 2 and wait for
     * rank 0: no peer goes away, only the launcher, and each rank must notice by its stdin's end (the launch agent's
     * connection), and halt. (openmpi is left out: its mpirun outlives a killed launcher until its own time limit, job
     * limit + 10 s, see README.)
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "mpj-niodev"})
    void ranksOnAnotherHostHaltWhenTheLauncherIsKilled(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        Path onlyHost2 = Files.writeString(files.resolve("host2"), hosts.host(2) + " slots=4\n");
        try (CliInHost cli = startWaitingJob(backend, onlyHost2, "slot")) {
            for (int rank = 0; rank < 4; rank++) {
                assertThat(rankProcess(1, rank)).as("rank %d on host 1", rank).isEmpty();
                assertThat(rankProcess(2, rank)).as("rank %d on host 2", rank).isPresent();
            }
            cli.kill();
            assertThat(hosts.processesLeft(NOTICED_WITHIN.toMillis()))
                    .as("processes left in the hosts")
                    .isEmpty();
        }
    }

    /** Ranks 0 2 on host 1, 1 3 on host 2, all past a barrier and waiting for rank 0, which sleeps. */
    private CliInHost startWaitingJob(String backend) throws Exception {
        return startWaitingJob(backend, hosts.hostfile(files, 2, 2), "node");
    }

    /** Four ranks placed by {@code hostfile}, all past a barrier and waiting for rank 0, which sleeps. */
    private CliInHost startWaitingJob(String backend, Path hostfile, String mapBy) throws Exception {
        CliInHost cli = CliInHost.start(
                hosts,
                1,
                "run",
                "--backend",
                backend,
                "-n",
                "4",
                "--hostfile",
                hostfile.toString(),
                "--map-by",
                mapBy,
                "--launch-agent",
                NamespaceHosts.AGENT.toString(),
                "--interface",
                NamespaceHosts.INTERFACE,
                "--timeout",
                "300",
                "org.jmpibench.conformance.FaultyRank",
                "hang",
                "0");
        try {
            cli.awaitStderrLine(line -> line.contains("rank 0 fails on purpose: hang"), STARTED_WITHIN);
        } catch (AssertionError | InterruptedException e) {
            cli.close();
            throw e;
        }
        return cli;
    }

    /**
     * The process of rank {@code rank} on host {@code i}: the one whose environment gives it that rank (ours set
     * JMPI_RANK, Open MPI's OMPI_COMM_WORLD_RANK).
     */
    private Optional<Long> rankProcess(int i, int rank) {
        for (long pid : hosts.pids(i)) {
            try {
                String environ = new String(
                        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), StandardCharsets.UTF_8);
                for (String entry : environ.split("\0")) {
                    if (entry.equals("JMPI_RANK=" + rank) || entry.equals("OMPI_COMM_WORLD_RANK=" + rank)) {
                        return Optional.of(pid);
                    }
                }
            } catch (IOException e) {
                // Gone meanwhile: not the one.
            }
        }
        return Optional.empty();
    }

    /**
     * No process on any host, and no Open MPI file of any host but {@code dead} (whose processes were killed before
     * they could clean up: on a real cluster those files are on that host; the hosts' removal deletes them here, which
     * {@link #removeHosts} checks).
     */
    private void assertNothingLeftBeside(int dead) throws InterruptedException {
        assertThat(hosts.processesLeft(10_000))
                .as("processes left in the hosts")
                .isEmpty();
        for (int i = 1; i <= 2; i++) {
            if (i != dead) {
                assertThat(hosts.filesOf(i))
                        .as("session directories and shm files of host %d", i)
                        .isEmpty();
            }
        }
    }
}
