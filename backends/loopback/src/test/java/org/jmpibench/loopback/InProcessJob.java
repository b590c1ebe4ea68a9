package org.jmpibench.loopback;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback job whose ranks are threads of the test JVM: the real rendezvous, listeners, mesh and transport, without
 * process start-up, so tests can reach inside (listener ports, refusal counters) and poke at them.
 */
final class InProcessJob implements AutoCloseable {

    interface RankBody<T> {
        T run(LoopbackCommunicator comm) throws Exception;
    }

    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    final int np;
    final LoopbackConfig config;
    final RendezvousServer rendezvous;
    final MeshListener[] listeners;
    private final ExecutorService threads;

    /** Opens the rendezvous and every rank's listener; no rank has registered yet. */
    InProcessJob(int np, LoopbackConfig config) {
        this.np = np;
        this.config = config;
        this.rendezvous = RendezvousServer.open(np, TOKEN, config, InetAddress.getLoopbackAddress());
        this.listeners = new MeshListener[np];
        for (int r = 0; r < np; r++) {
            listeners[r] = MeshListener.open(r, np, token(), config, InetAddress.getLoopbackAddress());
        }
        this.threads = Executors.newFixedThreadPool(np, runnable -> {
            Thread thread = new Thread(runnable, "in-process-rank");
            thread.setDaemon(true);
            return thread;
        });
    }

    static byte[] token() {
        return TOKEN.getBytes(StandardCharsets.UTF_8);
    }

    InetSocketAddress rendezvousAddress() {
        return new InetSocketAddress("127.0.0.1", rendezvous.port());
    }

    /** Starts every rank: join, run {@code body}, close. */
    <T> List<Future<T>> start(RankBody<T> body) {
        List<Future<T>> results = new ArrayList<>();
        for (int r = 0; r < np; r++) {
            final int rank = r;
            results.add(threads.submit(() -> {
                Transport transport = Mesh.join(rank, np, token(), rendezvousAddress(), config, listeners[rank]);
                LoopbackCommunicator comm = new LoopbackCommunicator(transport);
                try {
                    return body.run(comm);
                } finally {
                    try {
                        comm.close();
                    } catch (RuntimeException e) {
                        transport.close();
                    }
                }
            }));
        }
        return results;
    }

    /** Runs every rank to completion; a rank's exception is rethrown. */
    <T> List<T> run(RankBody<T> body) throws Exception {
        List<T> values = new ArrayList<>();
        for (Future<T> result : start(body)) {
            values.add(await(result));
        }
        return values;
    }

    /** A generous bound that only a hang can reach; tests never assert timings. */
    static <T> T await(Future<T> result) throws Exception {
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("a rank hung", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        rendezvous.close();
        for (MeshListener listener : listeners) {
            listener.close();
        }
    }
}
