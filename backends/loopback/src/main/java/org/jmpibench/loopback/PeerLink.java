package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.ALIGNMENT;
import static org.jmpibench.loopback.WireDescriptor.HEADER_BYTES;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.channels.SocketChannel;
import org.jmpibench.spi.CommunicatorException;

/**
 * One authenticated TCP connection to one peer rank: frames out and frames in, never waiting. Every method does what
 * the socket allows right now and says how far it got; {@link Transport} decides what to do next and how to wait. At
 * most one outgoing frame is in progress at a time (the transport queues the others).
 *
 * <p>Hot path: the socket is non-blocking, so a small message costs one {@code write} on the sender and usually one
 * {@code read} on the receiver, which gets header, payload and padding at once into {@link #in}. Both transport buffers
 * are direct, allocated once, and copied to and from the caller's arrays with bulk native-order views. Large payloads
 * for direct {@link ByteBuffer}s bypass the transport buffers (gathering write; read straight into the caller's
 * buffer).
 *
 * <p>Receive buffer invariant: a byte's index in {@link #in} is congruent, modulo {@link WireDescriptor#ALIGNMENT}, to
 * its offset in the stream, so frame payloads start at indices that suit the int and double views.
 */
final class PeerLink implements AutoCloseable {

    /** Each transport buffer: big enough that a 1 MiB message needs few system calls, small enough for L2. */
    static final int BUFFER_BYTES = 256 * 1024;
    /** Direct buffers at least this big are written and read without going through the transport buffers. */
    static final int ZERO_COPY_THRESHOLD_BYTES = 32 * 1024;

    private final int self;
    private final int peer;
    private final SocketChannel channel;
    private final long injectDelayNs;
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

    // The outgoing frame in progress.
    private boolean sending;
    private boolean sendingDirect;
    private int sendLength;
    private int sendPadding;
    /** Payload bytes taken from the message so far (copied into {@link #out}, or written directly). */
    private int sendAt;

    /** Bytes moved through the socket, both ways: the transport's measure of progress. */
    private long moved;

