package org.jmpibench.openmpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.Test;

/** The mpirun command line: each flag exactly when it is needed. */
class MpirunCommandTest {

    private static final OpenMpiInstallation OMPI = new OpenMpiInstallation(
            Path.of("/opt/ompi/bin/mpirun"), Path.of("/opt/ompi/lib"), Path.of("/cache/mpi.jar"), "4.1.4");
    private static final Jdk JDK_17 = new Jdk(Path.of("/jdk"), Runtime.Version.parse("17.0.15+6"), "");
    private static final RankProgram PROGRAM =
            new RankProgram(List.of("-Xmx1g"), List.of(Path.of("/app.jar")), "app.Main", List.of("a", "b"));
    private static final RankProgram LEADER = RankProgram.of(List.of(Path.of("/jmh.jar")), "jmh.Forked", "x");

    private static MpirunCommand.Host host(boolean root, int cores) {
        return new MpirunCommand.Host(root, cores, 70, List.of());
    }

    private static List<String> build(JobSpec spec, MpirunCommand.Host host) {
        return MpirunCommand.build(
                OMPI, spec.jdk() == null ? spec.withJdk(JDK_17) : spec, Set.of("JMPI_BACKEND", "JMPI_JOB_TOKEN"), host);
    }

    @Test
    void anUnprivilegedJobThatFitsTheCoresGetsNeitherRootNorOversubscribe() {
        List<String> cmd = build(JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)), host(false, 2));

        assertThat(cmd.get(0)).isEqualTo("/opt/ompi/bin/mpirun");
        assertThat(cmd).doesNotContain("--allow-run-as-root", "--oversubscribe", "--hostfile", ":");
        assertThat(cmd).containsSubsequence("--tag-output", "--timeout", "70");
        assertThat(cmd).containsSubsequence("--mca", "btl", "self,vader");
        assertThat(cmd)
                .containsSubsequence(
                        "-np",
                        "2",
                        "/jdk/bin/java",
                        "-Xmx1g",
                        "-Djava.library.path=/opt/ompi/lib",
                        "-cp",
                        "/app.jar" + File.pathSeparator + "/cache/mpi.jar",
                        "app.Main",
                        "a",
                        "b");
    }

    @Test
    void rootGetsAllowRunAsRootAndMoreRanksThanCoresGetOversubscribe() {
        List<String> cmd = build(JobSpec.of(4, PROGRAM, Duration.ofSeconds(60)), host(true, 2));

        assertThat(cmd).contains("--allow-run-as-root", "--oversubscribe");
        assertThat(build(JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)), host(true, 2)))
                .contains("--allow-run-as-root")
                .doesNotContain("--oversubscribe");
    }

    @Test
    void environmentIsExportedByNameNeverByValue() {
        JobSpec spec = JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)).withEnv(Map.of("SECRET", "s3cr3t"));
        List<String> cmd = MpirunCommand.build(OMPI, spec, Set.of("JMPI_JOB_TOKEN", "SECRET"), host(false, 2));

        assertThat(cmd).containsSubsequence("-x", "JMPI_JOB_TOKEN", "-x", "SECRET");
        assertThat(String.join(" ", cmd)).doesNotContain("s3cr3t").doesNotContain("=s");
    }

    @Test
    void hostsArePassedWithTheirSlotsAndMappingAndTcpJoinsTheTransports() {
        Hosts hosts = Hosts.of(List.of(new Hosts.Host("h1", 4), new Hosts.Host("h2", 4)))
                .withMapBy("node");
        List<String> cmd = build(JobSpec.of(8, PROGRAM, Duration.ofSeconds(60)).withHostfile(hosts), host(false, 2));

        assertThat(cmd).containsSubsequence("--host", "h1:4,h2:4", "--map-by", "node");
        assertThat(cmd).containsSubsequence("--mca", "btl", "self,vader,tcp");
        assertThat(cmd).as("slots come from the hostfile").doesNotContain("--oversubscribe");
        assertThat(cmd).as("no interface or agent asked for").doesNotContain("btl_tcp_if_include", "plm_rsh_agent");
    }

    @Test
    void theInterfaceGoesToBothTcpTransportsAndTheAgentToTheLauncher() {
        Hosts hosts = Hosts.of(List.of(new Hosts.Host("h1", 1), new Hosts.Host("h2", 1)));
        List<String> cmd = build(
                JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)).withHostfile(hosts),
                new MpirunCommand.Host(true, 2, 70, List.of(), "mpi0", "/x/netns-agent.sh"));

        assertThat(cmd).containsSubsequence("--map-by", "slot");
        assertThat(cmd).containsSubsequence("--mca", "btl_tcp_if_include", "mpi0");
        assertThat(cmd).containsSubsequence("--mca", "oob_tcp_if_include", "mpi0");
        assertThat(cmd).containsSubsequence("--mca", "plm_rsh_agent", "/x/netns-agent.sh");
    }

    @Test
    void aLeaderMakesAnMpmdJobWithRankZeroApart() {
        List<String> cmd = build(JobSpec.of(3, PROGRAM, Duration.ofSeconds(60)).withLeader(LEADER), host(false, 4));

        int colon = cmd.indexOf(":");
        assertThat(colon).isPositive();
        assertThat(cmd.subList(0, colon))
                .containsSubsequence("-np", "1", "/jdk/bin/java", "jmh.Forked", "x")
                .doesNotContain("app.Main");
        assertThat(cmd.subList(colon, cmd.size()))
                .containsSubsequence(":", "-np", "2", "/jdk/bin/java", "app.Main", "a", "b")
                .doesNotContain("jmh.Forked");
        assertThat(Collections.frequency(cmd, "-np")).isEqualTo(2);
    }

    @Test
    void aLeaderAloneIsOneRank() {
        List<String> cmd = build(JobSpec.of(1, PROGRAM, Duration.ofSeconds(60)).withLeader(LEADER), host(false, 4));

        assertThat(cmd).doesNotContain(":", "app.Main").containsSubsequence("-np", "1", "jmh.Forked");
    }

    @Test
    void mpiJarIsAddedOnceOnlyAndLast() {
        assertThat(MpirunCommand.classpath(
                        List.of(Path.of("/a.jar"), Path.of("/cache/mpi.jar")), Path.of("/cache/mpi.jar")))
                .isEqualTo("/a.jar" + File.pathSeparator + "/cache/mpi.jar");
        assertThat(MpirunCommand.classpath(List.of(Path.of("/a.jar")), Path.of("/cache/mpi.jar")))
                .isEqualTo("/a.jar" + File.pathSeparator + "/cache/mpi.jar");
    }

    @Test
    void extraArgumentsComeBeforeTheProgram() {
        List<String> cmd = build(
                JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)),
                new MpirunCommand.Host(false, 2, 70, List.of("--bind-to", "none")));

        assertThat(cmd).containsSubsequence("--bind-to", "none", "-np", "2", "/jdk/bin/java");
    }

    @Test
    void ranksRunOnTheJobsJdkWithNativeAccessEnabledFromJava22() {
        Jdk jdk25 = new Jdk(Path.of("/opt/jdk-25"), Runtime.Version.parse("25.0.3+9-LTS"), "Eclipse Adoptium");
        List<String> cmd = build(
                JobSpec.of(3, PROGRAM, Duration.ofSeconds(60))
                        .withLeader(LEADER)
                        .withJdk(jdk25),
                host(false, 4));

        assertThat(cmd)
                .containsSubsequence(
                        "-np",
                        "1",
                        "/opt/jdk-25/bin/java",
                        "--enable-native-access=ALL-UNNAMED",
                        "jmh.Forked",
                        ":",
                        "-np",
                        "2",
                        "/opt/jdk-25/bin/java",
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xmx1g",
                        "app.Main");
        assertThat(build(JobSpec.of(2, PROGRAM, Duration.ofSeconds(60)), host(false, 2)))
                .doesNotContain("--enable-native-access=ALL-UNNAMED");
    }
}
