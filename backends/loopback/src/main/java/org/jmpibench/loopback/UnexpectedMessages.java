package org.jmpibench.loopback;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Messages that arrived before a matching receive was posted, per source, in arrival order. A receive takes the oldest
 * message with its (kind, tag) from its source, which keeps MPI's per-(source, tag) FIFO order while letting other tags
 * overtake. Entries and their buffers are recycled (buffers up to {@link #RETAINED_BYTES}), so a program that keeps
 * overtaking allocates only until the pool has grown to its needs; an empty queue costs one null check.
 */
final class UnexpectedMessages {

    /** Larger stash buffers are dropped after use rather than kept for good. */
    static final int RETAINED_BYTES = 1 << 20;

    /** One early message: its header and a heap copy of its payload. */
    static final class Stashed {
        int kind;
        int tag;
        int length;
        private ByteBuffer data = ByteBuffer.allocate(0);
        private IntBuffer ints = data.asIntBuffer();
        private DoubleBuffer doubles = data.asDoubleBuffer();
        private final MessageBuffer view = new MessageBuffer();
        private Stashed next;

        /** Room for {@code bytes}, as a message the transport can read the payload into. */
        MessageBuffer reserve(int frameKind, int frameTag, int bytes) {
            kind = frameKind;
            tag = frameTag;
            length = bytes;
            if (data.capacity() < bytes) {
                data = ByteBuffer.allocate(Math.max(bytes, 64)).order(ByteOrder.nativeOrder());
                ints = data.asIntBuffer();
                doubles = data.asDoubleBuffer();
            }
            return view.bytes(data, 0, bytes);
        }

        /** Copies all of {@code msg} in: a send to oneself. */
        void fill(int frameKind, int frameTag, MessageBuffer msg) {
            reserve(frameKind, frameTag, msg.byteLength());
            msg.getInto(data, ints, doubles, 0, 0, length);
        }

        /** Copies the payload into {@code msg} from its byte 0. */
        void copyTo(MessageBuffer msg) {
            msg.putFrom(data, ints, doubles, 0, 0, length);
        }
    }

    private final Stashed[] heads;
    private final Stashed[] tails;
    private final int[] counts;
    private Stashed free;

    UnexpectedMessages(int size) {
        heads = new Stashed[size];
        tails = new Stashed[size];
        counts = new int[size];
    }

    /** An entry to fill; it joins a queue only through {@link #add}. */
    Stashed obtain() {
        Stashed s = free;
        if (s == null) {
            return new Stashed();
        }
        free = s.next;
        s.next = null;
        return s;
    }

    void add(int source, Stashed s) {
        s.next = null;
        if (tails[source] == null) {
            heads[source] = s;
        } else {
            tails[source].next = s;
        }
        tails[source] = s;
        counts[source]++;
    }

    /** Removes and returns the oldest message from {@code source} with this kind and tag, or null. */
    Stashed take(int source, int kind, int tag) {
        Stashed before = null;
        for (Stashed s = heads[source]; s != null; before = s, s = s.next) {
            if (s.kind == kind && s.tag == tag) {
                if (before == null) {
                    heads[source] = s.next;
                } else {
                    before.next = s.next;
                }
                if (tails[source] == s) {
                    tails[source] = before;
                }
                s.next = null;
                counts[source]--;
                return s;
            }
        }
        return null;
    }

    /** Gives a taken entry back for reuse. */
    void recycle(Stashed s) {
        if (s.data.capacity() > RETAINED_BYTES) {
            s.data = ByteBuffer.allocate(0);
            s.ints = s.data.asIntBuffer();
            s.doubles = s.data.asDoubleBuffer();
        }
        s.view.clear();
        s.next = free;
        free = s;
    }

    int count(int source) {
        return counts[source];
    }
}
