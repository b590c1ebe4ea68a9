package org.jmpibench.spi;

import java.nio.ByteBuffer;

/**
 * What one rank of a job can do: blocking point-to-point messages and three collectives.
 *
 * <h2>Contract shared by every backend</h2>
 * <ul>
 *   <li><b>Blocking.</b> Every call returns when the caller's buffer may be reused (send) or holds the data
 *       (recv, bcast, gather at the root). A send may complete before the matching recv is posted.</li>
 *   <li><b>Matching and ordering.</b> A recv names one source rank and one tag ({@code tag >= 0}); messages
 *       from one source with one tag arrive in the order they were sent, as MPI promises. Messages with other
 *       tags may overtake them.</li>
 *   <li><b>Counts.</b> A recv receives at most {@code count} elements and returns how many arrived; a message
 *       longer than the receive buffer is an error ({@link CommunicatorException}), never silently cut.</li>
 *   <li><b>Collectives</b> must be called by every rank of the job, in the same order, with the same root and
 *       the same element count.</li>
 *   <li><b>Buffers.</b> Array variants take {@code (array, offset, count)}. {@link ByteBuffer} variants use the
 *       bytes between position and limit and do not move the position; backends that can avoid a copy for
 *       direct buffers do. Byte order is the buffer's concern: all ranks run on machines of one byte order.</li>
 *   <li><b>Threads.</b> One thread at a time per communicator (MPI_THREAD_SERIALIZED). JMH calls benchmarks
 *       from its worker threads, so a backend must not assume the thread that created it.</li>
 *   <li><b>Errors.</b> Misuse (a bad rank, a negative count, an offset out of range) throws
 *       {@link IllegalArgumentException}; a transport failure or a dead peer throws
 *       {@link CommunicatorException}. Neither leaves the communicator usable.</li>
 * </ul>
 */
public interface Communicator extends AutoCloseable {

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
     * Every rank contributes {@code send.remaining()} bytes (equal on all ranks); at {@code root}, rank
     * {@code r}'s block lands at {@code recv.position() + r * send.remaining()}.
     */
    void gather(ByteBuffer send, ByteBuffer recv, int root);

    /** Returns once every rank has entered the barrier. */
    void barrier();

    /** Leaves the job; collective, like MPI_Finalize. Idempotent. */
    @Override
    void close();
}
