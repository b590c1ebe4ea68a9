package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.conformance.ConformanceRank;
import org.jmpibench.conformance.FaultyRank;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Hosts.Host;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tcp backend's way of starting ranks on other hosts, on this machine: the hostfile names another host (a
 * documentation address, which is on no interface here), and the launch agent is a script that ignores the host and
 * runs the command here, as ssh would run it there. Every socket is on the loopback interface
 * ({@value BindAddress#INTERFACE_ENV}=lo), so nothing is sent to that address. The ranks on the "other host" learn
 * their rank, the rendezvous and the job token only from the environment block on their stdin. (bench/multihost runs
 * the real thing across network namespaces.)
 */
class TcpJobTest {

    private static final String ELSEWHERE = "192.0.2.77";

    @TempDir
    Path work;

    private Map<String, String> env;

    @BeforeEach
    void agentThatRunsEverythingHere() throws Exception {
        Path agent = work.resolve("here-agent.sh");
        Files.writeString(agent, "#!/bin/sh\n# Like ssh HOST LINE, but here.\nshift\nexec sh -c \"$*\"\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        env = Map.of(RemoteLaunch.AGENT_ENV, agent.toString(), BindAddress.INTERFACE_ENV, "lo");
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
    void ranksStartedThroughTheAgentPassTheConformanceChecks() {
        JobOutcome outcome = run(3, ConformanceRank.class, "3", work.toString(), "1");
        assertThat(outcome.succeeded())
                .as(() -> outcome.failure() + "\n" + outcome.output())
                .isTrue();
        for (int rank = 0; rank < 3; rank++) {
            assertThat(outcome.output()).contains(ConformanceRank.PASSED + rank);
        }
    }

    @Test
    void aRankThatDiesOnAnotherHostIsNamedWithItsHost() {
        JobOutcome outcome = run(3, FaultyRank.class, "kill", "2");
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.failure())
                .as(outcome::output)
                .startsWith("backend tcp: rank 2 on host " + ELSEWHERE + " was killed by signal 9");
    }

    private JobOutcome run(int np, Class<?> main, String... args) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        RankProgram program = RankProgram.of(cp, main.getName(), args)
                .withJvmOptions(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        Hosts hosts = Hosts.of(List.of(new Host("localhost", 1), new Host(ELSEWHERE, 2)));
        return new TcpBackend()
                .launcher()
                .run(JobSpec.of(np, program, Duration.ofSeconds(120))
                        .withHostfile(hosts)
                        .withEnv(env));
    }
}
