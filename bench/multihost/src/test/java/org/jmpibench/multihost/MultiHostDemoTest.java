package org.jmpibench.multihost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jmpibench.cli.SeedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's demo across simulated hosts, for every backend that spans hosts: the command line runs on host 1 with a
 * hostfile; ranks land on the other hosts through the launch agent; the output must be exactly the seed's, the traffic
 * must have crossed the bridge, and nothing of the job may be left on any host.
 *
 * <p>Two hosts with two slots each, mapped by node (np 2: h1 h2; np 3: h1 h2 h1; np 4: h1 h2 h1 h2), and four hosts
 * with one slot each, mapped by slot (the default: np N uses hosts 1..N).
 */
class MultiHostDemoTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    private static NamespaceHosts hosts;

    @TempDir
    static Path files;

    /** Once for the class; a test that cannot have hosts is skipped, each one, so the build counts them. */
    @BeforeEach
    void makeHostsOnce() {
        if (hosts == null) {
            hosts = NamespaceHosts.make(4);
        }
    }

    @AfterAll
    static void removeHosts() {
        if (hosts != null) {
            hosts.close();
            assertThat(hosts.everythingLeft())
                    .as("what the hosts left after their removal")
                    .isEmpty();
        }
    }

    @AfterEach
    void nothingOfTheJobIsLeft() throws InterruptedException {
        if (hosts == null) {
            return;
        }
        assertThat(hosts.processesLeft(10_000))
                .as("processes left in the hosts")
                .isEmpty();
        for (int i = 1; i <= 4; i++) {
            assertThat(hosts.filesOf(i))
                    .as("Open MPI session directories and shm files left on host %d", i)
                    .isEmpty();
        }
    }

    static Stream<Arguments> layouts() {
        return Stream.of("tcp", "openmpi", "mpj-niodev")
                .flatMap(backend -> Stream.of(
                        Arguments.of(backend, 2, 2),
                        Arguments.of(backend, 2, 3),
                        Arguments.of(backend, 2, 4),
                        Arguments.of(backend, 4, 2),
                        Arguments.of(backend, 4, 3),
                        Arguments.of(backend, 4, 4)));
    }

    @ParameterizedTest(name = "{0} np={2} over {1} hosts")
    @MethodSource("layouts")
    void theDemoPrintsTheSeedsOutputAcrossHosts(String backend, int hostCount, int np) throws Exception {
        Backends.assumeAvailable(backend);
        boolean twoHosts = hostCount == 2;
        Path hostfile = hosts.hostfile(files, hostCount, twoHosts ? 2 : 1);
        List<String> placed = twoHosts
                ? List.of(hosts.host(1), hosts.host(2), hosts.host(1), hosts.host(2))
                        .subList(0, np)
                : List.of(hosts.host(1), hosts.host(2), hosts.host(3), hosts.host(4))
                        .subList(0, np);
        Set<String> used = new LinkedHashSet<>(placed);
        long[] before = bridgeCounters();

        CliInHost.Result result;
        try (CliInHost cli = CliInHost.start(
                hosts,
                1,
                "demo",
                "--backend",
                backend,
                "-np",
                Integer.toString(np),
                "--hostfile",
                hostfile.toString(),
                "--map-by",
                twoHosts ? "node" : "slot",
                "--launch-agent",
                NamespaceHosts.AGENT.toString(),
                "--interface",
                NamespaceHosts.INTERFACE)) {
            result = cli.awaitExit(LIMIT);
        }

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).isEqualTo(SeedOutput.forRanks(np));
        assertThat(result.errLinesStartingWith("placement: "))
                .as(result.toString())
                .containsExactly("placement: " + expectedPlacement(placed, twoHosts ? "node" : "slot"));
        long[] after = bridgeCounters();
        for (int i = 1; i <= 4; i++) {
            if (used.contains(hosts.host(i))) {
                assertThat(after[i])
                        .as("bytes through host %d's port of the bridge", i)
                        .isGreaterThan(before[i]);
            }
        }
    }

    /** What the command line prints, e.g. {@code h1: ranks 0 2; h2: ranks 1 3 (map-by node)}, written out. */
    private static String expectedPlacement(List<String> placed, String mapBy) {
        StringBuilder line = new StringBuilder();
        for (String host : new LinkedHashSet<>(placed)) {
            StringBuilder ranks = new StringBuilder();
            int count = 0;
            for (int rank = 0; rank < placed.size(); rank++) {
                if (placed.get(rank).equals(host)) {
                    ranks.append(count++ == 0 ? "" : " ").append(rank);
                }
            }
            line.append(line.length() == 0 ? "" : "; ")
                    .append(host)
                    .append(count > 1 ? ": ranks " : ": rank ")
                    .append(ranks);
        }
        return line + " (map-by " + mapBy + ")";
    }

    private static long[] bridgeCounters() {
        long[] bytes = new long[5];
        for (int i = 1; i <= 4; i++) {
            bytes[i] = hosts.bytesThroughBridge(i);
        }
        return bytes;
    }
}
