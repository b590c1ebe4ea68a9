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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jmpibench.spi.CommunicatorException;

/**
 * A rank's listening socket while the mesh is built: accepts the higher ranks' connections, each checked by
 * its own short-lived thread (hello with the job token, claimed rank above ours and not yet connected, within
 * the handshake timeout) before it is kept. Strangers are closed and counted; they cannot delay or break the
 * job. Open it before registering with the rendezvous; close it once the mesh is complete.
 */
final class MeshListener implements AutoCloseable {

    private final int rank;
    private final int size;
    private final byte[] token;
    private final LoopbackConfig config;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Semaphore pending = new Semaphore(RendezvousServer.MAX_PENDING_HANDSHAKES);
    private final AtomicInteger refused = new AtomicInteger();
    /** Guarded by {@code this}: verified channels by peer rank. */
    private final SocketChannel[] accepted;
    private final boolean[] claimed;
    private int acceptedCount;
    private boolean closed;

    private MeshListener(int rank, int size, byte[] token, LoopbackConfig config, InetAddress bind)
            throws IOException {
        this.rank = rank;
        this.size = size;
        this.token = token;
        this.config = config;
        this.accepted = new SocketChannel[size];
        this.claimed = new boolean[size];
        server = ServerSocketChannel.open();
        if (config.socketBufferBytes() > 0) {
            // Set before bind, so accepted sockets inherit it and TCP can scale its window to it.
            server.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
        }
        server.bind(new InetSocketAddress(bind, 0), RendezvousServer.MAX_PENDING_HANDSHAKES);
        acceptor = new Thread(this::acceptLoop, "jmpi-loopback-accept-rank-" + rank);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on an ephemeral port of {@code bind}: 127.0.0.1 for loopback, the host's interface for tcp. */
    static MeshListener open(int rank, int size, byte[] token, LoopbackConfig config, InetAddress bind) {
        try {
            return new MeshListener(rank, size, token, config, bind);
        } catch (IOException e) {
            throw new UncheckedIOException("rank " + rank + ": cannot listen on " + bind.getHostAddress() + ": "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return server.socket().getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.socket().getInetAddress(), port());
    }

    int refusedCount() {
        return refused.get();
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!pending.tryAcquire()) {
                refused.incrementAndGet();
                closeQuietly(channel);
                continue;
            }
            Thread handler = new Thread(() -> {
                try {
                    handle(channel);
                } finally {
                    pending.release();
                }
            }, "jmpi-loopback-hello-rank-" + rank);
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void handle(SocketChannel channel) {
        try {
            Sockets.configure(channel, config);
            channel.socket().setSoTimeout(config.handshakeTimeoutMs());
            int peer = Handshake.readHello(Handshake.input(channel.socket()), token);
            if (!claim(peer)) {
                throw new Handshake.Refused("rank " + peer + " is not expected here");
            }
            Handshake.writeHello(Handshake.output(channel.socket()), rank, token);
            keep(peer, channel);
        } catch (IOException e) {
            refused.incrementAndGet();
            closeQuietly(channel);
        }
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
        closeQuietly(server);
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
