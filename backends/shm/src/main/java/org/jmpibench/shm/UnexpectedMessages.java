package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Messages from one source that arrived before a receive asked for their tag, in arrival order, so that a receive for
 * another tag can overtake them while messages of one tag keep their order.
 *
 * <p>Entries and their buffers are recycled: a program that keeps overtaking allocates only until the pool and the
 * largest buffer have grown to its needs. This is the slow path; a receive that finds its tag at the head of the ring
 * streams straight into the user's buffer without coming here.
 */
final class UnexpectedMessages {

    /** One buffered message: its tag, length and bytes. */
    static final class Message {
        int tag;
        int length;
        BufferViews data = new BufferViews(ByteBuffer.allocate(0));

        /** Makes room for {@code bytes}, reusing the current buffer when it is large enough. */
        BufferViews reserve(int bytes) {
            if (data.capacity() < bytes) {
                data = new BufferViews(ByteBuffer.allocate(Math.max(bytes, 64)));
            }
            return data;
        }
    }

    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final ArrayDeque<Message> free = new ArrayDeque<>();

    /** An entry to fill; it joins the queue only when {@link #add} is called. */
    Message obtain() {
        Message message = free.pollFirst();
        return message != null ? message : new Message();
    }

    void add(Message message) {
        queue.addLast(message);
    }

    /** The oldest buffered message with {@code tag}, removed from the queue, or null. */
    Message take(int tag) {
        if (queue.isEmpty()) {
            return null;
        }
        for (Iterator<Message> it = queue.iterator(); it.hasNext(); ) {
            Message message = it.next();
            if (message.tag == tag) {
                it.remove();
                return message;
            }
        }
        return null;
    }

    void recycle(Message message) {
        free.addFirst(message);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
