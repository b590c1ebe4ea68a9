package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate on its own: who gets through, who is dropped, and that no number of strangers shuts a rank out. */
class HandshakeGateTest {

    private final BlockingQueue<Integer> admitted = new LinkedBlockingQueue<>();

    private HandshakeGate open(ServerSocketChannel server, int timeoutMs) throws IOException {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HandshakeGate.BACKLOG);
        return new HandshakeGate(
                "test-gate",
                server,
                3,
                InProcessJob.token(),
                timeoutMs,
                (channel, fields) -> {
                    admitted.add(fields[0]);
                    channel.close();
                },
                () -> {});
    }

    @Test
    void aHelloGetsThroughEvenWhenMoreStrangersThanTheGateHoldsCameFirst() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open();
                HandshakeGate gate = open(server, 60_000);
                Strangers strangers = new Strangers()) {
            int port = server.socket().getLocalPort();
            for (int i = 0; i < HandshakeGate.MAX_UNPROVEN + 50; i++) {
                strangers.silent(port);
            }
            Socket rank = strangers.silent(port);
            Handshake.writeHello(Handshake.output(rank), 2, InProcessJob.token());

            assertThat(admitted.poll(60, TimeUnit.SECONDS))
                    .as("the rank that said hello")
                    .isEqualTo(2);
            assertThat(gate.refusedCount()).as("the oldest strangers made room").isGreaterThanOrEqualTo(51);
        }
    }

    @Test
    void silentConnectionsAreDroppedAtTheHandshakeTimeout() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open();
                HandshakeGate gate = open(server, 300);
                Strangers strangers = new Strangers()) {
            Socket silent = strangers.silent(server.socket().getLocalPort());
            assertThat(Strangers.closedWithoutAnswer(silent)).isTrue();
            assertThat(gate.refusedCount()).isEqualTo(1);
            assertThat(admitted).isEmpty();
        }
    }

    @Test
    void aHelloSentByteByByteGetsThroughAndWhatFollowsItIsLeftUnread() throws Exception {
        BlockingQueue<SocketChannel> kept = new LinkedBlockingQueue<>();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HandshakeGate.BACKLOG);
            try (HandshakeGate gate = new HandshakeGate(
                            "test-gate",
                            server,
                            3,
                            InProcessJob.token(),
                            60_000,
                            (channel, fields) -> kept.add(channel),
                            () -> {});
                    Socket rank = new Socket()) {
                rank.connect(server.socket().getLocalSocketAddress());
                rank.setTcpNoDelay(true);
                java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
                Handshake.writeHello(new java.io.DataOutputStream(hello), 1, InProcessJob.token());
                for (byte b : hello.toByteArray()) {
                    rank.getOutputStream().write(b);
                    rank.getOutputStream().flush();
                }
                rank.getOutputStream().write(new byte[] {42, 43});
                try (SocketChannel channel = kept.poll(60, TimeUnit.SECONDS)) {
                    assertThat(channel).as("admitted").isNotNull();
                    assertThat(channel.isBlocking()).isTrue();
                    byte[] next = new byte[2];
                    new java.io.DataInputStream(channel.socket().getInputStream()).readFully(next);
                    assertThat(next).containsExactly(42, 43);
                }
                assertThat(gate.refusedCount()).isZero();
            }
        }
    }
}
