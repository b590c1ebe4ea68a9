package org.jmpibench.loopback;

/**
 * A FIFO of requests linked through {@link LoopbackRequest#next}: adding, taking the head and taking the first
 * request of a (kind, tag) out of the middle allocate nothing. Per peer: its pending sends, or its posted
 * receives in posting order (MPI's matching order).
 */
final class RequestQueue {

    private LoopbackRequest head;
    private LoopbackRequest tail;

    boolean isEmpty() {
        return head == null;
    }

    LoopbackRequest peek() {
        return head;
    }

    void add(LoopbackRequest request) {
        request.next = null;
        if (tail == null) {
            head = request;
        } else {
            tail.next = request;
        }
        tail = request;
    }

    LoopbackRequest poll() {
        LoopbackRequest first = head;
        if (first != null) {
            head = first.next;
            if (head == null) {
                tail = null;
            }
            first.next = null;
        }
        return first;
    }

    /** Removes and returns the oldest request for this kind and tag, or null. */
    LoopbackRequest removeFirst(int kind, int tag) {
        LoopbackRequest before = null;
        for (LoopbackRequest r = head; r != null; before = r, r = r.next) {
            if (r.kind == kind && r.tag == tag) {
                if (before == null) {
                    head = r.next;
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
}
