package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.harness.job.Follower;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.Test;

class ForkCommandTest {

    private static final String CP =
            String.join(File.pathSeparator, "/a/harness.jar", "/b/classes", "", "/c/jmh-core.jar");

    /** JMH 1.37's fork command after the executable: jvmArgs, compiler hints, -cp, ForkedMain, host, port. */
    private static List<String> jmhFork() {
        return List.of(
                "-Xms256m",
                "-Xmx512m",
                "-Djmpi.bench.watchdogSeconds=120",
                "-XX:CompileCommandFile=/tmp/jmh123compilecommand",
                "-cp",
                CP,
                "org.openjdk.jmh.runner.ForkedMain",
                "127.0.0.1",
                "40123");
    }

    @Test
    void leaderIsExactlyJmhsForkedVm() {
        RankProgram leader = ForkCommand.parse(jmhFork()).leader();

        assertThat(leader.mainClass()).isEqualTo("org.openjdk.jmh.runner.ForkedMain");
        assertThat(leader.args()).containsExactly("127.0.0.1", "40123");
        assertThat(leader.jvmOptions())
                .containsExactly(
                        "-Xms256m",
                        "-Xmx512m",
                        "-Djmpi.bench.watchdogSeconds=120",
                        "-XX:CompileCommandFile=/tmp/jmh123compilecommand");
        assertThat(leader.classpath())
                .containsExactly(Path.of("/a/harness.jar"), Path.of("/b/classes"), Path.of("/c/jmh-core.jar"));
    }

    @Test
    void followersShareClassPathAndOptionsButRunFollower() {
        ForkCommand fork = ForkCommand.parse(jmhFork());
        RankProgram follower = fork.follower();

        assertThat(follower.mainClass()).isEqualTo(Follower.class.getName());
        assertThat(follower.args()).isEmpty();
        assertThat(follower.classpath()).isEqualTo(fork.leader().classpath());
        assertThat(follower.jvmOptions()).isEqualTo(fork.leader().jvmOptions());
    }

    @Test
    void acceptsTheOtherClassPathSpellings() {
        assertThat(ForkCommand.parse(List.of("-classpath", "/x.jar", ForkCommand.FORKED_MAIN, "h", "1"))
                        .classpath())
                .containsExactly(Path.of("/x.jar"));
        assertThat(ForkCommand.parse(List.of("--class-path=/y.jar", ForkCommand.FORKED_MAIN, "h", "1"))
                        .classpath())
                .containsExactly(Path.of("/y.jar"));
    }

    @Test
    void tellsTheFirstPropertiesProbeFromAFork() {
        assertThat(ForkCommand.isFork(jmhFork())).isTrue();
        assertThat(ForkCommand.isFork(List.of("-cp", CP, "org.openjdk.jmh.runner.PrintPropertiesMain")))
                .isFalse();
    }

    @Test
    void refusesCommandsItCannotTurnIntoAJob() {
        assertThatThrownBy(() -> ForkCommand.parse(List.of("-cp", CP, "org.openjdk.jmh.runner.PrintPropertiesMain")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JMH fork");
        assertThatThrownBy(() -> ForkCommand.parse(List.of("-Xmx1g", ForkCommand.FORKED_MAIN, "h", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a class path");
        assertThatThrownBy(() -> ForkCommand.parse(List.of("-cp", ForkCommand.FORKED_MAIN, "h", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a value");
    }
}
