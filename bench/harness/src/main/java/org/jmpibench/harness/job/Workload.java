package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.plain.DirectBuffers;

/**
 * One rank's side of one benchmarked operation at one size: buffers allocated once at construction, {@link #run()} is
 * the timed operation (no allocation, no checks beyond received counts), {@link #validate} runs it once with fresh data
 * and checks the result on this rank.
 */
abstract class Workload {

    /** Tag of every data message; commands travel by bcast, which never matches point-to-point tags. */
    static final int DATA_TAG = 7;

    protected final Communicator comm;
    protected final int size;
    protected final String where;

    Workload(Communicator comm, int size, String backend, Operation op, BufferKind buffer) {
        this.comm = comm;
        this.size = size;
        this.where = "backend " + backend + " rank " + comm.rank() + ": " + op.cliName() + " (size " + size + ", "
                + buffer.cliName() + ")";
    }

    /** One operation, as timed. */
    abstract void run();

    /**
     * One operation, as {@link #run()}, adding this rank's nanoseconds in each of the operation's
     * {@link Operation#phases()} to {@code ns}, in their order. Only operations with phases have it.
     */
    void runPhases(long[] ns) {
        throw new UnsupportedOperationException(where + ": this operation is not timed in phases");
    }

    /**
     * Runs one operation with the data of round {@code seq} and checks what this rank ends up with.
     *
     * @throws IllegalStateException naming backend, rank, operation, element, value and expected value
     */
    abstract void validate(int seq);

    /**
     * This rank's workload of {@code op}.
     *
     * @param root the root of a rooted operation ({@link Operation#rooted()}): a rank, or
     *     {@link org.jmpibench.results.Root#ROTATING}; ignored by the others
     * @throws IllegalArgumentException when the root is not a rank of the job or the buffers cannot be made
     */
    static Workload create(Operation op, BufferKind buffer, Communicator comm, int size, String backend, int root) {
        Roots roots = op.rooted() ? new Roots(root, comm.size()) : null;
        return switch (op) {
            case SEND -> new PingPongWorkload(comm, size, backend, buffer);
            case BW, BIBW -> new WindowWorkload(comm, size, backend, buffer, op);
            case BCAST -> new BcastWorkload(comm, size, backend, buffer, roots);
            case GATHER -> new GatherWorkload(comm, size, backend, buffer, roots);
            case GATHER_AVERAGE -> new GatherAverageWorkload(comm, size, backend, buffer, roots);
            case ALLREDUCE_AVERAGE -> new AllreduceAverageWorkload(comm, size, backend, buffer);
            case ALLREDUCE -> new AllreduceWorkload(comm, size, backend, buffer);
            case REDUCE -> new ReduceWorkload(comm, size, backend, buffer, roots);
            case ALLGATHER -> new AllgatherWorkload(comm, size, backend, buffer);
            case ALLTOALL -> new AlltoallWorkload(comm, size, backend, buffer);
            case SCATTER -> new ScatterWorkload(comm, size, backend, buffer, roots);
            case REDUCE_SCATTER -> new ReduceScatterWorkload(comm, size, backend, buffer);
            case BARRIER -> new BarrierWorkload(comm, size, backend, buffer);
        };
    }

    /** A direct buffer as the plain programs allocate theirs ({@link DirectBuffers}: page-aligned, native order). */
    static ByteBuffer direct(long bytes, String what) {
        try {
            return DirectBuffers.allocate(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    protected void expectCount(int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException(where + ": received " + got + " elements, expected " + expected);
        }
    }

    protected void expectInt(String what, int index, int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException(
                    where + ": wrong data: " + what + "[" + index + "] = " + got + ", expected " + expected);
        }
    }

    protected void expectDouble(String what, int index, double got, double expected) {
        if (Double.compare(got, expected) != 0) {
            throw new IllegalStateException(
                    where + ": wrong data: " + what + "[" + index + "] = " + got + ", expected " + expected);
        }
    }
}
