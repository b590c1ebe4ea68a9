package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.Hostfiles;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.results.Layout;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts of a bench run: checked up front, a layout per np, and handed to every fork's launcher, which puts them
 * into the job. 192.0.2.7 (a documentation address) is a host that is not this one; nothing is sent to it.
 */
class RunHostsTest {

    private static final String ELSEWHERE = "192.0.2.7";
    private static final List<String> NO_ARGS = List.of();

    @TempDir
    Path dir;

    private HostOptions options(String hostfileText, String mapBy, String interfaces, String agent) throws Exception {
        Path hostfile = Files.writeString(dir.resolve("given-hosts"), hostfileText);
        return HostOptions.of(hostfile.toString(), mapBy, interfaces, agent);
    }

    @Test
    void withoutAHostfileEveryJobRunsOnThisHost() throws Exception {
        RunHosts hosts = RunHosts.of(HostOptions.of(null, null, null, null), List.of(2, 4));

        assertThat(hosts.fromHostfile()).isFalse();
        assertThat(hosts.spansHosts()).isFalse();
        assertThat(hosts.layout(4)).isEqualTo(Layout.ONE_HOST);
        assertThat(hosts.placement(4)).endsWith(": ranks 0-3");
        assertThat(hosts.forkArgs(dir)).isEqualTo(NO_ARGS);
    }

    @Test
    void aHostfileGivesEachNpItsLayoutAndReachesEveryForksJob() throws Exception {
        RunHosts hosts = RunHosts.of(
                options("localhost slots=2\n" + ELSEWHERE + " slots=2\n", "node", "lo", "ssh -x"), List.of(2, 4));

        assertThat(hosts.spansHosts()).isTrue();
        assertThat(hosts.layout(2)).isEqualTo("2hosts:0/1");
        assertThat(hosts.layout(4)).isEqualTo("2hosts:0+2/1+3");
        assertThat(hosts.placement(4)).isEqualTo("localhost: ranks 0 2; " + ELSEWHERE + ": ranks 1 3 (map-by node)");

        List<String> forkArgs = hosts.forkArgs(dir);
        Path written = dir.resolve("hostfile");
        assertThat(forkArgs)
                .containsExactly(
                        "--hostfile",
                        written.toString(),
                        "--map-by",
                        "node",
                        "--interface",
                        "lo",
                        "--launch-agent",
                        "ssh -x");
        assertThat(Hostfiles.read(written).describe()).isEqualTo("localhost slots=2, " + ELSEWHERE + " slots=2");

        RankProgram program = RankProgram.of(List.of(dir), "Nothing");
        JobSpec job = ForkLauncher.jobSpec(
                Idle.SPIN,
                4,
                program,
                program,
                60,
                HostOptions.of(forkArgs.get(1), forkArgs.get(3), forkArgs.get(5), forkArgs.get(7)),
                null);
        assertThat(job.hostfile().placement(4)).containsExactly("localhost", ELSEWHERE, "localhost", ELSEWHERE);
        assertThat(job.env())
                .containsEntry(BindAddress.INTERFACE_ENV, "lo")
                .containsEntry(RemoteLaunch.AGENT_ENV, "ssh -x");
        assertThat(job.idle()).isEqualTo(Idle.SPIN);
    }

    @Test
    void bySlotTheFirstHostsRanksStayTogether() throws Exception {
        RunHosts hosts =
                RunHosts.of(options("localhost slots=2\n" + ELSEWHERE + " slots=2\n", null, null, null), List.of(2, 4));

        assertThat(hosts.layout(2)).as("np 2 fits the first host").isEqualTo(Layout.ONE_HOST);
        assertThat(hosts.layout(4)).isEqualTo("2hosts:0-1/2-3");
        assertThat(hosts.forkArgs(dir))
                .containsExactly("--hostfile", dir.resolve("hostfile").toString(), "--map-by", "slot");
    }

    @Test
    void rankZeroMustRunHereWhereJmhIs() throws Exception {
        HostOptions elsewhereFirst = options(ELSEWHERE + " slots=2\nlocalhost slots=2\n", "node", null, null);

        assertThatThrownBy(() -> RunHosts.of(elsewhereFirst, List.of(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("--hostfile", "rank 0", "on " + ELSEWHERE, "list this host first");
    }

    @Test
    void everyNpMustFitTheSlots() throws Exception {
        HostOptions fourSlots = options("localhost slots=2\n" + ELSEWHERE + " slots=2\n", null, null, null);

        assertThatThrownBy(() -> RunHosts.of(fourSlots, List.of(2, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "--np 8 does not fit the 4 slots of --hostfile (localhost slots=2, " + ELSEWHERE + " slots=2)");
    }

    @Test
    void aPolicyOnlyOpenMpiCanApplyIsRefused() throws Exception {
        HostOptions ppr = options("localhost slots=2\n" + ELSEWHERE + " slots=2\n", "ppr:1:node", null, null);

        assertThatThrownBy(() -> RunHosts.of(ppr, List.of(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("--map-by ppr:1:node", "slot", "node");
    }
}
