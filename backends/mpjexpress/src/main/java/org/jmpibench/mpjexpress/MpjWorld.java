package org.jmpibench.mpjexpress;

import mpi.Intracomm;
import mpi.MPI;
import mpi.Op;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.ReduceOp;

/**
 * What the parts of one rank's communicator share: MPJ's {@code COMM_WORLD}, this rank's place in it, and whether it
 * was closed or has failed (the SPI's "Errors" section: a closed communicator is misuse, a failed one stays failed).
 */
final class MpjWorld {

    final Intracomm comm;
    final int rank;
    final int size;
    private boolean closed;
    private boolean failed;

    MpjWorld(Intracomm comm) {
        this.comm = comm;
        this.rank = comm.Rank();
        this.size = comm.Size();
    }

    /** Throws unless the communicator may still be used. */
    void checkOpen() {
        Checks.open(rank, closed, failed);
    }

    /** Marks the communicator closed; true the first time. */
    boolean close() {
        boolean first = !closed;
        closed = true;
        return first;
    }

    /**
     * Marks the communicator failed and says what failed, for the caller to throw. MPJ's exceptions are unchecked
     * ({@code MPIException} and the devices' {@code XDevException} are RuntimeExceptions).
     */
    CommunicatorException failure(String what, RuntimeException cause) {
        if (cause instanceof CommunicatorException already) {
            failed = true;
            return already;
        }
        return failed(what + " failed: " + cause, cause);
    }

    /** The same for a failure we detect ourselves (a message longer than its buffer, too many requests). */
    CommunicatorException failure(String what) {
        return failed(what, null);
    }

    private CommunicatorException failed(String message, Throwable cause) {
        failed = true;
        return new CommunicatorException("MPJ Express rank " + rank + ": " + message, cause);
    }

    static Op op(ReduceOp op) {
        return switch (Checks.op(op)) {
            case SUM -> MPI.SUM;
            case MIN -> MPI.MIN;
            case MAX -> MPI.MAX;
        };
    }
}
