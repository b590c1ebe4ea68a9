package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;

/** Error paths and matching of the transport, with ranks as threads or a hand-driven raw socket. */
class TransportTest {

    private static final LoopbackConfig CONFIG = LoopbackConfig.defaults();

    @Test
    void aMessageLongerThanTheReceiveBufferIsAnErrorNotATruncation() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            var results = job.start(comm -> {
                if (comm.rank() == 0) {
                    comm.send(new int[10], 0, 10, 1, 3);
                    return null;
                }
                return (Object) catchThrowable(() -> comm.recv(new int[5], 0, 5, 0, 3));
            });
            assertThat((Throwable) InProcessJob.await(results.get(1)))
                    .isInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("40 bytes")
                    .hasMessageContaining("holds only 20");
            InProcessJob.await(results.get(0));
        }
    }

    @Test
    void aMessageThatIsNotAWholeNumberOfElementsIsAnError() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            var results = job.start(comm -> {
                if (comm.rank() == 0) {
                    comm.send(ByteBuffer.allocate(5), 1, 3);
                    return null;
                }
                return (Object) catchThrowable(() -> comm.recv(new int[5], 0, 5, 0, 3));
            });
            assertThat((Throwable) InProcessJob.await(results.get(1)))
                    .isInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("5 bytes, not a whole number of 4-byte elements");
            InProcessJob.await(results.get(0));
        }
    }

    @Test
    void aLargeMessageWithAnotherTagIsBufferedAndOvertakenInOrder() throws Exception {
        int big = 300_000;
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            List<int[]> got = job.run(comm -> {
                if (comm.rank() == 0) {
                    int[] large = new int[big];
                    for (int i = 0; i < big; i++) {
                        large[i] = i * 3;
                    }
                    comm.send(large, 0, big, 1, 1);
                    comm.send(new int[] {2}, 0, 1, 1, 2);
                    comm.send(new int[] {11}, 0, 1, 1, 1);
                    return null;
                }
                int[] two = new int[1];
                comm.recv(two, 0, 1, 0, 2);
                int[] large = new int[big];
                int n = comm.recv(large, 0, big, 0, 1);
                int[] second = new int[1];
                comm.recv(second, 0, 1, 0, 1);
                assertThat(n).isEqualTo(big);
                for (int i = 0; i < big; i++) {
                    if (large[i] != i * 3) {
                        throw new AssertionError("element " + i + " is " + large[i]);
                    }
                }
                return new int[] {two[0], second[0]};
            });
            assertThat(got.get(1)).containsExactly(2, 11);
        }
    }

    @Test
    void aSendAboveTheConfiguredLimitIsRefusedAtTheSender() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG.withMaxMessageBytes(64))) {
            List<Throwable> thrown = job.run(comm -> {
                int peer = 1 - comm.rank();
                Throwable refused = catchThrowable(() -> comm.send(new int[17], 0, 17, peer, 1));
                comm.send(new int[16], 0, 16, peer, 2);
                int n = comm.recv(new int[16], 0, 16, peer, 2);
                assertThat(n).isEqualTo(16);
                return refused;
            });
            for (Throwable refused : thrown) {
                assertThat(refused)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("68 bytes")
                        .hasMessageContaining(LoopbackConfig.MAX_MESSAGE_BYTES_ENV);
            }
        }
    }

    @Test
    void misuseIsAnIllegalArgumentNamingTheBadValueAndLeavesTheCommunicatorUsable() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            List<int[]> got = job.run(comm -> {
                int[] buf = new int[4];
                assertThatThrownBy(() -> comm.send(buf, 0, 1, 2, 0))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("dest rank 2");
                assertThatThrownBy(() -> comm.recv(buf, 0, 1, -1, 0))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("source rank -1");
                assertThatThrownBy(() -> comm.send(buf, 0, 1, 0, -7))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("-7");
                assertThatThrownBy(() -> comm.send(buf, 3, 2, 0, 0))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("offset 3 + count 2");
                assertThatThrownBy(() -> comm.recv(buf, 0, -1, 0, 0))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("-1");
                assertThatThrownBy(() -> comm.bcast(buf, 0, 1, 5))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("root rank 5");
                assertThatThrownBy(() -> comm.gather(buf, 0, 4, new int[7], 0, comm.rank()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("length 7");
                int[] value = {comm.rank() == 0 ? 99 : 0};
                comm.bcast(value, 0, 1, 0);
                return value;
            });
            assertThat(got.get(1)).containsExactly(99);
        }
    }

    @Test
    void closeIsIdempotentAndAClosedCommunicatorRefusesWork() throws Exception {
        try (InProcessJob job = new InProcessJob(3, CONFIG)) {
            job.run(comm -> {
                comm.close();
                comm.close();
                assertThatThrownBy(comm::barrier)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed");
                return null;
            });
        }
    }

    @Test
    void aMessageToItselfIsKept() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            List<double[]> got = job.run(comm -> {
                comm.send(new double[] {comm.rank() + 0.5}, 0, 1, comm.rank(), 4);
                double[] back = new double[1];
                comm.recv(back, 0, 1, comm.rank(), 4);
                return back;
            });
            assertThat(got.get(0)).containsExactly(0.5);
            assertThat(got.get(1)).containsExactly(1.5);
        }
    }

    @Test
    void aPeerThatVanishesIsNamedByTheRankWaitingForIt() throws Exception {
        try (InProcessJob job = new InProcessJob(2, CONFIG)) {
            var results = job.start(comm -> {
                if (comm.rank() == 1) {
                    comm.abort();
                    return null;
                }
                return (Object) catchThrowable(() -> comm.recv(new int[1], 0, 1, 1, 9));
            });
            assertThat((Throwable) InProcessJob.await(results.get(0)))
                    .isInstanceOf(CommunicatorException.class)
                    .hasMessageContaining("rank 1 closed its connection");
            InProcessJob.await(results.get(1));
        }
    }

    @Test
    void aFrameAnnouncingMoreThanTheLimitIsRefusedBeforeAnythingIsAllocated() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel sender = SocketChannel.open(server.getLocalAddress());
                    SocketChannel receiver = server.accept()) {
                Transport transport =
                        new Transport(0, 2, new PeerLink[] {null, new PeerLink(0, 1, receiver, CONFIG)}, CONFIG);
                ByteBuffer raw =
                        ByteBuffer.allocate(WireDescriptor.HEADER_BYTES).order(ByteOrder.nativeOrder());
                // 1.5 GiB with another tag than the one received: the path that would stash (allocate) it.
                FrameHeader.encode(raw, 0, WireDescriptor.KIND_USER, 6, 3 << 29);
                sender.write(raw);
                MessageBuffer msg = new MessageBuffer().ints(new int[4], 0, 4);
                assertThatThrownBy(() -> transport.receive(1, WireDescriptor.KIND_USER, 5, msg))
                        .isInstanceOf(CommunicatorException.class)
                        .hasMessageContaining("rank 1")
                        .hasMessageContaining("announces 1610612736 bytes");
                transport.close();
            }
        }
    }

    @Test
    void garbageOnAnEstablishedConnectionIsAnError() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel sender = SocketChannel.open(server.getLocalAddress());
                    SocketChannel receiver = server.accept()) {
                Transport transport =
                        new Transport(0, 2, new PeerLink[] {null, new PeerLink(0, 1, receiver, CONFIG)}, CONFIG);
                sender.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes()));
                MessageBuffer msg = new MessageBuffer().ints(new int[4], 0, 4);
                assertThatThrownBy(() -> transport.receive(1, WireDescriptor.KIND_USER, 5, msg))
                        .isInstanceOf(CommunicatorException.class)
                        .hasMessageContaining("corrupt frame");
                transport.close();
            }
        }
    }

    private static Throwable catchThrowable(Runnable body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
