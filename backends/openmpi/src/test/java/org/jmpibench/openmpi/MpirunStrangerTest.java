package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jmpibench.conformance.BackgroundJob;
import org.jmpibench.launcher.ForeignConnections;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mpirun accepts anyone on its ports and does not exit while a silent connection to one of them stays open (which one:
 * bench/reliability/README.md, Who can connect): strangers would hold the job until its time limit. We cannot change
 * mpirun; the job fails within seconds, with one line naming the cause.
 */
class MpirunStrangerTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final int NP = 2;

    private final OpenMpiBackend backend = new OpenMpiBackend();
    private final List<Socket> strangers = new ArrayList<>();

    @TempDir
    Path shared;

    @BeforeEach
    void openMpiIsAvailable() {
        Assumptions.assumeTrue(
                backend.availability().available(), () -> backend.availability().reason());
    }

    @AfterEach
    void strangersLeaveAndNoProcessIsLeftBehind() throws IOException {
        for (Socket socket : strangers) {
            socket.close();
        }
        List<String> alive = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
        assertThat(alive).as("processes still running after the job").isEmpty();
    }

    @Test
    void silentConnectionsToMpirunsPortsFailTheJobFastWithOneLine() throws Exception {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        RankProgram gated = RankProgram.of(classpath, GatedRank.class.getName(), shared.toString())
                .withJvmOptions(List.of("-Xmx128m", "-XX:+UseSerialGC"));
        try (BackgroundJob job = BackgroundJob.start(() -> backend.launcher().run(JobSpec.of(NP, gated, LIMIT)))) {
            ProcessHandle mpirun = awaitRanksAtTheGate(job);
            Set<Integer> ports = ForeignConnections.listeningPorts(mpirun);
            assertThat(ports).as("mpirun's listening ports").isNotEmpty();
            for (int port : ports) {
                for (int i = 0; i < 200; i++) {
                    strangers.add(new Socket(InetAddress.getLoopbackAddress(), port));
                }
            }
            Files.createFile(shared.resolve(GatedRank.GO));

            JobOutcome outcome = job.await(LIMIT.plusSeconds(30));
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.timedOut())
                    .as("failed fast, not at the time limit: %s", outcome.failure())
                    .isFalse();
            assertThat(outcome.failure())
                    .as(outcome.output())
                    .startsWith("backend openmpi: job stopped: ")
                    .contains(" connections from outside the job to mpirun's ports ")
                    .contains("(from PID " + ProcessHandle.current().pid() + " java)")
                    .doesNotContain("\n");
        }
    }

    /**
     * Waits until every rank has written its at-gate file: by then MPI_Init is done everywhere, so mpirun has opened
     * all its ports (it opens them one by one while it starts; a test that took the first one it saw could miss the one
     * that holds the job). mpirun is then the launcher's child that has children of its own.
     */
    private ProcessHandle awaitRanksAtTheGate(BackgroundJob job) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline && !job.isDone()) {
            if (allRanksAtTheGate()) {
                List<ProcessHandle> withRanks = ProcessHandle.current()
                        .children()
                        .filter(child -> child.children().findAny().isPresent())
                        .collect(Collectors.toList());
                assertThat(withRanks).as("mpirun: the one child with ranks").hasSize(1);
                return withRanks.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the ranks did not reach the gate");
    }

    private boolean allRanksAtTheGate() {
        for (int rank = 0; rank < NP; rank++) {
            if (!Files.exists(shared.resolve(GatedRank.AT_GATE + rank))) {
                return false;
            }
        }
        return true;
    }
}
