package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;

/** The accepting side of the mesh, driven by hand-written hellos. */
class MeshListenerTest {

    private static final LoopbackConfig CONFIG = LoopbackConfig.defaults().withTimeouts(1000, 60_000);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void keepsEachHigherRankOnceAndRefusesASecondClaimOfTheSameRank() throws Exception {
        MeshListener listener = MeshListener.open(0, 3, InProcessJob.token(), CONFIG, LOOPBACK);
        try (Strangers peers = new Strangers()) {
            Socket rank1 = peers.silent(listener.port());
            Handshake.writeHello(Handshake.output(rank1), 1, InProcessJob.token());
            rank1.setSoTimeout(30_000);
            assertThat(Handshake.readHello(Handshake.input(rank1), InProcessJob.token()))
                    .as("rank 0 answers")
                    .isEqualTo(0);

            Socket secondRank1 = peers.silent(listener.port());
            Handshake.writeHello(Handshake.output(secondRank1), 1, InProcessJob.token());
            assertThat(Strangers.closedWithoutAnswer(secondRank1))
                    .as("second claim of rank 1")
                    .isTrue();

            Socket lower = peers.silent(listener.port());
            Handshake.writeHello(Handshake.output(lower), 0, InProcessJob.token());
            assertThat(Strangers.closedWithoutAnswer(lower))
                    .as("a rank that should be connected to, not from")
                    .isTrue();

            Socket rank2 = peers.silent(listener.port());
            Handshake.writeHello(Handshake.output(rank2), 2, InProcessJob.token());
            SocketChannel[] channels = listener.awaitHigherRanks(System.nanoTime() + 60_000_000_000L);
            assertThat(channels[0]).isNull();
            assertThat(channels[1]).isNotNull();
            assertThat(channels[2]).isNotNull();
            listener.closeAccepted();
        } finally {
            listener.close();
        }
    }

    @Test
    void namesTheRanksThatNeverConnected() throws Exception {
        MeshListener listener = MeshListener.open(0, 3, InProcessJob.token(), CONFIG, LOOPBACK);
        try (Strangers peers = new Strangers()) {
            Socket rank1 = peers.silent(listener.port());
            Handshake.writeHello(Handshake.output(rank1), 1, InProcessJob.token());
            rank1.setSoTimeout(30_000);
            Handshake.readHello(Handshake.input(rank1), InProcessJob.token());
            assertThatThrownBy(() -> listener.awaitHigherRanks(System.nanoTime() + 300_000_000L))
                    .isInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("rank(s) [2] did not connect");
        } finally {
            listener.closeAccepted();
            listener.close();
        }
    }
}
