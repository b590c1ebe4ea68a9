package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connections into this JVM's listening port, told apart by who holds their other end. */
class ForeignConnectionsTest {

    @Test
    void aConnectionFromAnotherProcessIsForeignAndOneFromTheJobIsNot() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Socket ours = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket acceptedOurs = server.accept()) {
            // Connects, says so, then waits on its stdin (which we never write to) holding the connection.
            Process stranger = new ProcessBuilder(
                            "bash",
                            "-c",
                            "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + "; echo connected; read -t 60 line")
                    .start();
            try (Socket acceptedStranger = server.accept();
                    BufferedReader out = new BufferedReader(new InputStreamReader(stranger.getInputStream()))) {
                assertThat(out.readLine()).isEqualTo("connected");
                ForeignConnections found = ForeignConnections.into(
                        ProcessHandle.current(), Set.of(ProcessHandle.current().pid()), false);

                assertThat(found.ports()).contains(server.getLocalPort());
                assertThat(found.connections()).isEqualTo(1);
                assertThat(found.from()).containsExactly(stranger.pid() + " bash");
                assertThat(found.describe("the test's"))
                        .startsWith("1 connection from outside the job to the test's port")
                        .contains(Integer.toString(server.getLocalPort()))
                        .endsWith("(from PID " + stranger.pid() + " bash)");
                // A job with ranks on other hosts: a stranger seen on this host is still a stranger.
                assertThat(ForeignConnections.into(
                                        ProcessHandle.current(),
                                        Set.of(ProcessHandle.current().pid()),
                                        true)
                                .connections())
                        .isEqualTo(1);
            } finally {
                stranger.destroyForcibly();
                stranger.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A row of /proc/net/tcp as the kernel writes it, for 127.0.0.1 at both ends. */
    private static String row(int localPort, int remotePort, String state, long inode) {
        return String.format(
                "  1: 0100007F:%04X 0100007F:%04X %s 00000000:00000000 00:00000000 00000000     0        0 %d 1",
                localPort, remotePort, state, inode);
    }

    @Test
    void theOtherEndIsFoundByBothEndpointsNotByTheLocalPortAlone() {
        // The server (socket inodes 100, 101) listens on 8080 and holds a connection from port 49152, whose client end
        // (inode 200) is the job's. Port 49152 also names a connection to another port, one now in TIME_WAIT (inode
        // 0), and listed after it: Linux shares an ephemeral port among connections to different remote ends.
        List<ForeignConnections.Row> rows = ForeignConnections.rows(List.of(
                row(8080, 0, "0A", 100),
                row(8080, 49152, "01", 101),
                row(49152, 8080, "01", 200),
                row(49152, 9090, "06", 0)));

        ForeignConnections.Found ours = ForeignConnections.find(rows, Set.of(100L, 101L), Set.of(200L), false);
        assertThat(ours.ports()).containsExactly(8080);
        assertThat(ours.connections()).isZero();

        ForeignConnections.Found stranger = ForeignConnections.find(rows, Set.of(100L, 101L), Set.of(300L), false);
        assertThat(stranger.connections()).isEqualTo(1);
        assertThat(stranger.foreignEnds()).containsExactly(200L);
    }
}
