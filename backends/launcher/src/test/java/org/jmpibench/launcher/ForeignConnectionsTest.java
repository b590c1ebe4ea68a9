package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
}
