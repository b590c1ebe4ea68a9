package org.jmpibench.mpjexpress;

import java.nio.ByteBuffer;
import mpi.Status;
import org.jmpibench.spi.Request;

/**
 * One non-blocking send or receive on MPJ Express, pooled by {@link MpjRequests}. Arrays go to MPJ as they are (MPJ
 * packs a send at {@code Isend} and unpacks a receive into the array when it completes); a {@code ByteBuffer} is
 * received into this request's own {@code byte[]}, which stays with the request in the pool.
 */
final class MpjRequest implements Request {

    private final MpjRequests owner;
    private byte[] staging = new byte[0];
    private mpi.Request pending;
    private ArrayKind kind;
    private boolean receive;
    private int count;
    private int peer;
    private int tag;
    private ByteBuffer target;
    private int result;
    private boolean done;
    /** In the pool, free for the next operation. */
    boolean pooled;
    /** Already in the {@code waitAll} batch being built (a request named twice is waited for once). */
    boolean batched;

    MpjRequest(MpjRequests owner) {
        this.owner = owner;
    }

    /** This request's own array for a {@code ByteBuffer} receive of up to {@code bytes}. */
    byte[] staging(int bytes) {
        if (staging.length < bytes) {
            staging = new byte[bytes];
        }
        return staging;
    }

    void start(mpi.Request started, ArrayKind elements, boolean isReceive, int elementCount, int rank, int messageTag) {
        pending = started;
        kind = elements;
        receive = isReceive;
        count = elementCount;
        peer = rank;
        tag = messageTag;
        done = false;
    }

    /** Where a {@code ByteBuffer} receive's bytes go when it completes. */
    void deliverTo(ByteBuffer buf) {
        target = buf;
    }

    mpi.Request pending() {
        return pending;
    }

    boolean done() {
        return done;
    }

    int result() {
        return result;
    }

    MpjRequests owner() {
        return owner;
    }

    /**
     * Delivers what arrived, given the status MPJ returned on completion.
     *
     * @return false if the message was longer than the receive count
     */
    boolean complete(Status status) {
        boolean fits = true;
        result = count;
        if (receive) {
            int arrived = status.Get_count(kind.datatype());
            fits = arrived <= count;
            if (fits) {
                if (target != null) {
                    target.put(target.position(), staging, 0, arrived);
                }
                result = arrived;
            }
        }
        finish();
        return fits;
    }

    /** Ends the operation, keeping no reference to the caller's buffer. */
    void finish() {
        pending = null;
        target = null;
        done = true;
    }

    /** For messages: what this request is. */
    String describe() {
        return receive
                ? "irecv of at most " + count + " elements from rank " + peer + " with tag " + tag
                : "isend of " + count + " elements to rank " + peer + " with tag " + tag;
    }

    @Override
    public int await() {
        return owner.await(this);
    }

    @Override
    public boolean test() {
        return owner.test(this);
    }
}
