package org.jmpibench.spi.progress;

/**
 * The communicator call a rank is inside, as recorded on the progress board (by its ordinal: ranks and launcher run the
 * same build). Every call of the SPI has one; the peer recorded with it is the rank it waits on: the destination or
 * source of a point-to-point call (also of a request waited for or tested), the root of a rooted collective, else
 * {@link ProgressBoardDescriptor#ANY_PEER}.
 */
public enum Call {
    /** Not inside any communicator call. */
    NONE(false, false),
    SEND(false, false),
    RECV(false, false),
    BCAST(true, true),
    GATHER(true, true),
    BARRIER(true, false),
    /** Leaving the job, collective like MPI_Finalize. */
    CLOSE(true, false),
    /** Starting a non-blocking send. */
    ISEND(false, false),
    /** Starting a non-blocking receive. */
    IRECV(false, false),
    /** {@link org.jmpibench.spi.Request#await()} of one request. */
    WAIT(false, false),
    /**
     * {@link org.jmpibench.spi.Request#test()} that found its request still pending: the rank polls for that peer, and
     * stays recorded as waiting on it until a later call.
     */
    TEST(false, false),
    /** {@link org.jmpibench.spi.Communicator#waitAll}: the peer of its requests, ANY_PEER when they have several. */
    WAIT_ALL(false, false),
    ALLREDUCE(true, false),
    REDUCE(true, true),
    REDUCE_SCATTER(true, false),
    ALLGATHER(true, false),
    ALLTOALL(true, false),
    SCATTER(true, true);

    private static final Call[] BY_CODE = values();

    private final boolean collective;
    private final boolean rooted;

    Call(boolean collective, boolean rooted) {
        this.collective = collective;
        this.rooted = rooted;
    }

    /** Called by every rank; each such call bumps the rank's collective counter. */
    public boolean collective() {
        return collective;
    }

    /** A collective whose peer is its root, from which (or to which) the data flows. */
    public boolean rooted() {
        return rooted;
    }

    static Call ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NONE;
    }

    /** In words, with the rank it involves: "recv from rank 1", "bcast from rank 0", "barrier". */
    public String describe(int peer) {
        String rank = peer == ProgressBoardDescriptor.ANY_PEER ? "several ranks" : "rank " + peer;
        return switch (this) {
            case NONE -> "no call";
            case SEND -> "send to " + rank;
            case RECV -> "recv from " + rank;
            case BCAST -> "bcast from " + rank;
            case GATHER -> "gather to " + rank;
            case BARRIER -> "barrier";
            case CLOSE -> "close";
            case ISEND -> "isend to " + rank;
            case IRECV -> "irecv from " + rank;
            case WAIT -> "wait for a request with " + rank;
            case TEST -> "test of a request with " + rank;
            case WAIT_ALL -> "waitAll for requests with " + rank;
            case ALLREDUCE -> "allreduce";
            case REDUCE -> "reduce to " + rank;
            case REDUCE_SCATTER -> "reduceScatter";
            case ALLGATHER -> "allgather";
            case ALLTOALL -> "alltoall";
            case SCATTER -> "scatter from " + rank;
        };
    }
}
