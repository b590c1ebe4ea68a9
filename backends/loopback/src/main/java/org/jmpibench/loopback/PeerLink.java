package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.ALIGNMENT;
import static org.jmpibench.loopback.WireDescriptor.HEADER_BYTES;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.jmpibench.spi.CommunicatorException;

/**
 * One authenticated TCP connection to one peer rank: frames out, frames in, and the waiting in between.
 *
 * <p>Hot path: the socket is non-blocking and is polled directly (no selector) while spinning, so a small
 * message costs one {@code write} on the sender and usually one {@code read} on the receiver, which gets header,
 * payload and padding at once into {@link #in}. Both transport buffers are direct, allocated once, and copied
 * to and from the caller's arrays with bulk native-order views. Large payloads for direct {@link ByteBuffer}s
 * bypass the transport buffers (gathering write; read straight into the caller's buffer).
 *
 * <p>Receive buffer invariant: a byte's index in {@link #in} is congruent, modulo {@link WireDescriptor#ALIGNMENT},
 * to its offset in the stream, so frame payloads start at indices that suit the int and double views.
 */
final class PeerLink implements AutoCloseable {

    /** Each transport buffer: big enough that a 1 MiB message needs few system calls, small enough for L2. */
    static final int BUFFER_BYTES = 256 * 1024;
    /** Direct buffers at least this big are written and read without going through the transport buffers. */
    static final int ZERO_COPY_THRESHOLD_BYTES = 32 * 1024;
    /** How long a blocked wait sleeps in the selector before looking again (the wake-up normally comes first). */
    private static final long BLOCK_SLICE_MS = 100;
    private static final java.util.function.Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final int self;
    private final int peer;
    private final SocketChannel channel;
    private final IdleMode idleMode;
    private final long spinTurns;
    private final long yieldTurns;
    private final long injectDelayNs;
    private final long maxMessageBytes;
    private final FrameHeader header;

    private final ByteBuffer in;
    private final IntBuffer inInts;
    private final DoubleBuffer inDoubles;
    /** Unconsumed bytes of {@link #in} are [readIndex, writeIndex). */
    private int readIndex;
    private int writeIndex;

    private final ByteBuffer out;
    private final IntBuffer outInts;
    private final DoubleBuffer outDoubles;
    private final ByteBuffer zeros;
    private final ByteBuffer[] gathering = new ByteBuffer[3];

    private Selector selector;
    private SelectionKey key;

    PeerLink(int self, int peer, SocketChannel channel, LoopbackConfig config) throws IOException {
        this.self = self;
        this.peer = peer;
        this.channel = channel;
        this.idleMode = config.idleMode();
        this.spinTurns = config.spinTurns();
        this.yieldTurns = config.yieldTurns();
        this.injectDelayNs = config.injectDelayNs();
        this.maxMessageBytes = config.maxMessageBytes();
        this.header = new FrameHeader(config.maxMessageBytes(), "rank " + peer);
        channel.configureBlocking(false);
        in = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
        // Views made at position 0: view index i is byte i * element size of the buffer, for good.
        inInts = in.asIntBuffer();
        inDoubles = in.asDoubleBuffer();
        out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
        outInts = out.asIntBuffer();
        outDoubles = out.asDoubleBuffer();
        zeros = ByteBuffer.allocateDirect(ALIGNMENT);
    }

    // ------------------------------------------------------------------ sending

