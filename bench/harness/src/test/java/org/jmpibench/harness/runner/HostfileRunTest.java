package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run given a hostfile of two hosts: this one and 192.0.2.7, a documentation address that stands for another
 * host. The launch agent is a stand-in for ssh that notes the host it was asked for and runs the command here, so rank
 * 1 goes through the same path as on a real cluster and no packet leaves 127.0.0.1 ({@code --interface lo}). The bench
 * side's job: the default set, the skips, the layout and placement in the results and the context, and the hosts
 * reaching every fork's job.
 */
class HostfileRunTest {

    private static final String ELSEWHERE = "192.0.2.7";

    @TempDir
    Path dir;

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        HarnessRuns.assertNoProcessLeft();
    }

    @Test
    void aRunOverTwoHostsRecordsTheInterHostLayout() throws Exception {
        Path asked = dir.resolve("agent.log");
        Path agent = Files.writeString(
                dir.resolve("fake-ssh"),
                "#!/bin/sh\n" + "echo \"$1\" >> '" + asked + "'\n" + "shift\n" + "exec sh -c \"$*\"\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        Path hostfile = Files.writeString(dir.resolve("hosts"), "localhost slots=1\n" + ELSEWHERE + " slots=1\n");
        Path results = Files.createDirectory(dir.resolve("results"));

        HarnessRuns run = HarnessRuns.run(
                results,
                null,
                "send",
                "1",
                "array",
                null,
                "60",
                HostOptions.of(hostfile.toString(), null, "lo", agent.toString()));

        assertThat(run.outcome.exitStatus()).as(run.console).isZero();
        assertThat(run.outcome.backendsRun())
                .as("the only backend here that spans hosts")
                .containsExactly("tcp");
        assertThat(run.console)
                .contains(
                        "skip  shm: runs on one host only",
                        "skip  loopback: runs on one host only",
                        "placement np=2: localhost: rank 0; " + ELSEWHERE + ": rank 1 (map-by slot), layout 2hosts:0/1",
                        "# send  np=2  buffer=array  2 hosts, layout 2hosts:0/1");
        List<BenchmarkResult> read = run.results();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).param(Param.LAYOUT)).contains("2hosts:0/1");
        assertThat(read.get(0).key().params()).containsEntry(Param.LAYOUT.jmhName(), "2hosts:0/1");

        RunContext context = run.context();
        assertThat(context.placements())
                .singleElement()
                .isEqualTo(new RunContext.Placement(
                        "tcp", 2, "2hosts:0/1", "localhost: rank 0; " + ELSEWHERE + ": rank 1 (map-by slot)"));
        assertThat(context.matrix(Param.LAYOUT.jmhName())).containsExactly("2hosts:0/1");
        assertThat(context.flatten())
                .containsEntry("hostfile.hosts." + ELSEWHERE + ".slots", "1")
                .containsEntry("hostfile.mapBy", "slot")
                .containsEntry("hostfile.interface", "lo")
                .containsEntry("hostfile.launchAgent", agent.toString());
        assertThat(Files.readAllLines(asked))
                .as("rank 1 of every job went through the agent")
                .isNotEmpty()
                .allMatch(ELSEWHERE::equals);
    }
}