    PeerLink(int self, int peer, SocketChannel channel, LoopbackConfig config) throws IOException {
        this.self = self;
        this.peer = peer;
        this.channel = channel;
        this.injectDelayNs = config.injectDelayNs();
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

    SocketChannel channel() {
        return channel;
    }

    long moved() {
        return moved;
    }

    // ------------------------------------------------------------------ sending

    /**
     * Writes as much of the frame carrying all of {@code msg} as the socket takes now. Call again with the same
     * arguments until it returns true: then the whole frame is written and the caller's buffer is free.
     */
    boolean trySend(int kind, int tag, MessageBuffer msg) {
        try {
            if (!sending) {
                startFrame(kind, tag, msg);
            }
            return sendingDirect ? continueGathering(msg) : continueBuffered(msg);
        } catch (IOException e) {
            throw new CommunicatorException(
                    "rank " + self + ": sending to rank " + peer + " failed (it exited or " + "failed?): " + e, e);
        }
    }

    private void startFrame(int kind, int tag, MessageBuffer msg) {
        if (injectDelayNs > 0) {
            busyWait(injectDelayNs);
        }
        sending = true;
        sendAt = 0;
        sendLength = msg.byteLength();
        sendPadding = (int) (WireDescriptor.paddedLength(sendLength) - sendLength);
        // Absolute puts are checked against the limit, which the last write left short.
        out.clear();
        FrameHeader.encode(out, 0, kind, tag, sendLength);
        sendingDirect = msg.directBufferOrNull() != null && sendLength >= ZERO_COPY_THRESHOLD_BYTES;
        if (sendingDirect) {
            out.limit(HEADER_BYTES).position(0);
            zeros.limit(sendPadding).position(0);
        } else {
            fillOut(msg, HEADER_BYTES);
        }
    }

    /** Copies the next chunk of payload into {@link #out} from byte {@code filled}, plus the padding after the last. */
    private void fillOut(MessageBuffer msg, int filled) {
        int chunk = Math.min(sendLength - sendAt, (BUFFER_BYTES - filled) & -ALIGNMENT);
        msg.getInto(out, outInts, outDoubles, filled, sendAt, chunk);
        sendAt += chunk;
        filled += chunk;
        if (sendAt == sendLength) {
            for (int i = 0; i < sendPadding; i++) {
                out.put(filled++, (byte) 0);
            }
        }
        out.limit(filled).position(0);
    }

    private boolean continueBuffered(MessageBuffer msg) throws IOException {
        while (true) {
            if (out.hasRemaining()) {
                int n = channel.write(out);
                if (n == 0) {
                    return false;
                }
                moved += n;
                continue;
            }
            if (sendAt == sendLength) {
                sending = false;
                return true;
            }
            out.clear();
            fillOut(msg, 0);
        }
    }

    private boolean continueGathering(MessageBuffer msg) throws IOException {
        ByteBuffer payload = msg.directBufferOrNull();
        int index = msg.directIndex(0);
        int savedPosition = payload.position();
        int savedLimit = payload.limit();
        try {
            gathering[0] = out;
            gathering[1] = payload.limit(index + sendLength).position(index + sendAt);
            gathering[2] = zeros;
            while (out.hasRemaining() || payload.hasRemaining() || zeros.hasRemaining()) {
                long n = channel.write(gathering);
                sendAt = payload.position() - index;
                if (n == 0) {
                    return false;
                }
                moved += n;
            }
            sending = false;
            return true;
        } finally {
            gathering[1] = null;
            payload.limit(savedLimit).position(savedPosition);
        }
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Decodes the next frame's header if all of it has arrived (reading what the socket holds); its payload must then
     * be consumed with {@link #tryPayload} and {@link #trySkipPadding} before the next header.
     *
     * @return true when {@link #header()} holds the new header
     */
    boolean tryHeader() {
        while (writeIndex - readIndex < HEADER_BYTES) {
            if (tryFill() == 0) {
                return false;
            }
        }
        header.decode(in, readIndex);
        readIndex += HEADER_BYTES;
        return true;
    }

    /** The header {@link #tryHeader} decoded; the object is reused. */
    FrameHeader header() {
        return header;
    }

    /**
     * Streams payload bytes {@code [done, length)} of the current frame into {@code msg} (from its byte 0) as far as
     * they have arrived. {@code msg} must have room; its element size must divide {@code length}.
     *
     * @return the payload bytes that have now arrived
     */
    int tryPayload(MessageBuffer msg, int done, int length) {
        int unit = msg.elementBytes();
        ByteBuffer direct = msg.directBufferOrNull();
        while (done < length) {
            int available = writeIndex - readIndex;
            if (available == 0 && direct != null && length - done >= ZERO_COPY_THRESHOLD_BYTES) {
                int n = readDirect(direct, msg.directIndex(done), length - done);
                if (n == 0) {
                    return done;
                }
                done += n;
                continue;
            }
            int n = Math.min(available, length - done);
            n -= n % unit;
            if (n == 0) {
                if (tryFill() == 0) {
                    return done;
                }
                continue;
            }
            msg.putFrom(in, inInts, inDoubles, readIndex, done, n);
            readIndex += n;
            done += n;
        }
        return done;
    }

    /** Consumes the padding after a payload of {@code length} bytes, once it has arrived; true when it is done. */
    boolean trySkipPadding(int length) {
        int padding = (int) (WireDescriptor.paddedLength(length) - length);
        while (writeIndex - readIndex < padding) {
            if (tryFill() == 0) {
                return false;
            }
        }
        readIndex += padding;
        return true;
    }

    /** Reads straight into the caller's direct buffer; only called when {@link #in} holds no unread bytes. */
    private int readDirect(ByteBuffer target, int index, int length) {
        int savedPosition = target.position();
        int savedLimit = target.limit();
        int n;
        try {
            target.limit(index + length).position(index);
            n = read(target);
        } finally {
            target.limit(savedLimit).position(savedPosition);
        }
        // Keep the stream-offset invariant of `in` across the bytes that went elsewhere.
        readIndex = (readIndex + n) & (ALIGNMENT - 1);
        writeIndex = readIndex;
        return n;
    }

    /**
     * One non-blocking read into {@link #in}, making room first. Callers read only when the unread bytes are fewer than
     * they need (a partial header, element or padding: under 16 bytes), so moving those down is cheap.
     *
     * @return the bytes read, 0 when none had arrived
     */
    private int tryFill() {
        int unread = writeIndex - readIndex;
        if (unread == 0) {
            readIndex = readIndex & (ALIGNMENT - 1);
            writeIndex = readIndex;
        } else if (BUFFER_BYTES - writeIndex < ZERO_COPY_THRESHOLD_BYTES) {
            int base = readIndex & (ALIGNMENT - 1);
            for (int i = 0; i < unread; i++) {
                in.put(base + i, in.get(readIndex + i));
            }
            readIndex = base;
            writeIndex = base + unread;
        }
        in.limit(BUFFER_BYTES).position(writeIndex);
        int n = read(in);
        writeIndex += n;
        return n;
    }

    private int read(ByteBuffer dst) {
        int n;
        try {
            n = channel.read(dst);
        } catch (IOException e) {
            throw new CommunicatorException("rank " + self + ": receiving from rank " + peer + " failed: " + e, e);
        }
        if (n < 0) {
            throw new CommunicatorException("rank " + self + ": rank " + peer + " closed its connection "
                    + "(it exited or failed) while rank " + self + " was receiving from it");
        }
        moved += n;
        return n;
    }

    private static void busyWait(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    // ------------------------------------------------------------------ shutdown

    /** Half-closes: the peer reads end-of-stream after everything sent so far. */
    void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // The peer is gone already: nothing left to tell it.
        }
    }

    /** Reads and discards what has arrived; true once the peer has half-closed too, or the connection is gone. */
    boolean drained() {
        try {
            int n;
            do {
                in.clear();
                n = channel.read(in);
            } while (n > 0);
            readIndex = 0;
            writeIndex = 0;
            return n < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing; nothing to report to.
        }
    }
}
