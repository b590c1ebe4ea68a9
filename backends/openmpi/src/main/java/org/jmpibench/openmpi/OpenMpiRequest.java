package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.jmpibench.spi.Request;

/**
 * One non-blocking send or receive on Open MPI, pooled by {@link OpenMpiRequests}. The bindings' non-blocking calls
 * take direct buffers only, so each request owns a {@link Staging} buffer that arrays (and heap buffers) are copied
 * through: in at the start of a send, out at the completion of a receive, exactly the elements that arrived. Direct
 * buffers go to MPI as they are. The staging buffer stays with the request when it returns to the pool, so a steady
 * stream of messages allocates no buffers.
 */
final class OpenMpiRequest implements Request {

    /** Where a completed operation's data goes, and what it is made of. */
    enum Target {
        /** A send: nothing to deliver. */
        SENT(MPI.BYTE, 1),
        /** A receive straight into the caller's direct buffer. */
        DIRECT_BYTES(MPI.BYTE, 1),
        /** A receive through staging into an {@code int[]}. */
        INTS(MPI.INT, Integer.BYTES),
        /** A receive through staging into a {@code double[]}. */
        DOUBLES(MPI.DOUBLE, Double.BYTES),
        /** A receive through staging into a heap {@code ByteBuffer}. */
        HEAP_BYTES(MPI.BYTE, 1);

        final mpi.Datatype type;
        final int elementBytes;

        Target(mpi.Datatype type, int elementBytes) {
            this.type = type;
            this.elementBytes = elementBytes;
        }
    }

    private static final int INITIAL_STAGING_BYTES = 1024;

    private final OpenMpiRequests owner;
    private final Staging staging = new Staging(INITIAL_STAGING_BYTES);
    private mpi.Request pending;
    private Target target;
    private int count;
    private int peer;
    private int tag;
    private int[] ints;
    private double[] doubles;
    private ByteBuffer heap;
    private int offset;
    private int result;
    private boolean done;
    /** In the pool, free for the next operation. */
    boolean pooled;
    /** Already in the {@code waitAll} batch being built (a request named twice is waited for once). */
    boolean batched;

    OpenMpiRequest(OpenMpiRequests owner) {
        this.owner = owner;
    }

    /** This request's staging buffer with room for {@code bytes}. */
    Staging staging(long bytes) {
        return staging.ensure(bytes);
    }

    void start(mpi.Request started, Target what, int elements, int rank, int messageTag) {
        pending = started;
        target = what;
        count = elements;
        peer = rank;
        tag = messageTag;
        done = false;
    }

    /** Where a staged receive's elements go when it completes. */
    void deliverTo(int[] array, int arrayOffset) {
        ints = array;
        offset = arrayOffset;
    }

    void deliverTo(double[] array, int arrayOffset) {
        doubles = array;
        offset = arrayOffset;
    }

    void deliverTo(ByteBuffer heapBuffer, int position) {
        heap = heapBuffer;
        offset = position;
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

    boolean isReceive() {
        return target != Target.SENT;
    }

    /** Whether completing needs the receive's status: to know how many elements to copy out of staging. */
    boolean copiesOut() {
        return target == Target.INTS || target == Target.DOUBLES || target == Target.HEAP_BYTES;
    }

    /**
     * Delivers what arrived. {@code status} is that of a receive; null for a send, or for a receive completed by a
     * {@code waitAll} that needed no status (nothing to copy; the count cannot be asked for after waitAll).
     */
    void complete(Status status) throws MPIException {
        result = count;
        if (status != null && isReceive()) {
            int arrived = ReceivedCount.of(status, target.type, target.elementBytes, count);
            switch (target) {
                case INTS -> staging.ints().get(0, ints, offset, arrived);
                case DOUBLES -> staging.doubles().get(0, doubles, offset, arrived);
                case HEAP_BYTES -> heap.put(offset, staging.bytes(), 0, arrived);
                default -> {}
            }
            result = arrived;
        }
        finish();
    }

    /** Ends the operation, keeping no reference to the caller's buffer. */
    void finish() {
        pending = null;
        ints = null;
        doubles = null;
        heap = null;
        done = true;
    }

    OpenMpiRequests owner() {
        return owner;
    }

    /** For messages: what this request is. */
    String describe() {
        return isReceive()
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
