package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the conformance suite does not cover, for both MPJ devices: truncation, and a leader program on rank 0. */
abstract class MpjJobTests {

    static final List<String> SMALL_JVM = jvmWithHeap("256m");

    /** {@link #SMALL_JVM}'s options with another heap size, for ranks that hold large messages. */
    static List<String> jvmWithHeap(String size) {
        return List.of("-Xmx" + size, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    abstract Backend backend();

    @BeforeEach
    void mpjIsInstalled() {
        var availability = backend().availability();
        Assumptions.assumeTrue(availability.available(), availability::reason);
    }

    @AfterEach
    void noProcessLeftBehind() {
        assertThat(liveDescendants())
                .as("processes still running after the job")
                .isEmpty();
    }

    @Test
    void aMessageLongerThanTheReceiveCountIsAnErrorNotACut() {
        JobOutcome outcome = run(JobSpec.of(2, program(TruncationRank.class), Duration.ofSeconds(60)));
        assertThat(outcome.output()).as(outcome::toString).contains(TruncationRank.DETECTED);
    }

    @Test
    void rankZeroRunsTheLeaderProgramAndTheOthersTheFollowerProgram() {
        RankProgram follower = program(FollowerRank.class, "f1", "f 2");
        RankProgram leader =
                program(LeaderRank.class, "l1").withJvmOptions(concat(SMALL_JVM, "-Djmpi.test.role=leader"));
        List<JobSpec.RankLine> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobOutcome outcome = run(JobSpec.of(3, follower, Duration.ofSeconds(60))
                .withLeader(leader)
                .withOutput(lines::add));
        assertThat(outcome.succeeded()).as(outcome::toString).isTrue();
        assertThat(outcome.output())
                .contains("LEADER rank 0 args l1 sum 30 property leader")
                .contains("FOLLOWER rank 1 args f1,f 2")
                .contains("FOLLOWER rank 2 args f1,f 2")
                .doesNotContain("FOLLOWER rank 0");
        // Each line reaches the output consumer attributed to the rank that printed it.
        assertThat(lines)
                .contains(
                        new JobSpec.RankLine(0, false, "LEADER rank 0 args l1 sum 30 property leader"),
                        new JobSpec.RankLine(2, false, "FOLLOWER rank 2 args f1,f 2"));
    }

    JobOutcome run(JobSpec spec) {
        return backend().launcher().run(spec);
    }

    static RankProgram program(Class<?> main, String... args) {
        return RankProgram.of(testClasspath(), main.getName(), args).withJvmOptions(SMALL_JVM);
    }

    static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
    }

    static List<String> liveDescendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }
}
