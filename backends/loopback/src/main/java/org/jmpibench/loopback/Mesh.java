package org.jmpibench.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.jmpibench.spi.CommunicatorException;

/**
 * Builds a rank's full mesh: listen, register with the rendezvous, then connect to every lower rank (speaking first)
 * while the {@link MeshListener} accepts every higher rank. No ordering deadlock is possible: accepting runs on its own
 * thread from before registration on, and the kernel's backlog holds early connections.
 */
final class Mesh {

    private Mesh() {}

    /** Listens on {@code bind} (127.0.0.1 for loopback, the host's interface for tcp) and joins. */
    static Transport join(
            int rank, int size, byte[] token, InetSocketAddress rendezvous, LoopbackConfig config, InetAddress bind) {
        return join(rank, size, token, rendezvous, config, MeshListener.open(rank, size, token, config, bind));
    }

    /** As above with a listener opened beforehand (tests use its port to play the stranger). */
    static Transport join(
            int rank,
            int size,
            byte[] token,
            InetSocketAddress rendezvous,
            LoopbackConfig config,
            MeshListener listener) {
        SocketChannel[] channels = new SocketChannel[size];
        PeerLink[] links = new PeerLink[size];
        try {
            InetSocketAddress[] peers =
                    RendezvousClient.exchange(rendezvous, rank, size, listener.address(), token, config);
            long deadlineNs = System.nanoTime() + config.rendezvousTimeoutMs() * 1_000_000L;
            for (int peer = 0; peer < rank; peer++) {
                channels[peer] = connect(rank, peer, peers[peer], token, config);
            }
            SocketChannel[] higher = listener.awaitHigherRanks(deadlineNs);
            System.arraycopy(higher, rank + 1, channels, rank + 1, size - rank - 1);
            listener.close();
            for (int peer = 0; peer < size; peer++) {
                if (peer != rank) {
                    links[peer] = new PeerLink(rank, peer, channels[peer], config);
                }
            }
            return new Transport(rank, size, links, config);
        } catch (IOException e) {
            closeAll(listener, channels);
            throw new CommunicatorException("rank " + rank + ": building the mesh failed: " + e, e);
        } catch (RuntimeException e) {
            closeAll(listener, channels);
            throw e;
        }
    }

    private static SocketChannel connect(
            int rank, int peer, InetSocketAddress address, byte[] token, LoopbackConfig config) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            Sockets.configure(channel, config);
            channel.socket().connect(address, config.handshakeTimeoutMs());
            channel.socket().setSoTimeout(config.handshakeTimeoutMs());
            Handshake.writeHello(Handshake.output(channel.socket()), rank, token);
            int answered = Handshake.readHello(Handshake.input(channel.socket()), token);
            if (answered != peer) {
                throw new Handshake.Refused(address + " answered as rank " + answered);
            }
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Failing already.
                }
            }
            throw new CommunicatorException(
                    "rank " + rank + ": connecting to rank " + peer + " at " + address + " failed: " + e, e);
        }
    }

    private static void closeAll(MeshListener listener, SocketChannel[] channels) {
        listener.close();
        listener.closeAccepted();
        for (SocketChannel channel : channels) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Failing already.
                }
            }
        }
    }
}
