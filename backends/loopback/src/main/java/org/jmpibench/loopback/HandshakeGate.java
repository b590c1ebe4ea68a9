package org.jmpibench.loopback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening port that lets a connection through only once it has proved, within the handshake timeout, that it
 * belongs to the job: a handshake of a few ints (magic and version first, see {@link WireDescriptor}), then the token's
 * length and the job's token. Used by the rendezvous and by every rank's mesh listener.
 *
 * <h2>Strangers cannot lock ranks out</h2>
 *
 * One selector thread accepts every connection at once and reads all pending handshakes without blocking, so a silent,
 * slow or garbage-speaking connection holds nothing but its own socket: garbage is dropped at its first wrong int, a
 * silent one at the timeout. A connection's bytes are read as soon as they arrive, and a rank writes its whole
 * handshake in one go right after connecting, so a rank is let through within one turn of the loop. New connections are
 * never refused: when more than {@value #MAX_UNPROVEN} are still unproven, the oldest is dropped to make room (a flood
 * can only push out connections that have had their chance to speak).
 */
final class HandshakeGate implements AutoCloseable {

    /** What to do with a connection that proved itself; throws {@link Handshake.Refused} to turn it away. */
    interface Admission {
        /**
         * @param channel blocking again, positioned just after the handshake
         * @param fields the ints of the handshake after magic and version (rank, and port for a registration)
         */
        void admit(SocketChannel channel, int[] fields) throws IOException;
    }

    /** Unproven connections held at once before the oldest is dropped. */
    static final int MAX_UNPROVEN = 1024;
    /** Listen backlog: room for a burst of connections between two turns of the loop. */
    static final int BACKLOG = 1024;
    /** The loop wakes at least this often, to time out handshakes and run the owner's tick. */
    private static final long TICK_MILLIS = 200;

    private final ServerSocketChannel server;
    private final int ints;
    private final byte[] token;
    private final long timeoutNs;
    private final Admission admission;
    private final Runnable tick;
    private final Selector selector;
    private final Thread thread;
    private final AtomicInteger refused = new AtomicInteger();
    /** Unproven connections, oldest first; only the gate's thread touches it. */
    private final Map<SocketChannel, Pending> pending = new LinkedHashMap<>();
    /** Connections that proved themselves during this turn of the loop, with their fields. */
    private final Map<Pending, int[]> proven = new LinkedHashMap<>();

    private volatile boolean closed;

