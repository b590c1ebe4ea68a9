package org.jmpibench.spi;

import java.nio.ByteBuffer;

/**
 * The argument checks every {@link Communicator} makes, in one place, so that every backend rejects the same misuse
 * with the same exception and the same words (the "Errors" section of {@link Communicator}; the conformance suite
 * checks it on every backend). Each check returns normally or throws {@link IllegalArgumentException} naming the
 * argument and the bad value; {@link #open} throws {@link IllegalStateException} or {@link CommunicatorException}.
 * Checks cost a few compares: call them on every operation, before any work.
 */
public final class Checks {

    private Checks() {}

    /**
     * A communicator that was closed is misuse ({@link IllegalStateException}); one that failed earlier (a transport
     * error, a dead peer) stays failed ({@link CommunicatorException}).
     */
    public static void open(int rank, boolean closed, boolean failed) {
        if (closed) {
            throw new IllegalStateException("rank " + rank + ": the communicator is closed");
        }
        if (failed) {
            throw new CommunicatorException("rank " + rank + ": the communicator failed earlier and cannot be used");
        }
    }

    /** {@code what} ("dest", "source", "root") names a rank of a job of {@code size} ranks. */
    public static void rank(int rank, int size, String what) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException(what + " rank " + rank + " is outside 0.." + (size - 1));
        }
    }

    /** Tags are {@code >= 0}, as in MPI (negative tags are MPI's wildcards, which the SPI does not offer). */
    public static void tag(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must be >= 0, got " + tag);
        }
    }

    /** {@code count} elements from {@code offset} lie inside {@code buf}; {@code buf} is not null. */
    public static void range(int[] buf, int offset, int count, String what) {
        range(buf == null ? -1 : buf.length, offset, count, what);
    }

    /** {@code count} elements from {@code offset} lie inside {@code buf}; {@code buf} is not null. */
    public static void range(double[] buf, int offset, int count, String what) {
        range(buf == null ? -1 : buf.length, offset, count, what);
    }

    /**
     * {@code blocks} blocks of {@code count} elements each from {@code offset} lie inside {@code buf} (the receive side
     * of gather, allgather, alltoall and the send side of scatter and reduce-scatter).
     */
    public static void blocks(int[] buf, int offset, int count, int blocks, String what) {
        range(buf == null ? -1 : buf.length, offset, blockElements(count, blocks, what), what);
    }

    /** As {@link #blocks(int[], int, int, int, String)} for doubles. */
    public static void blocks(double[] buf, int offset, int count, int blocks, String what) {
        range(buf == null ? -1 : buf.length, offset, blockElements(count, blocks, what), what);
    }

    /** {@code buf} is not null. */
    public static ByteBuffer notNull(ByteBuffer buf, String what) {
        if (buf == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        return buf;
    }

    /** {@code buf} is not null and holds a whole number of {@code type} elements; returns that number. */
    public static int elements(ByteBuffer buf, DataType type, String what) {
        int bytes = notNull(buf, what).remaining();
        if (bytes % type.bytes() != 0) {
            throw new IllegalArgumentException(what + ": " + bytes + " bytes remaining is not a whole number of " + type
                    + " elements (" + type.bytes() + " bytes each)");
        }
        return bytes / type.bytes();
    }

    /** {@code buf} is not null and has room for {@code bytes} bytes from its position. */
    public static void room(ByteBuffer buf, long bytes, String what) {
        if (notNull(buf, what).remaining() < bytes) {
            throw new IllegalArgumentException(
                    what + ": " + buf.remaining() + " bytes remaining, " + bytes + " needed");
        }
    }

    /** {@code buf} is not null and its remaining bytes split into {@code blocks} equal blocks; returns one's size. */
    public static int blockBytes(ByteBuffer buf, int blocks, String what) {
        int bytes = notNull(buf, what).remaining();
        if (bytes % blocks != 0) {
            throw new IllegalArgumentException(
                    what + ": " + bytes + " bytes remaining do not split into " + blocks + " equal blocks");
        }
        return bytes / blocks;
    }

    /** {@code buf} is not null and not read-only: a receive buffer. */
    public static ByteBuffer writable(ByteBuffer buf, String what) {
        if (notNull(buf, what).isReadOnly()) {
            throw new IllegalArgumentException(what + " is read-only and cannot receive");
        }
        return buf;
    }

    /**
     * {@code buf} is not null and its remaining bytes split into {@code blocks} equal blocks of whole {@code type}
     * elements (the send side of a {@code ByteBuffer} reduce-scatter); returns the elements in one block.
     */
    public static int elementsPerBlock(ByteBuffer buf, int blocks, DataType type, String what) {
        int blockBytes = blockBytes(buf, blocks, what);
        if (blockBytes % type.bytes() != 0) {
            throw new IllegalArgumentException(what + ": blocks of " + blockBytes + " bytes are not a whole number of "
                    + type + " elements (" + type.bytes() + " bytes each)");
        }
        return blockBytes / type.bytes();
    }

    /** {@code requests} is not null and has at least {@code count} entries ({@link Communicator#waitAll}). */
    public static void requests(Request[] requests, int count) {
        if (requests == null) {
            throw new IllegalArgumentException("requests is null");
        }
        if (count < 0 || count > requests.length) {
            throw new IllegalArgumentException(
                    "count " + count + " is outside 0.." + requests.length + " (the length of requests)");
        }
    }

    /** The operation of a reduction is not null. */
    public static ReduceOp op(ReduceOp op) {
        if (op == null) {
            throw new IllegalArgumentException("the reduce operation is null");
        }
        return op;
    }

    /** The data type of a {@code ByteBuffer} reduction is not null. */
    public static DataType type(DataType type) {
        if (type == null) {
            throw new IllegalArgumentException("the data type is null");
        }
        return type;
    }

    private static void range(int length, int offset, int count, String what) {
        if (length < 0) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (count < 0) {
            throw new IllegalArgumentException(what + ": count must be >= 0, got " + count);
        }
        if (offset < 0 || offset > length - count) {
            throw new IllegalArgumentException(
                    what + ": offset " + offset + " + count " + count + " is outside an array of length " + length);
        }
    }

    private static int blockElements(int count, int blocks, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + ": count must be >= 0, got " + count);
        }
        long total = (long) count * blocks;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    what + ": " + blocks + " blocks of " + count + " elements exceed the largest Java array");
        }
        return (int) total;
    }
}
