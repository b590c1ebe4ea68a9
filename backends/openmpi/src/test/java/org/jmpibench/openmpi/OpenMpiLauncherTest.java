package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.JobSpec.RankLine;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real mpirun jobs: MPMD leader, rank-tagged output, environment passing. */
class OpenMpiLauncherTest {

    private final OpenMpiBackend backend = new OpenMpiBackend();

    @BeforeEach
    void openMpiIsAvailable() {
        Assumptions.assumeTrue(
                backend.availability().available(), () -> backend.availability().reason());
    }

    @AfterEach
    void noProcessLeftBehind() {
        List<String> alive = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
        assertThat(alive).as("processes still running after the job").isEmpty();
    }

    @Test
    void theLeaderRunsAsRankZeroAndTheProgramOnTheOtherRanks() {
        List<RankLine> lines = new CopyOnWriteArrayList<>();
        JobSpec spec = new JobSpec(
                3,
                program("follower"),
                program("leader"),
                Duration.ofSeconds(60),
                Map.of("JMPI_TEST_VALUE", "from-the-spec"),
                null,
                lines::add,
                null,
                Idle.DEFAULT);

        JobOutcome outcome = backend.launcher().run(spec);

        assertThat(outcome.succeeded())
                .as(outcome.failure() + "\n" + outcome.output())
                .isTrue();
        assertThat(outcome.exitCodes()).containsExactly(0, 0, 0);
        assertThat(lines)
                .contains(
                        new RankLine(0, false, "leader rank=0 size=3 sum=3 value=from-the-spec"),
                        new RankLine(1, false, "follower rank=1 size=3 sum=3 value=from-the-spec"),
                        new RankLine(2, false, "follower rank=2 size=3 sum=3 value=from-the-spec"));
        assertThat(outcome.output()).contains("[rank 2] follower rank=2");
    }

    @Test
    void aLeaderAloneIsAOneRankJob() {
        JobOutcome outcome = backend.launcher()
                .run(JobSpec.of(1, program("follower"), Duration.ofSeconds(60)).withLeader(program("leader")));

        assertThat(outcome.succeeded())
                .as(outcome.failure() + "\n" + outcome.output())
                .isTrue();
        assertThat(outcome.output()).contains("[rank 0] leader rank=0 size=1 sum=0");
    }

    @Test
    void aLauncherOfAnUnavailableBackendRefusesWithTheReason(@org.junit.jupiter.api.io.TempDir Path empty) {
        OpenMpiBackend missing = new OpenMpiBackend(OpenMpiLocatorTest.lookingOnlyIn(empty));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> missing.launcher().run(JobSpec.of(2, program("x"), Duration.ofSeconds(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mpi.jar");
    }

    @Test
    void theAdapterHandlesHeapSlicesReadOnlyBuffersMisuseAndTruncation() {
        RankProgram edges = new RankProgram(
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                program("unused").classpath(),
                EdgeCaseRank.class.getName(),
                List.of());
        JobOutcome outcome = backend.launcher().run(JobSpec.of(2, edges, Duration.ofSeconds(60)));

        assertThat(outcome.succeeded())
                .as(outcome.failure() + "\n" + outcome.output())
                .isTrue();
        assertThat(outcome.output()).contains(EdgeCaseRank.PASSED + 0, EdgeCaseRank.PASSED + 1);
    }

    @Test
    void aFailingRankIsReportedWithItsStatusOrSignal() {
        JobOutcome exit = backend.launcher().run(JobSpec.of(3, faulty("exit", 1), Duration.ofSeconds(30)));
        System.out.println("exit: " + exit.failure() + " " + exit.exitCodes());
        assertThat(exit.failure()).startsWith("backend openmpi: rank 1 exited with status 3");
        assertThat(exit.exitCodes().get(1)).isEqualTo(3);

        JobOutcome kill = backend.launcher().run(JobSpec.of(2, faulty("kill", 1), Duration.ofSeconds(30)));
        System.out.println("kill: " + kill.failure() + " " + kill.exitCodes());
        assertThat(kill.failure()).startsWith("backend openmpi: rank 1 was killed by signal 9 (SIGKILL)");
        assertThat(kill.exitCodes().get(1)).isEqualTo(137);
        assertThat(kill.timedOut()).isFalse();
    }

    private static RankProgram faulty(String mode, int rank) {
        return new RankProgram(
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                program("unused").classpath(),
                org.jmpibench.conformance.FaultyRank.class.getName(),
                List.of(mode, Integer.toString(rank)));
    }

    private static RankProgram program(String role) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        return RankProgram.of(classpath, RoleRank.class.getName(), role)
                .withJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }
}
