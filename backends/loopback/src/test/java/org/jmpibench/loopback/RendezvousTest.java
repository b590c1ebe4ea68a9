package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;

/** The rendezvous on its own: the table, refusals, and the time limit for ranks that never come. */
class RendezvousTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyRankGetsTheTableOfAddressesOnceAllRegistered() throws Exception {
        LoopbackConfig config = LoopbackConfig.defaults().withTimeouts(1000, 60_000);
        try (RendezvousServer server = RendezvousServer.open(3, InProcessJob.TOKEN, config, LOOPBACK)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            CompletableFuture<InetSocketAddress[]>[] tables = new CompletableFuture[3];
            for (int r = 0; r < 3; r++) {
                int rank = r;
                tables[r] = CompletableFuture.supplyAsync(() -> RendezvousClient.exchange(
                        address, rank, 3, listening(1000 + rank), InProcessJob.token(), config));
            }
            for (CompletableFuture<InetSocketAddress[]> table : tables) {
                assertThat(table.get()).containsExactly(listening(1000), listening(1001), listening(1002));
            }
        }
    }

    @Test
    void aRankThatNeverRegistersFailsTheOthersWithAClearMessage() {
        LoopbackConfig config = LoopbackConfig.defaults().withTimeouts(1000, 1500);
        try (RendezvousServer server = RendezvousServer.open(3, InProcessJob.TOKEN, config, LOOPBACK)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            CompletableFuture<InetSocketAddress[]> rank1 = CompletableFuture.supplyAsync(
                    () -> RendezvousClient.exchange(address, 1, 3, listening(1001), InProcessJob.token(), config));
            assertThatThrownBy(() ->
                            RendezvousClient.exchange(address, 0, 3, listening(1000), InProcessJob.token(), config))
                    .isInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("rank 0")
                    .hasMessageContaining("rank(s) [2] of 3 did not register within 1500 ms");
            assertThatThrownBy(rank1::join)
                    .hasCauseInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("rank(s) [2] of 3");
        }
    }

    @Test
    void aRegistrationWithTheWrongTokenIsNotCounted() throws Exception {
        LoopbackConfig config = LoopbackConfig.defaults().withTimeouts(1000, 60_000);
        try (RendezvousServer server = RendezvousServer.open(1, InProcessJob.TOKEN, config, LOOPBACK);
                Strangers strangers = new Strangers()) {
            var impostor = strangers.wrongTokenRegistration(server.port(), 0);
            assertThat(Strangers.closedWithoutAnswer(impostor)).isTrue();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            assertThat(RendezvousClient.exchange(address, 0, 1, listening(1234), InProcessJob.token(), config))
                    .containsExactly(listening(1234));
            assertThat(server.refusedCount()).isEqualTo(1);
        }
    }

    /** Where a rank of these tests claims to listen: the address it registers from, and a port. */
    private static InetSocketAddress listening(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }
}
