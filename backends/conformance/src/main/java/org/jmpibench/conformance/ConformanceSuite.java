package org.jmpibench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPI conformance suite. A backend's test class extends this and names its backend; every test then runs real
 * multi-process jobs of that backend. Data correctness is checked inside the ranks by {@link ConformanceRank}; here we
 * check how each job ended, and that it left no process behind.
 *
 * <p>JDKs: the data tests run on every JDK of {@link TestJdks} (17 and 25 by default), and check that the ranks really
 * ran on it. The fault tests run on the test JVM's own JDK only: what they check (a rank's exit status, uncaught
 * exception, death by signal or hang ends the job, naming the rank) is noticed by the launcher in this JVM, whatever
 * JDK the ranks run. A backend whose failure handling lives inside its rank JVM and differs by JDK tests that on each
 * JDK itself (mpj-smpdev's System.exit guard, shm's liveness locks).
 */
public abstract class ConformanceSuite {

    /** Generous: every check at np 5 on the slowest backend, 2.5 ranks per core, takes well under a minute. */
    private static final Duration JOB_LIMIT = Duration.ofSeconds(300);
    /** A failing rank must end its job well within this (issue: "within 30 s"). */
    private static final Duration FAULT_LIMIT = Duration.ofSeconds(30);
    /** How long ranks wait for a stalled one before their watchdog halts them. */
    private static final Duration STALL_WATCHDOG = Duration.ofSeconds(3);

    @TempDir
    Path shared;

    /** The backend under test. */
    protected abstract Backend backend();

