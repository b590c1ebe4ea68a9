package org.jmpibench.spi;

import java.nio.ByteBuffer;

/**
 * What one rank of a job can do: blocking and non-blocking point-to-point messages, and the collectives of OSU's
 * micro-benchmark set.
 *
 * <h2>Contract shared by every backend</h2>
 *
 * <ul>
 *   <li><b>Blocking.</b> Every blocking call returns when the caller's buffer may be reused (send) or holds the data
 *       (recv, and the receiving side of a collective). A send may complete before the matching recv is posted.
 *   <li><b>Non-blocking.</b> {@link #isend} and {@link #irecv} start an operation and return a {@link Request}; the
 *       buffer belongs to the operation until the request completes ({@link Request#await()}, {@link #waitAll}). A rank
 *       may have up to {@link #MAX_OUTSTANDING_REQUESTS} requests outstanding, and may mix them with blocking
 *       point-to-point calls; it must not call a collective while any of its requests is outstanding. A receive posted
 *       with {@code irecv} matches like a blocking recv, in the order the receives were posted.
 *   <li><b>Matching and ordering.</b> A recv names one source rank and one tag ({@code tag >= 0}); messages from one
 *       source with one tag arrive in the order they were sent, as MPI promises. Messages with other tags may overtake
 *       them.
 *   <li><b>Counts.</b> A recv receives at most {@code count} elements and returns how many arrived; a message longer
 *       than the receive buffer is an error ({@link CommunicatorException}), never silently cut.
 *   <li><b>Collectives</b> must be called by every rank of the job, in the same order, with the same root, the same
 *       element count and the same {@link ReduceOp}. Arguments in the same position as MPI's: a block is {@code count}
 *       elements; where several blocks meet in one buffer (gather, allgather, alltoall, scatter, reduce-scatter) rank
 *       {@code r}'s block starts at {@code offset + r * count}. Send and receive buffers of one call must not overlap
 *       (there is no in-place variant). Buffers that a rank does not use (the receive buffer of gather and reduce off
 *       the root, the send buffer of scatter off the root) are ignored and may be null.
 *   <li><b>Buffers.</b> Array variants take {@code (array, offset, count)}. {@link ByteBuffer} variants use the bytes
 *       between position and limit and do not move the position; backends that can avoid a copy for direct buffers do.
 *       Byte order is the buffer's concern: all ranks run on machines of one byte order. Reductions on a
 *       {@code ByteBuffer} name the {@link DataType} of its elements.
 *   <li><b>Threads.</b> One thread at a time per communicator (MPI_THREAD_SERIALIZED). JMH calls benchmarks from its
 *       worker threads, so a backend must not assume the thread that created it.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Every backend checks its arguments with {@link Checks}, before any work, so misuse fails the same way everywhere (the
 * conformance suite checks this on every backend):
 *
 * <ul>
 *   <li>{@link IllegalArgumentException}: a rank or root outside {@code 0..size()-1}, a negative tag or count, an
 *       offset and count outside the array, a null buffer, operation or data type where one is used, a
 *       {@code ByteBuffer} whose remaining bytes are not a whole number of elements or blocks, a receive buffer too
 *       small for what the call delivers into it. The communicator stays usable.
 *   <li>{@link IllegalStateException}: any call but {@link #close()} after {@link #close()}.
 *   <li>{@link CommunicatorException}: a transport failure, a dead peer, a message longer than the receive buffer, more
 *       than {@link #MAX_OUTSTANDING_REQUESTS} requests. After one, the communicator is failed: every later call but
 *       {@link #close()} throws {@link CommunicatorException} too.
 * </ul>
 */
public interface Communicator extends AutoCloseable {

    /** Requests a rank may have outstanding at once: OSU's bi-directional bandwidth test needs 2 x 64. */
    int MAX_OUTSTANDING_REQUESTS = 1024;

    /** This rank's number, {@code 0 <= rank() < size()}. */
    int rank();

    /** The number of ranks in the job. */
    int size();

    void send(int[] buf, int offset, int count, int dest, int tag);

    void send(double[] buf, int offset, int count, int dest, int tag);

    /** Sends the bytes between {@code buf}'s position and limit. */
    void send(ByteBuffer buf, int dest, int tag);

    /** @return the number of ints received, at most {@code count} */
    int recv(int[] buf, int offset, int count, int source, int tag);

    /** @return the number of doubles received, at most {@code count} */
    int recv(double[] buf, int offset, int count, int source, int tag);

