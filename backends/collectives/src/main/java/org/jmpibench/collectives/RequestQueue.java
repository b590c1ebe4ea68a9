package org.jmpibench.collectives;

/**
 * A FIFO of requests linked through the requests themselves ({@link QueuedRequest}): adding, taking the head and taking
 * the first request with a given match key out of the middle allocate nothing. A backend keeps one per peer for its
 * pending sends, and one per peer for its posted receives in posting order (MPI's matching order).
 */
public final class RequestQueue<R extends QueuedRequest> {

    private R head;
    private R tail;

    public boolean isEmpty() {
        return head == null;
    }

    public R peek() {
        return head;
    }

    public void add(R request) {
        request.next = null;
        if (tail == null) {
            head = request;
        } else {
            tail.next = request;
        }
        tail = request;
    }

    public R poll() {
        R first = head;
        if (first != null) {
            head = next(first);
            if (head == null) {
                tail = null;
            }
            first.next = null;
        }
        return first;
    }

    /** Removes and returns the oldest request whose {@link QueuedRequest#matchKey} is {@code key}, or null. */
    public R removeFirst(long key) {
        R before = null;
        for (R r = head; r != null; before = r, r = next(r)) {
            if (r.matchKey == key) {
                if (before == null) {
                    head = next(r);
                } else {
                    before.next = r.next;
                }
                if (tail == r) {
                    tail = before;
                }
                r.next = null;
                return r;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private R next(R r) {
        return (R) r.next;
    }
}