    /** The class path of the rank JVMs: by default this test JVM's own, which holds the backend under test. */
    protected List<Path> rankClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
    }

    @BeforeEach
    void backendIsAvailable() {
        var availability = backend().availability();
        Assumptions.assumeTrue(
                availability.available(), () -> backend().name() + " is not available: " + availability.reason());
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

    /**
     * One job per JDK and rank count runs every check ({@link ConformanceRank}). The first JDK (the baseline) runs np 2
     * (a pair), 3 and 5 (not powers of two: the trees' and rings' uneven cases) and 4 (a power of two); every other JDK
     * runs np 3, whose job has pairs and an uneven tree, and covers what a different JVM can change (its memory and
     * copy paths, its threads) at a fraction of the time: the five backends' suites are most of the test command's
     * time.
     */
    static Stream<Arguments> jdksAndRankCounts() {
        List<String> jdks = TestJdks.names();
        return jdks.stream()
                .flatMap(jdk -> (jdk.equals(jdks.get(0)) ? IntStream.of(2, 3, 4, 5) : IntStream.of(3))
                        .mapToObj(np -> Arguments.of(jdk, np)));
    }

    @ParameterizedTest(name = "JDK {0}, np={1}")
    @MethodSource("jdksAndRankCounts")
    void everyOperationDeliversTheRightData(String jdkName, int np) {
        Jdk jdk = TestJdks.require(jdkName);
        JobOutcome outcome = run(jdk, np, JOB_LIMIT, ConformanceRank.class, Integer.toString(np), shared.toString());
        assertThat(outcome.succeeded()).as(() -> describe(outcome)).isTrue();
        for (int rank = 0; rank < np; rank++) {
            assertThat(outcome.output())
                    .as("rank %d reports success on %s", rank, jdk)
                    .contains(ConformanceRank.PASSED + rank + ConformanceRank.ON_JAVA + jdk.version());
        }
    }

    /** A message longer than the receive buffer, or one request too many, fails the communicator for good. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncate", "too-many-requests"})
    void misuseThatFailsTheCommunicatorThrowsCommunicatorExceptionFromThenOn(String mode) {
        JobOutcome outcome = run(2, FAULT_LIMIT, MisuseRank.class, mode);
        assertThat(outcome.succeeded()).as(() -> describe(outcome)).isTrue();
        for (int rank = 0; rank < 2; rank++) {
            assertThat(outcome.output()).as("rank %d reports success", rank).contains(MisuseRank.PASSED + rank);
        }
    }

    // The fault tests are protected so that a backend for which one cannot hold as written (smpdev: every rank is a
    // thread of one JVM, so "kill -9 one rank" kills them all) can override it with what does hold, and say why.
    @Test
    protected void aRankThatExitsWithAnErrorFailsTheJobAndIsNamed() {
        assertFaultNamesRank("exit", 1, 3);
    }

    @Test
    protected void aRankThatThrowsFailsTheJobAndIsNamed() {
        JobOutcome outcome = assertFaultNamesRank("throw", 2, 3);
        assertThat(outcome.failure()).contains("deliberate failure in rank 2");
    }

    @Test
    protected void aRankKilledWithSigkillFailsTheJobAndIsNamed() {
        assertFaultNamesRank("kill", 1, 2);
    }

    @Test
    protected void aRankThatHangsIsEndedByTheTimeLimit() {
        JobOutcome outcome = run(2, Duration.ofSeconds(8), FaultyRank.class, "hang", "1");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.timedOut()).as(() -> describe(outcome)).isTrue();
        assertThat(outcome.failure())
                .as(() -> describe(outcome))
                .contains("timed out")
                .startsWith("backend " + backend().name() + ": rank 1 stopped making progress; rank 0 waited for it");
    }

    /** Who stalls in {@link StallingRank}, and how. */
    protected enum Stall {
        HUNG_FOLLOWER("hang"),
        HUNG_LEADER("hang"),
        KILLED_FOLLOWER("kill");

        final String mode;

        Stall(String mode) {
            this.mode = mode;
        }

        int rank(int np) {
            return switch (this) {
                case HUNG_FOLLOWER -> np - 1;
                case HUNG_LEADER -> 0;
                case KILLED_FOLLOWER -> 1;
            };
        }
    }

    static Stream<Arguments> stalls() {
        return Stream.of(Stall.values()).flatMap(stall -> Stream.of(2, 4).map(np -> Arguments.of(stall, np)));
    }

    /**
     * The failure names the rank that stopped making progress, not the one that noticed: a hung rank is found at the
     * end of the chain of ranks waiting for one another (their watchdogs fire, it does not), a killed one also when a
     * rank that waited for it fails first.
     */
    @ParameterizedTest(name = "{0} at np {1}")
    @MethodSource("stalls")
    protected void theRankThatStoppedMakingProgressIsNamed(Stall stall, int np) {
        Assumptions.assumeTrue(
                stall.mode.equals("hang") || eachRankIsAProcess(),
                "one rank cannot be killed alone: every rank is a thread of one JVM");
        int stalling = stall.rank(np);
        JobOutcome outcome = run(
                np,
                FAULT_LIMIT,
                StallingRank.class,
                stall.mode,
                Integer.toString(stalling),
                Long.toString(STALL_WATCHDOG.toSeconds()));
        assertThat(outcome.succeeded()).as(() -> describe(outcome)).isFalse();
        assertThat(outcome.timedOut())
                .as("a watchdog or the death ended the job: %s", describe(outcome))
                .isFalse();
        String named = "backend " + backend().name() + ": rank " + stalling + " ";
        if (stall.mode.equals("hang")) {
            assertThat(outcome.failure())
                    .as(() -> describe(outcome))
                    .startsWith(named + "stopped making progress in '" + StallingRank.STALLING_ROUND + "'; rank ")
                    .contains("waited for it")
                    .contains("did not finish within");
        } else {
            assertThat(outcome.failure()).as(() -> describe(outcome)).startsWith(named + "was killed by signal 9");
        }
    }

    /** False where ranks are threads of one JVM, so that a signal cannot end one rank alone. */
    protected boolean eachRankIsAProcess() {
        return true;
    }

    private JobOutcome assertFaultNamesRank(String mode, int failingRank, int np) {
        JobOutcome outcome = run(np, FAULT_LIMIT, FaultyRank.class, mode, Integer.toString(failingRank));
        assertThat(outcome.succeeded()).as(() -> describe(outcome)).isFalse();
        assertThat(outcome.timedOut())
                .as("the failure was noticed before the time limit: %s", describe(outcome))
                .isFalse();
        assertThat(outcome.failure())
                .as(() -> describe(outcome))
                .contains(backend().name())
                .contains("rank " + failingRank);
        return outcome;
    }

    /** Runs {@code main} as an np-rank job on the test JVM's own JDK. */
    protected JobOutcome run(int np, Duration limit, Class<?> main, String... args) {
        return run(null, np, limit, main, args);
    }

    /** Runs {@code main} as an np-rank job whose ranks run on {@code jdk} (null: the test JVM's own). */
    protected JobOutcome run(Jdk jdk, int np, Duration limit, Class<?> main, String... args) {
        RankProgram program = RankProgram.of(rankClasspath(), main.getName(), args)
                .withJvmOptions(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        return backend().launcher().run(JobSpec.of(np, program, limit).withJdk(jdk));
    }

    private static String describe(JobOutcome outcome) {
        return "failure: " + outcome.failure() + "\nexit codes: " + outcome.exitCodes() + "\noutput:\n"
                + outcome.output();
    }
}
