package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One silent connection to JMH's link port in the command line's JVM (the issue: the run failed on any backend after
 * 63-123 s with a JMH stack trace on stdout). JMH's link cannot be fixed from here; the run must stop soon, with one
 * line naming the cause, and leave nothing behind.
 */
class JmhLinkStrangerTest {

    /** Well below the watchdog's 120 s that used to end such a run. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(60);

    private static final Duration PORT_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path results;

    @Test
    void aSilentConnectionToJmhsLinkStopsTheRunAtOnceWithOneLine() throws Exception {
        AvailableBackends.assumeAvailable("loopback");
        try (CliProcess cli = CliProcess.start(
                "bench",
                "--backends",
                "loopback",
                "--ops",
                "send,bcast",
                "--sizes",
                "1",
                "--np",
                "2",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "1s",
                "-i",
                "3",
                "-r",
                "1s",
                "--watchdog-seconds",
                "120",
                "--results-dir",
                results.toString())) {
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), jmhLinkPort(cli))) {
                CliProcess.Result result = cli.awaitExit(EXIT_LIMIT);

                assertThat(result.status()).as(result.toString()).isEqualTo(1);
                List<String> ours = result.errLinesStartingWith("jmpi-bench:");
                assertThat(ours)
                        .as(result.toString())
                        .singleElement()
                        .asString()
                        .startsWith("jmpi-bench: bench stopped: a connection that was not a JMH fork reached JMH's "
                                + "link port");
                assertThat(result.out() + result.err())
                        .as("no JMH stack trace")
                        .doesNotContain("IllegalStateException")
                        .doesNotContain("handler is already registered");
                assertThat(cli.watch().survivors(Duration.ofSeconds(10)))
                        .as("processes left")
                        .isEmpty();
            } finally {
                cli.close();
            }
        }
    }

    /** The command line's JVM listens on one port of its own: JMH's link server, open while a benchmark runs. */
    private static int jmhLinkPort(CliProcess cli) throws InterruptedException {
        long deadline = System.nanoTime() + PORT_LIMIT.toNanos();
        while (System.nanoTime() < deadline && cli.handle().isAlive()) {
            List<Integer> ports = TcpTable.listeningPortsOf(cli.pid());
            if (!ports.isEmpty()) {
                return ports.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("JMH's link server never listened");
    }
}
