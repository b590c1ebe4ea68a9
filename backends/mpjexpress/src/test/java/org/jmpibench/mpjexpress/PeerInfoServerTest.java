package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The niodev rendezvous facing a flood of strangers before the ranks arrive. */
class PeerInfoServerTest {

    @Test
    void silentAndGarbageConnectionsDoNotKeepTheRanksOut() throws Exception {
        PeerInfoServer server = PeerInfoServer.start(2, Map.of(), InetAddress.getLoopbackAddress());
        List<Socket> strangers = new ArrayList<>();
        try {
            int port = Integer.parseInt(server.conf().substring(server.conf().lastIndexOf(';') + 1));
            byte[] noise = new byte[64];
            new Random(42).nextBytes(noise);
            for (int i = 0; i < 200; i++) {
                strangers.add(new Socket(InetAddress.getLoopbackAddress(), port));
                Socket garbage = new Socket(InetAddress.getLoopbackAddress(), port);
                garbage.getOutputStream().write(noise);
                strangers.add(garbage);
            }
            CompletableFuture<String> rank0 = CompletableFuture.supplyAsync(() -> join(port, 0));
            CompletableFuture<String> rank1 = CompletableFuture.supplyAsync(() -> join(port, 1));

            String table = "#Peer Information;127.0.0.1@2000@1000@0@0;127.0.0.1@2001@1001@1@0";
            assertThat(rank0.get(60, TimeUnit.SECONDS)).isEqualTo(table);
            assertThat(rank1.get(60, TimeUnit.SECONDS)).isEqualTo(table);
        } finally {
            server.close();
            for (Socket socket : strangers) {
                socket.close();
            }
        }
    }

    /** What an MPJ 0.44 niodev rank sends, and the table it gets back. */
    private static String join(int port, int rank) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF("Sending Info");
            out.writeInt(1000 + rank);
            out.writeInt(2000 + rank);
            out.writeInt(rank);
            out.flush();
            socket.setSoTimeout(60_000);
            return new DataInputStream(socket.getInputStream()).readUTF();
        } catch (IOException e) {
            throw new IllegalStateException("rank " + rank + " could not join", e);
        }
    }
}
