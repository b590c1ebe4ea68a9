package org.jmpibench.spi;

/**
 * A non-blocking send or receive started by {@link Communicator#isend} or {@link Communicator#irecv}.
 *
 * <p>Until the request has completed, the caller must neither read nor write the buffer it named. A request completes
 * only inside a call of its communicator: {@link #await()}, {@link #test()}, {@link Communicator#waitAll} or another
 * point-to-point call may make progress (MPI's weak progress rule), so a rank that posts requests must eventually wait
 * for them.
 *
 * <p>Requests belong to their communicator and follow its threading rule (one thread at a time). After {@link #await()}
 * or {@link Communicator#waitAll} has returned for a request, the communicator may reuse the object for a later
 * operation: drop the reference. This lets a backend keep a pool and allocate nothing per message.
 */
public interface Request {

    /**
     * Blocks until the operation has completed.
     *
     * @return for a receive, the number of elements (bytes, for a {@code ByteBuffer}) that arrived, at most the count
     *     posted; for a send, the count sent
     * @throws CommunicatorException on a transport failure, a dead peer, or a message longer than the buffer
     */
    int await();

    /** Makes progress and says whether the operation has completed, without blocking. */
    boolean test();
}