    /** Sends one frame carrying all of {@code msg}; returns when the caller's buffer may be reused. */
    void send(int kind, int tag, MessageBuffer msg) {
        if (injectDelayNs > 0) {
            busyWait(injectDelayNs);
        }
        int length = msg.byteLength();
        if (length > maxMessageBytes) {
            // The receiver would refuse the header anyway; say so here, where the caller can see why.
            throw new IllegalArgumentException("message of " + length + " bytes to rank " + peer + " exceeds $"
                    + LoopbackConfig.MAX_MESSAGE_BYTES_ENV + " = " + maxMessageBytes);
        }
        int padding = (int) (WireDescriptor.paddedLength(length) - length);
        // Absolute puts are checked against the limit, which the last write left short.
        out.clear();
        FrameHeader.encode(out, 0, kind, tag, length);
        ByteBuffer direct = msg.directBufferOrNull();
        if (direct != null && length >= ZERO_COPY_THRESHOLD_BYTES) {
            sendGathering(direct, msg.directIndex(0), length, padding);
            return;
        }
        int at = 0;
        int filled = HEADER_BYTES;
        while (true) {
            int chunk = Math.min(length - at, (BUFFER_BYTES - filled) & -ALIGNMENT);
            msg.getInto(out, outInts, outDoubles, filled, at, chunk);
            at += chunk;
            filled += chunk;
            if (at == length) {
                for (int i = 0; i < padding; i++) {
                    out.put(filled++, (byte) 0);
                }
                writeFully(out.limit(filled).position(0));
                return;
            }
            writeFully(out.limit(filled).position(0));
            out.clear();
            filled = 0;
        }
    }

    private void sendGathering(ByteBuffer payload, int index, int length, int padding) {
        int savedPosition = payload.position();
        int savedLimit = payload.limit();
        try {
            gathering[0] = out.limit(HEADER_BYTES).position(0);
            gathering[1] = payload.limit(index + length).position(index);
            gathering[2] = zeros.limit(padding).position(0);
            try {
                long turns = 0;
                while (gathering[2].hasRemaining() || gathering[1].hasRemaining() || gathering[0].hasRemaining()) {
                    turns = channel.write(gathering) == 0 ? awaitWritable(turns) : 0;
                }
            } catch (IOException e) {
                throw sendFailed(e);
            }
        } finally {
            gathering[1] = null;
            payload.limit(savedLimit).position(savedPosition);
        }
    }

