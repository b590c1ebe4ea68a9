package org.jmpibench.openmpi;

import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * What the parts of one rank's communicator share: {@code MPI_COMM_WORLD}, this rank's place in it, and whether it was
 * closed or has failed (the SPI's "Errors" section: a closed communicator is misuse, a failed one stays failed).
 */
final class OpenMpiWorld {

    final Intracomm comm;
    final int rank;
    final int size;
    private boolean closed;
    private boolean failed;

    OpenMpiWorld(Intracomm comm) throws MPIException {
        this.comm = comm;
        this.rank = comm.getRank();
        this.size = comm.getSize();
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

    /** Marks the communicator failed and says what failed, for the caller to throw. */
    CommunicatorException failure(String what, MPIException cause) {
        failed = true;
        return new CommunicatorException(
                "openmpi rank " + rank + ": " + what + " failed: " + cause.getMessage(), cause);
    }

    /** The same failure for a misuse the SPI counts as a transport failure (too many requests). */
    CommunicatorException failure(String what) {
        failed = true;
        return new CommunicatorException("openmpi rank " + rank + ": " + what);
    }

    static Op op(ReduceOp op) {
        return switch (Checks.op(op)) {
            case SUM -> MPI.SUM;
            case MIN -> MPI.MIN;
            case MAX -> MPI.MAX;
        };
    }

    static Datatype datatype(DataType type) {
        return switch (Checks.type(type)) {
            case INT -> MPI.INT;
            case DOUBLE -> MPI.DOUBLE;
        };
    }
}
