package org.jmpibench.loopback;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jmpibench.launcher.JobSession;

/**
 * The job's meeting point, run inside the launcher for the life of one job: every rank registers (token, rank,
 * its listening port, from its listening address); once all N have, each gets the table of addresses and the
 * server stops listening.
 *
 * <p>Robustness: it listens on an ephemeral port (two jobs never collide) of 127.0.0.1 (loopback) or of the
 * launcher host's address that every host of the job can reach (tcp, {@link org.jmpibench.launcher.BindAddress}).
 * Each connection gets its own short-lived thread with a read timeout, so a silent, slow or garbage-speaking
 * stranger is dropped after at most the handshake timeout and never delays the real ranks; at most
 * {@value #MAX_PENDING_HANDSHAKES} unverified connections are held at once, further ones are closed at once. A wrong
 * token, an out-of-range rank or a second registration of a rank is refused. If not every rank has registered
 * within the rendezvous timeout, the ranks that did are told which ranks are missing, so they fail with a clear
 * message instead of hanging.
 */
final class RendezvousServer implements JobSession {

    static final int MAX_PENDING_HANDSHAKES = 64;

    private final int np;
    private final byte[] token;
    private final int handshakeTimeoutMs;
    private final int rendezvousTimeoutMs;
    private final long deadlineNs;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Semaphore pending = new Semaphore(MAX_PENDING_HANDSHAKES);
    private final AtomicInteger refused = new AtomicInteger();

    /** Guarded by {@code this}. */
    private final Socket[] registered;
    private final InetSocketAddress[] listening;
    private int count;
    private boolean finished;

    private RendezvousServer(int np, byte[] token, LoopbackConfig config, InetAddress bind) throws IOException {
        this.np = np;
        this.token = token;
        this.handshakeTimeoutMs = config.handshakeTimeoutMs();
        this.rendezvousTimeoutMs = config.rendezvousTimeoutMs();
        this.deadlineNs = System.nanoTime() + rendezvousTimeoutMs * 1_000_000L;
        this.registered = new Socket[np];
        this.listening = new InetSocketAddress[np];
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(bind, 0), MAX_PENDING_HANDSHAKES);
        // Wake up now and then to notice the deadline even when nobody connects.
        server.setSoTimeout(200);
        acceptor = new Thread(this::acceptLoop, "jmpi-loopback-rendezvous-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Opens the rendezvous on {@code bind} for a job of {@code np} ranks that share {@code token}. */
    static RendezvousServer open(int np, String token, LoopbackConfig config, InetAddress bind) {
        try {
            return new RendezvousServer(np, token.getBytes(StandardCharsets.UTF_8), config, bind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rendezvous on " + bind.getHostAddress() + ": "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections dropped so far: strangers, wrong tokens, duplicates. For tests and diagnostics. */
    int refusedCount() {
        return refused.get();
    }

    @Override
    public Map<String, String> envFor(int rank) {
        return Map.of(LoopbackConfig.RENDEZVOUS_ENV, server.getInetAddress().getHostAddress() + ":" + port());
    }

    private void acceptLoop() {
        while (!isFinished()) {
            if (System.nanoTime() - deadlineNs > 0) {
                giveUp();
                break;
            }
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                break; // closed
            }
            if (!pending.tryAcquire()) {
                refused.incrementAndGet();
                closeQuietly(socket);
                continue;
            }
            Thread handler = new Thread(() -> {
                try {
                    handle(socket);
                } finally {
                    pending.release();
                }
            }, "jmpi-loopback-rendezvous-handshake");
            handler.setDaemon(true);
            handler.start();
        }
        closeQuietly(server);
    }

    private void handle(Socket socket) {
        Handshake.Registration registration;
        try {
            socket.setSoTimeout(handshakeTimeoutMs);
            socket.setTcpNoDelay(true);
            registration = Handshake.readRegistration(Handshake.input(socket), token);
        } catch (IOException e) {
            refused.incrementAndGet();
            closeQuietly(socket);
            return;
        }
        register(socket, registration);
    }

    private synchronized void register(Socket socket, Handshake.Registration registration) {
        int rank = registration.rank();
        if (finished || rank < 0 || rank >= np || registered[rank] != null) {
            refused.incrementAndGet();
            closeQuietly(socket);
            return;
        }
        registered[rank] = socket;
        listening[rank] = new InetSocketAddress(socket.getInetAddress(), registration.port());
        count++;
        if (count == np) {
            for (Socket s : registered) {
                try {
                    Handshake.writeTable(Handshake.output(s), listening);
                } catch (IOException e) {
                    // That rank is gone; it fails on its own and the launcher ends the job.
                }
                closeQuietly(s);
            }
            finish();
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
        for (Socket s : registered) {
            if (s != null) {
                try {
                    Handshake.writeError(Handshake.output(s), message);
                } catch (IOException e) {
                    // That rank is gone already.
                }
                closeQuietly(s);
            }
        }
        finish();
    }

    private synchronized boolean isFinished() {
        return finished;
    }

    private void finish() {
        finished = true;
        closeQuietly(server);
    }

    @Override
    public void close() {
        synchronized (this) {
            for (Socket s : registered) {
                if (s != null) {
                    closeQuietly(s);
                }
            }
            finish();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