    /**
     * Starts letting connections through {@code server} (bound, any blocking mode).
     *
     * @param name names the gate's thread
     * @param ints ints in the handshake before the token length, magic and version included
     * @param tick run by the gate's thread every {@value #TICK_MILLIS} ms or sooner (e.g. to give up at a deadline);
     *     must not block
     */
    HandshakeGate(
            String name,
            ServerSocketChannel server,
            int ints,
            byte[] token,
            int timeoutMs,
            Admission admission,
            Runnable tick)
            throws IOException {
        this.server = server;
        this.ints = ints;
        this.token = token.clone();
        this.timeoutNs = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        this.admission = admission;
        this.tick = tick;
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Connections turned away so far: strangers, wrong tokens, refused claims, dropped to make room. */
    int refusedCount() {
        return refused.get();
    }

    /** Stops accepting; closes the listening socket and every unproven connection. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select(this::ready, TICK_MILLIS);
                admitProven();
                dropExpired();
                tick.run();
            }
        } catch (IOException | RuntimeException e) {
            // The selector failed: nobody more can join through this gate; waiting ranks time out and say so.
        } finally {
            // Still unproven when the gate closes: turned away too.
            refused.addAndGet(pending.size());
            pending.keySet().forEach(HandshakeGate::closeQuietly);
            pending.clear();
            proven.keySet().forEach(connection -> closeQuietly(connection.channel));
            proven.clear();
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    private void ready(SelectionKey key) {
        if (key.isAcceptable()) {
            acceptAll();
        } else if (key.isReadable()) {
            read((Pending) key.attachment());
        }
    }

    private void acceptAll() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return;
            }
            if (channel == null) {
                return;
            }
            if (pending.size() >= MAX_UNPROVEN) {
                Pending oldest = pending.values().iterator().next();
                turnAway(oldest);
            }
            Pending fresh = new Pending(channel, System.nanoTime() + timeoutNs);
            try {
                channel.configureBlocking(false);
                fresh.key = channel.register(selector, SelectionKey.OP_READ, fresh);
            } catch (IOException e) {
                refused.incrementAndGet();
                closeQuietly(channel);
                continue;
            }
            pending.put(channel, fresh);
            // A rank has usually written its handshake already: read it now rather than on the next turn.
            read(fresh);
        }
    }

    private void read(Pending connection) {
        if (!pending.containsKey(connection.channel)) {
            return;
        }
        try {
            int[] fields = connection.read();
            if (fields != null) {
                pending.remove(connection.channel);
                connection.key.cancel();
                proven.put(connection, fields);
            }
        } catch (IOException e) {
            turnAway(connection);
        }
    }

    /** Hands the connections proven in this turn to the owner, in blocking mode (their keys are gone). */
    private void admitProven() throws IOException {
        if (proven.isEmpty()) {
            return;
        }
        // Cancelled keys leave the selector at its next selection; a channel may block only after that.
        selector.selectNow();
        for (Map.Entry<Pending, int[]> entry : proven.entrySet()) {
            SocketChannel channel = entry.getKey().channel;
            try {
                channel.configureBlocking(true);
                admission.admit(channel, entry.getValue());
            } catch (IOException e) {
                refused.incrementAndGet();
                closeQuietly(channel);
            }
        }
        proven.clear();
    }

    private void dropExpired() {
        long now = System.nanoTime();
        Iterator<Pending> oldestFirst = pending.values().iterator();
        while (oldestFirst.hasNext()) {
            Pending connection = oldestFirst.next();
            if (connection.deadlineNs - now > 0) {
                return;
            }
            oldestFirst.remove();
            refused.incrementAndGet();
            closeQuietly(connection.channel);
        }
    }

    private void turnAway(Pending connection) {
        pending.remove(connection.channel);
        refused.incrementAndGet();
        closeQuietly(connection.channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing; nothing to report to.
        }
    }

    /** One unproven connection and the part of its handshake read so far. */
    private final class Pending {

        private final SocketChannel channel;
        private final long deadlineNs;
        private final ByteBuffer bytes = ByteBuffer.allocate(4 * (ints + 1) + WireDescriptor.MAX_TOKEN_BYTES);
        private int tokenLength = -1;
        private SelectionKey key;

        Pending(SocketChannel channel, long deadlineNs) {
            this.channel = channel;
            this.deadlineNs = deadlineNs;
        }

        /**
         * Reads what has arrived, never past the handshake (the next bytes are the rank's data).
         *
         * @return the fields after magic and version once the whole handshake has arrived and checks out, else null
         *     (more to come)
         * @throws IOException when the connection is closed or what it sent is not a handshake of this job
         */
        int[] read() throws IOException {
            int header = 4 * (ints + 1);
            bytes.limit(tokenLength < 0 ? header : header + tokenLength);
            if (channel.read(bytes) < 0) {
                throw new Handshake.Refused("closed before the end of its handshake");
            }
            if (bytes.position() >= 8) {
                Handshake.checkMagicAndVersion(bytes.getInt(0), bytes.getInt(4));
            } else if (bytes.position() >= 4) {
                Handshake.checkMagicAndVersion(bytes.getInt(0), WireDescriptor.VERSION);
            }
            if (tokenLength < 0 && bytes.position() == header) {
                tokenLength = Handshake.checkTokenLength(bytes.getInt(header - 4));
                bytes.limit(header + tokenLength);
            }
            if (tokenLength < 0 || bytes.position() < header + tokenLength) {
                return null;
            }
            Handshake.checkToken(Arrays.copyOfRange(bytes.array(), header, header + tokenLength), token);
            int[] fields = new int[ints - 2];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = bytes.getInt(8 + 4 * i);
            }
            return fields;
        }
    }
}
