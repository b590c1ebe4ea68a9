package org.jmpibench.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.jmpibench.spi.CommunicatorException;

/**
 * A rank's listening socket while the mesh is built: accepts the higher ranks' connections through a
 * {@link HandshakeGate} (hello with the job token within the handshake timeout) and keeps each once its claimed rank is
 * above ours and not yet connected, answering with its own hello. Strangers are closed and counted; they cannot delay
 * or break the job. Open it before registering with the rendezvous; close it once the mesh is complete.
 */
final class MeshListener implements AutoCloseable {

    /** Ints of a hello before its token length: magic, version, rank. */
    private static final int HELLO_INTS = 3;

    private final int rank;
    private final int size;
    private final byte[] token;
    private final LoopbackConfig config;
    private final ServerSocketChannel server;
    private final int port;
    private final HandshakeGate gate;
    /** Guarded by {@code this}: verified channels by peer rank. */
    private final SocketChannel[] accepted;

    private final boolean[] claimed;
    private int acceptedCount;
    private boolean closed;

    private MeshListener(int rank, int size, byte[] token, LoopbackConfig config, InetAddress bind) throws IOException {
        this.rank = rank;
        this.size = size;
        this.token = token;
        this.config = config;
        this.accepted = new SocketChannel[size];
        this.claimed = new boolean[size];
        server = ServerSocketChannel.open();
        try {
            if (config.socketBufferBytes() > 0) {
                // Set before bind, so accepted sockets inherit it and TCP can scale its window to it.
                server.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
            }
            server.bind(new InetSocketAddress(bind, 0), HandshakeGate.BACKLOG);
            port = server.socket().getLocalPort();
            gate = new HandshakeGate(
                    "jmpi-loopback-accept-rank-" + rank,
                    server,
                    HELLO_INTS,
                    token,
                    config.handshakeTimeoutMs(),
                    this::admit,
                    () -> {});
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Listens on an ephemeral port of {@code bind}: 127.0.0.1 for loopback, the host's interface for tcp. */
    static MeshListener open(int rank, int size, byte[] token, LoopbackConfig config, InetAddress bind) {
        try {
            return new MeshListener(rank, size, token, config, bind);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "rank " + rank + ": cannot listen on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.socket().getInetAddress(), port());
    }

    int refusedCount() {
        return gate.refusedCount();
    }

    /** A connection that presented the job's token and claims rank {@code fields[0]}. */
    private void admit(SocketChannel channel, int[] fields) throws IOException {
        int peer = fields[0];
        if (!claim(peer)) {
            throw new Handshake.Refused("rank " + peer + " is not expected here");
        }
        Sockets.configure(channel, config);
        Handshake.writeHello(Handshake.output(channel.socket()), rank, token);
        keep(peer, channel);
    }

    /** Reserves {@code peer} so a second hello claiming the same rank is refused. */
    private synchronized boolean claim(int peer) {
        if (closed || peer <= rank || peer >= size || claimed[peer]) {
            return false;
        }
        claimed[peer] = true;
        return true;
    }

    private synchronized void keep(int peer, SocketChannel channel) {
        if (closed) {
            closeQuietly(channel);
            return;
        }
        accepted[peer] = channel;
        acceptedCount++;
        notifyAll();
    }

    /**
     * Waits until every higher rank has connected and proved itself.
     *
     * @return channels indexed by rank; entries above this rank are set
     * @throws CommunicatorException naming the ranks that did not connect in time
     */
    synchronized SocketChannel[] awaitHigherRanks(long deadlineNs) {
        int expected = size - 1 - rank;
        while (acceptedCount < expected) {
            long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                List<Integer> missing = new ArrayList<>();
                for (int r = rank + 1; r < size; r++) {
                    if (accepted[r] == null) {
                        missing.add(r);
                    }
                }
                throw new CommunicatorException("rank " + rank + ": rank(s) " + missing + " did not connect within "
                        + config.rendezvousTimeoutMs() + " ms");
            }
            try {
                wait(leftMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommunicatorException("rank " + rank + ": interrupted while building the mesh", e);
            }
        }
        return accepted.clone();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        gate.close();
    }

    /** Closes the channels that were accepted but are not going to be used (a failed join). */
    synchronized void closeAccepted() {
        for (SocketChannel channel : accepted) {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing; nothing to report to.
        }
    }
}