    private void writeFully(ByteBuffer buf) {
        try {
            long turns = 0;
            while (buf.hasRemaining()) {
                turns = channel.write(buf) == 0 ? awaitWritable(turns) : 0;
            }
        } catch (IOException e) {
            throw sendFailed(e);
        }
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Reads the next frame's header (waiting for it); the payload must then be consumed with
     * {@link #readPayload} or {@link #readPayloadToHeap} before the next call. The returned object is reused.
     */
    FrameHeader nextHeader() {
        ensureAvailable(HEADER_BYTES);
        header.decode(in, readIndex);
        readIndex += HEADER_BYTES;
        return header;
    }

    /**
     * Streams the current frame's payload ({@code length} bytes, as the header said) into {@code msg} from byte 0,
     * then skips the padding. {@code msg} must have room; its element size must divide {@code length}.
     */
    void readPayload(MessageBuffer msg, int length) {
        int unit = msg.elementBytes();
        ByteBuffer direct = msg.directBufferOrNull();
        int done = 0;
        while (done < length) {
            int available = writeIndex - readIndex;
            if (available == 0 && direct != null && length - done >= ZERO_COPY_THRESHOLD_BYTES) {
                done += readDirect(direct, msg.directIndex(done), length - done);
                continue;
            }
            int n = Math.min(available, length - done);
            n -= n % unit;
            if (n == 0) {
                fill();
                continue;
            }
            msg.putFrom(in, inInts, inDoubles, readIndex, done, n);
            readIndex += n;
            done += n;
        }
        skipPadding(length);
    }

    /** Copies the current frame's payload into a fresh heap buffer: the message arrived before its recv. */
    ByteBuffer readPayloadToHeap(int length) {
        ByteBuffer stash = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        int done = 0;
        while (done < length) {
            int n = Math.min(writeIndex - readIndex, length - done);
            if (n == 0) {
                fill();
                continue;
            }
            stash.put(done, in, readIndex, n);
            readIndex += n;
            done += n;
        }
        skipPadding(length);
        return stash;
    }

    private void skipPadding(int length) {
        int padding = (int) (WireDescriptor.paddedLength(length) - length);
        if (padding > 0) {
            ensureAvailable(padding);
            readIndex += padding;
        }
    }

    /** Reads straight into the caller's direct buffer; only called when {@link #in} holds no unread bytes. */
    private int readDirect(ByteBuffer target, int index, int length) {
        int savedPosition = target.position();
        int savedLimit = target.limit();
        int n;
        try {
            target.limit(index + length).position(index);
            n = readSome(target);
        } finally {
            target.limit(savedLimit).position(savedPosition);
        }
        // Keep the stream-offset invariant of `in` across the bytes that went elsewhere.
        readIndex = (readIndex + n) & (ALIGNMENT - 1);
        writeIndex = readIndex;
        return n;
    }

    private void ensureAvailable(int bytes) {
        while (writeIndex - readIndex < bytes) {
            fill();
        }
    }

    /** Reads at least one more byte into {@link #in}, making room first; waits per the idle mode. */
    private void fill() {
        int unread = writeIndex - readIndex;
        if (unread == 0) {
            readIndex = readIndex & (ALIGNMENT - 1);
            writeIndex = readIndex;
        } else if (BUFFER_BYTES - writeIndex < ZERO_COPY_THRESHOLD_BYTES) {
            // Only a partial header or element is ever left behind (< 16 bytes): move it down, keeping alignment.
            int base = readIndex & (ALIGNMENT - 1);
            for (int i = 0; i < unread; i++) {
                in.put(base + i, in.get(readIndex + i));
            }
            readIndex = base;
            writeIndex = base + unread;
        }
        in.limit(BUFFER_BYTES).position(writeIndex);
        writeIndex += readSome(in);
    }

    /** One successful read (> 0 bytes) into {@code dst}, spinning and then blocking as configured. */
    private int readSome(ByteBuffer dst) {
        try {
            long turns = 0;
            while (true) {
                int n = channel.read(dst);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    throw new CommunicatorException("rank " + self + ": rank " + peer + " closed its connection "
                            + "(it exited or failed) while rank " + self + " was receiving from it");
                }
                turns = idle(turns, SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            throw new CommunicatorException("rank " + self + ": receiving from rank " + peer + " failed: " + e, e);
        }
    }

    private long awaitWritable(long turns) throws IOException {
        return idle(turns, SelectionKey.OP_WRITE);
    }

    /**
     * One turn of waiting after a read or write made no progress: spin, then yield the core, then block in the
     * selector (see {@link IdleMode}). Callers reset {@code turns} to 0 on progress.
     *
     * @return the turns spent so far
     */
    private long idle(long turns, int interest) throws IOException {
        if (idleMode == IdleMode.SPIN || turns < spinTurns) {
            Thread.onSpinWait();
        } else if (turns < spinTurns + yieldTurns) {
            Thread.yield();
        } else {
            block(interest);
            return turns;
        }
        return turns + 1;
    }

    private void block(int interest) throws IOException {
        if (selector == null) {
            selector = Selector.open();
            key = channel.register(selector, interest);
        } else if (key.interestOps() != interest) {
            key.interestOps(interest);
        }
        // The Consumer form leaves the selected-key set alone: no allocation per wake-up.
        selector.select(IGNORE_KEY, BLOCK_SLICE_MS);
    }

    private CommunicatorException sendFailed(IOException e) {
        return new CommunicatorException("rank " + self + ": sending to rank " + peer + " failed (it exited or "
                + "failed?): " + e, e);
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Half-closes, then reads and discards until the peer half-closes too (or {@code deadlineNs} passes), so that
     * closing never turns into a reset that could destroy data the peer has not read yet.
     */
    void shutdownGracefully(long deadlineNs) {
        try {
            channel.shutdownOutput();
            while (System.nanoTime() - deadlineNs < 0) {
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    block(SelectionKey.OP_READ);
                }
            }
        } catch (IOException e) {
            // The peer is gone already: nothing left to wait for.
        }
        readIndex = 0;
        writeIndex = 0;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException e) {
            // Closing; nothing to report to.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing; nothing to report to.
        }
    }
}
