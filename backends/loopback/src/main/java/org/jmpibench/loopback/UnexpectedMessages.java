package org.jmpibench.loopback;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that arrived before a matching receive was posted, per source, in arrival order. A receive takes the
 * oldest message with its (kind, tag) from its source, which keeps MPI's per-(source, tag) FIFO order while
 * letting other tags overtake. The common case, an empty queue, costs one {@code isEmpty()} and no allocation.
 */
final class UnexpectedMessages {

    /** One early message: its payload copied to the heap. */
    record Stashed(int kind, int tag, ByteBuffer payload) {
    }

    private final List<List<Stashed>> bySource;

    UnexpectedMessages(int size) {
        bySource = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            bySource.add(new ArrayList<>());
        }
    }

    void add(int source, int kind, int tag, ByteBuffer payload) {
        bySource.get(source).add(new Stashed(kind, tag, payload));
    }

    /** Removes and returns the oldest message from {@code source} with this kind and tag, or null. */
    Stashed take(int source, int kind, int tag) {
        List<Stashed> queue = bySource.get(source);
        if (queue.isEmpty()) {
            return null;
        }
        for (int i = 0; i < queue.size(); i++) {
            Stashed s = queue.get(i);
            if (s.kind() == kind && s.tag() == tag) {
                return queue.remove(i);
            }
        }
        return null;
    }

    int count(int source) {
        return bySource.get(source).size();
    }
}
