package org.jmpibench.multihost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A quick bench across two simulated hosts for every backend that spans hosts: the command line runs on host 1 (where
 * JMH and rank 0, its fork, must be), rank 1 on host 2 through the launch agent. The results must hold every benchmark
 * with the inter-host layout, the context must say where the ranks ran, the traffic must have crossed the bridge, and
 * nothing of the jobs may be left on any host.
 */
class MultiHostBenchTest {

    private static final Duration LIMIT = Duration.ofSeconds(600);
    private static final String LAYOUT = "2hosts:0/1";

    private static NamespaceHosts hosts;

    @TempDir
    static Path files;

    /** Once for the class; a test that cannot have hosts is skipped, each one, so the build counts them. */
    @BeforeEach
    void makeHostsOnce() {
        if (hosts == null) {
            hosts = NamespaceHosts.make(2);
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
    void nothingOfTheJobsIsLeft() throws InterruptedException {
        if (hosts == null) {
            return;
        }
        assertThat(hosts.processesLeft(10_000))
                .as("processes left in the hosts")
                .isEmpty();
        for (int i = 1; i <= 2; i++) {
            assertThat(hosts.filesOf(i))
                    .as("Open MPI session directories and shm files left on host %d", i)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "openmpi", "mpj-niodev"})
    void aQuickBenchOverTwoHostsRecordsTheInterHostLayout(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        Path hostfile = hosts.hostfile(files, 2, 1);
        Path results = Files.createDirectory(files.resolve("results-" + backend));
        long[] before = {hosts.bytesThroughBridge(1), hosts.bytesThroughBridge(2)};

        CliInHost.Result result;
        try (CliInHost cli = CliInHost.start(
                hosts,
                1,
                "bench",
                "--backends",
                backend,
                "--ops",
                "send",
                "--sizes",
                "1,1Ki",
                "--np",
                "2",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "100ms",
                "-i",
                "2",
                "-r",
                "100ms",
                "--results-dir",
                results.toString(),
                "--hostfile",
                hostfile.toString(),
                "--interface",
                NamespaceHosts.INTERFACE,
                "--launch-agent",
                NamespaceHosts.AGENT.toString())) {
            result = cli.awaitExit(LIMIT);
        }

        assertThat(result.status()).as(result.toString()).isZero();
        String placement = hosts.host(1) + ": rank 0; " + hosts.host(2) + ": rank 1 (map-by slot)";
        assertThat(result.out())
                .as(result.toString())
                .contains(
                        "  run   " + backend,
                        "  placement np=2: " + placement + ", layout " + LAYOUT,
                        "# send  np=2  buffer=array  2 hosts, layout " + LAYOUT);
        Path json;
        try (Stream<Path> written = Files.list(results)) {
            json = written.filter(
                            f -> f.toString().endsWith(".json") && !f.toString().endsWith(".context.json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no results file; " + result));
        }
        List<BenchmarkResult> read = ResultsFile.read(json).results();
        assertThat(read).as(result.toString()).hasSize(2).allSatisfy(r -> {
            assertThat(r.param(Param.BACKEND)).contains(backend);
            assertThat(r.np()).hasValue(2);
            assertThat(r.param(Param.LAYOUT)).contains(LAYOUT);
            assertThat(r.primary().score()).isPositive();
        });
        assertThat(read).extracting(r -> r.sizeElements().getAsLong()).containsExactlyInAnyOrder(1L, 1024L);
        RunContext context = RunContext.besideResults(json).orElseThrow();
        assertThat(context.complete()).isTrue();
        assertThat(context.failedJobs()).isEmpty();
        assertThat(context.placements()).containsExactly(new RunContext.Placement(backend, 2, LAYOUT, placement));
        assertThat(context.flatten()).containsEntry("hostfile.interface", NamespaceHosts.INTERFACE);
        assertThat(hosts.bytesThroughBridge(1))
                .as("bytes through host 1's port of the bridge")
                .isGreaterThan(before[0]);
        assertThat(hosts.bytesThroughBridge(2))
                .as("bytes through host 2's port of the bridge")
                .isGreaterThan(before[1]);
    }
}
