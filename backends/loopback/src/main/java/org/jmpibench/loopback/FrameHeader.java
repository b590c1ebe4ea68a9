package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.FRAME_MAGIC;
import static org.jmpibench.loopback.WireDescriptor.HEADER_BYTES;
import static org.jmpibench.loopback.WireDescriptor.KIND_OFFSET;
import static org.jmpibench.loopback.WireDescriptor.KIND_USER;
import static org.jmpibench.loopback.WireDescriptor.LENGTH_OFFSET;
import static org.jmpibench.loopback.WireDescriptor.MAGIC_OFFSET;
import static org.jmpibench.loopback.WireDescriptor.MAX_KIND;
import static org.jmpibench.loopback.WireDescriptor.TAG_OFFSET;

import java.nio.ByteBuffer;
import org.jmpibench.spi.CommunicatorException;

/**
 * Encodes and validates the 16-byte data frame header of {@link WireDescriptor}. One instance per connection, reused
 * for every frame: decoding fills its fields instead of allocating.
 */
final class FrameHeader {

    private final long maxMessageBytes;
    private final String peer;
    private int kind;
    private int tag;
    private int byteLength;

    /**
     * @param maxMessageBytes the largest payload accepted; larger headers fail the connection
     * @param peer names the sending side in error messages, e.g. "rank 3"
     */
    FrameHeader(long maxMessageBytes, String peer) {
        if (maxMessageBytes < 0 || maxMessageBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be in 0.." + Integer.MAX_VALUE + ", got " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.peer = peer;
    }

    static void encode(ByteBuffer buf, int index, int kind, int tag, int byteLength) {
        buf.putInt(index + MAGIC_OFFSET, FRAME_MAGIC);
        buf.putInt(index + KIND_OFFSET, kind);
        buf.putInt(index + TAG_OFFSET, tag);
        buf.putInt(index + LENGTH_OFFSET, byteLength);
    }

    /**
     * Reads and checks the header at {@code index} of {@code buf} (which must hold {@link WireDescriptor#HEADER_BYTES}
     * bytes there). Nothing is allocated for the payload here: a bad length is refused before anyone trusts it.
     *
     * @throws CommunicatorException when the magic, kind, tag or length is invalid
     */
    void decode(ByteBuffer buf, int index) {
        if (buf.limit() - index < HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "need " + HEADER_BYTES + " header bytes at " + index + ", have " + (buf.limit() - index));
        }
        int magic = buf.getInt(index + MAGIC_OFFSET);
        int k = buf.getInt(index + KIND_OFFSET);
        int t = buf.getInt(index + TAG_OFFSET);
        int length = buf.getInt(index + LENGTH_OFFSET);
        if (magic != FRAME_MAGIC) {
            throw new CommunicatorException("corrupt frame from " + peer + ": magic 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(FRAME_MAGIC));
        }
        if (k < KIND_USER || k > MAX_KIND) {
            throw new CommunicatorException("corrupt frame from " + peer + ": unknown kind " + k);
        }
        if (t < 0) {
            throw new CommunicatorException("corrupt frame from " + peer + ": negative tag " + t);
        }
        if (length < 0 || length > maxMessageBytes) {
            throw new CommunicatorException("frame from " + peer + " announces " + length
                    + " bytes; accepted are 0.." + maxMessageBytes + " (" + LoopbackConfig.MAX_MESSAGE_BYTES_ENV
                    + ")");
        }
        kind = k;
        tag = t;
        byteLength = length;
    }

    int kind() {
        return kind;
    }

    int tag() {
        return tag;
    }

    int byteLength() {
        return byteLength;
    }
}
