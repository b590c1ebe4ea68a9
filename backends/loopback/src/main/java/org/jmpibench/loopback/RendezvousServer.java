package org.jmpibench.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.launcher.JobSession;

/**
 * The job's meeting point, run inside the launcher for the life of one job: every rank registers (token, rank, its
 * listening port, from its listening address); once all N have, each gets the table of addresses and the server stops
 * listening.
 *
 * <p>Robustness: it listens on an ephemeral port (two jobs never collide) of 127.0.0.1 (loopback) or of the launcher
 * host's address that every host of the job can reach (tcp, {@link org.jmpibench.launcher.BindAddress}), behind a
 * {@link HandshakeGate}: a silent, slow or garbage-speaking stranger is dropped after at most the handshake timeout,
 * and no number of them can keep a rank out. A wrong token, an out-of-range rank or a second registration of a rank is
 * refused. If not every rank has registered within the rendezvous timeout, the ranks that did are told which ranks are
 * missing, so they fail with a clear message instead of hanging.
 */
final class RendezvousServer implements JobSession {

    /** Ints of a registration before its token length: magic, version, rank, port. */
    private static final int REGISTRATION_INTS = 4;

    private final int np;
    private final int rendezvousTimeoutMs;
    private final long deadlineNs;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final HandshakeGate gate;

    /** Guarded by {@code this}. */
    private final SocketChannel[] registered;

    private final InetSocketAddress[] listening;
    private int count;
    private boolean finished;

    private RendezvousServer(int np, byte[] token, LoopbackConfig config, InetAddress bind) throws IOException {
        this.np = np;
        this.rendezvousTimeoutMs = config.rendezvousTimeoutMs();
        this.deadlineNs = System.nanoTime() + rendezvousTimeoutMs * 1_000_000L;
        this.registered = new SocketChannel[np];
        this.listening = new InetSocketAddress[np];
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(bind, 0), HandshakeGate.BACKLOG);
            address = new InetSocketAddress(bind, server.socket().getLocalPort());
            gate = new HandshakeGate(
                    "jmpi-loopback-rendezvous-" + address.getPort(),
                    server,
                    REGISTRATION_INTS,
                    token,
                    config.handshakeTimeoutMs(),
                    this::register,
                    this::giveUpAtTheDeadline);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Opens the rendezvous on {@code bind} for a job of {@code np} ranks that share {@code token}. */
    static RendezvousServer open(int np, String token, LoopbackConfig config, InetAddress bind) {
        try {
            return new RendezvousServer(np, token.getBytes(StandardCharsets.UTF_8), config, bind);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the rendezvous on " + bind.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return address.getPort();
    }

    /** Connections dropped so far: strangers, wrong tokens, duplicates. For tests and diagnostics. */
    int refusedCount() {
        return gate.refusedCount();
    }

    @Override
    public Map<String, String> envFor(int rank) {
        return Map.of(LoopbackConfig.RENDEZVOUS_ENV, address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** A connection that presented the job's token: rank and port, checked here. */
    private synchronized void register(SocketChannel channel, int[] fields) throws Handshake.Refused {
        int rank = fields[0];
        int listeningPort = fields[1];
        if (listeningPort <= 0 || listeningPort > 65535) {
            throw new Handshake.Refused("registration with port " + listeningPort);
        }
        if (finished || rank < 0 || rank >= np || registered[rank] != null) {
            throw new Handshake.Refused("registration of rank " + rank + " not expected");
        }
        registered[rank] = channel;
        // The registration comes from the rank's listening address (RendezvousClient binds to it).
        listening[rank] = new InetSocketAddress(channel.socket().getInetAddress(), listeningPort);
        count++;
        if (count == np) {
            for (SocketChannel s : registered) {
                try {
                    Handshake.writeTable(Handshake.output(s.socket()), listening);
                } catch (IOException e) {
                    // That rank is gone; it fails on its own and the launcher ends the job.
                }
                closeQuietly(s);
            }
            finish();
        }
    }

    private void giveUpAtTheDeadline() {
        if (System.nanoTime() - deadlineNs > 0) {
            giveUp();
        }
    }

    private synchronized void giveUp() {
        if (finished) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int r = 0; r < np; r++) {
            if (registered[r] == null) {
                missing.add(r);
            }
        }
        String message = "rendezvous: rank(s) " + missing + " of " + np + " did not register within "
                + rendezvousTimeoutMs + " ms ($" + LoopbackConfig.RENDEZVOUS_TIMEOUT_MS_ENV + ")";
        for (SocketChannel s : registered) {
            if (s != null) {
                try {
                    Handshake.writeError(Handshake.output(s.socket()), message);
                } catch (IOException e) {
                    // That rank is gone already.
                }
                closeQuietly(s);
            }
        }
        finish();
    }

    private void finish() {
        finished = true;
        gate.close();
    }

    @Override
    public void close() {
        synchronized (this) {
            for (SocketChannel s : registered) {
                if (s != null) {
                    closeQuietly(s);
                }
            }
            finished = true;
        }
        gate.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing; nothing to report to.
        }
    }
}
