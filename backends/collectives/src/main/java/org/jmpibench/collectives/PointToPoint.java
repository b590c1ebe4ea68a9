package org.jmpibench.collectives;

/**
 * What the algorithms need from a backend: blocking messages between ranks, kept apart from the application's messages
 * by the backend (the {@code tag} is one of {@link Algorithms}' operation tags, which the backend maps into its own
 * internal tag space). Messages from one source with one tag arrive in the order they were sent. Offsets and counts are
 * in elements of the region.
 */
public interface PointToPoint {

    int rank();

    int size();

    /** Returns when {@code buf} may be reused; may complete before the receiver has posted its receive. */
    void send(Region buf, int offset, int count, int dest, int tag);

    /**
     * Receives exactly {@code count} elements.
     *
     * @throws org.jmpibench.spi.CommunicatorException when another length arrives (ranks disagree on the count)
     */
    void recv(Region buf, int offset, int count, int source, int tag);

    /**
     * Sends to {@code dest} and receives from {@code source} at the same time, as MPI_Sendrecv: must not deadlock when
     * both sides of an exchange call it with messages larger than any transport buffer.
     */
    void sendRecv(
            Region sendBuf,
            int sendOffset,
            int sendCount,
            int dest,
            Region recvBuf,
            int recvOffset,
            int recvCount,
            int source,
            int tag);
}
