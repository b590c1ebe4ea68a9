package org.jmpibench.spi.progress;

/**
 * The communicator call a rank is inside, as recorded on the progress board (by its ordinal: ranks and launcher
 * run the same build).
 */
public enum Call {
    /** Not inside any communicator call. */
    NONE(false),
    SEND(false),
    RECV(false),
    BCAST(true),
    GATHER(true),
    BARRIER(true),
    /** Leaving the job, collective like MPI_Finalize. */
    CLOSE(true);

    private static final Call[] BY_CODE = values();

    private final boolean collective;

    Call(boolean collective) {
        this.collective = collective;
    }

    /** Called by every rank; each such call bumps the rank's collective counter. */
    public boolean collective() {
        return collective;
    }

    static Call ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : NONE;
    }

    /** In words, with the rank it involves: "recv from rank 1", "bcast from rank 0", "barrier". */
    public String describe(int peer) {
        return switch (this) {
            case NONE -> "no call";
            case SEND -> "send to rank " + peer;
            case RECV -> "recv from rank " + peer;
            case BCAST -> "bcast from rank " + peer;
            case GATHER -> "gather to rank " + peer;
            case BARRIER -> "barrier";
            case CLOSE -> "close";
        };
    }
}