    /** Receives into the bytes between {@code buf}'s position and limit; @return the number of bytes received. */
    int recv(ByteBuffer buf, int source, int tag);

    /** Copies {@code count} ints from {@code root}'s buffer into every other rank's. */
    void bcast(int[] buf, int offset, int count, int root);

    void bcast(double[] buf, int offset, int count, int root);

    /** Copies the root's bytes between position and limit into every rank's; all remaining() must be equal. */
    void bcast(ByteBuffer buf, int root);

    /**
     * Every rank contributes {@code count} ints; at {@code root}, rank {@code r}'s block lands at
     * {@code recv[recvOffset + r * count]}. {@code recv} is ignored (may be null) on the other ranks.
     */
    void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root);

    void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root);

    /**
     * Every rank contributes {@code send.remaining()} bytes (equal on all ranks); at {@code root}, rank {@code r}'s
     * block lands at {@code recv.position() + r * send.remaining()}.
     */
    void gather(ByteBuffer send, ByteBuffer recv, int root);

    // ------------------------------------------------------------------ non-blocking point to point

    /** Starts sending {@code count} ints; the array must not be written until the request completes. */
    Request isend(int[] buf, int offset, int count, int dest, int tag);

    Request isend(double[] buf, int offset, int count, int dest, int tag);

    /** Starts sending the bytes between {@code buf}'s position and limit. */
    Request isend(ByteBuffer buf, int dest, int tag);

    /** Starts receiving at most {@code count} ints; {@link Request#await()} returns how many arrived. */
    Request irecv(int[] buf, int offset, int count, int source, int tag);

    Request irecv(double[] buf, int offset, int count, int source, int tag);

    /** Starts receiving into the bytes between position and limit; {@link Request#await()} returns the bytes. */
    Request irecv(ByteBuffer buf, int source, int tag);

    /**
     * Waits until the first {@code count} requests of {@code requests} have all completed (MPI_Waitall). Null entries
     * are skipped. The array is the caller's and is not kept.
     */
    void waitAll(Request[] requests, int count);

    // ------------------------------------------------------------------ reductions

    /**
     * Every rank contributes {@code count} ints; every rank receives their element-wise {@code op} in
     * {@code recv[recvOffset .. recvOffset + count)}.
     */
    void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op);

    void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op);

    /** {@code send.remaining()} bytes of {@code type} elements; the result fills as many bytes of {@code recv}. */
    void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op);

    /** As {@link #allreduce(int[], int, int, int[], int, ReduceOp)}, but only {@code root} receives the result. */
    void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root);

    void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root);

    void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root);

    /**
     * Reduce-scatter with equal blocks (MPI_Reduce_scatter_block): every rank contributes {@code size() * count} ints;
     * rank {@code r} receives in {@code recv[recvOffset ..]} the element-wise {@code op} of everyone's block {@code r}.
     */
    void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op);

    void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op);

    /** {@code send.remaining()} = {@code size()} equal blocks of {@code type}; rank r's reduced block fills recv. */
    void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op);

    // ------------------------------------------------------------------ data movement

    /**
     * Every rank contributes {@code count} ints; every rank receives rank r's block at {@code recvOffset + r*count}.
     */
    void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset);

    void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset);

    /** Every rank contributes {@code send.remaining()} bytes; rank r's lands at {@code recv.position() + r * that}. */
    void allgather(ByteBuffer send, ByteBuffer recv);

    /**
     * Personalised all-to-all (MPI_Alltoall): block {@code j} of the sender's {@code send} (at {@code sendOffset +
     * j*count}) lands at block {@code i} of rank {@code j}'s {@code recv}, where {@code i} is the sender.
     */
    void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset);

    void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset);

    /** {@code send.remaining()} = {@code size()} equal blocks; {@code recv} has room for as many. */
    void alltoall(ByteBuffer send, ByteBuffer recv);

    /** The root's block r (at {@code sendOffset + r*count}) lands in rank r's {@code recv[recvOffset ..]}. */
    void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root);

    void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root);

    /** The root's {@code send.remaining()} = {@code size()} blocks of {@code recv.remaining()} bytes each. */
    void scatter(ByteBuffer send, ByteBuffer recv, int root);

    /** Returns once every rank has entered the barrier. */
    void barrier();

    /** Leaves the job; collective, like MPI_Finalize. Idempotent. */
    @Override
    void close();
}
