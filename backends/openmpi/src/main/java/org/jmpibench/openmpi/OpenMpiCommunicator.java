package org.jmpibench.openmpi;

import static org.jmpibench.openmpi.OpenMpiBuffers.atPosition;
import static org.jmpibench.openmpi.OpenMpiBuffers.readable;
import static org.jmpibench.openmpi.OpenMpiBuffers.region;

import java.nio.ByteBuffer;
import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * The SPI on Open MPI's Java bindings, loaded only inside rank JVMs started by {@link OpenMpiLauncher}: blocking point
 * to point and the lifecycle here, the non-blocking calls in {@link OpenMpiRequests}, the collectives in
 * {@link OpenMpiCollectives}. Every operation is one call of Open MPI's own (the module README maps them).
 *
 * <p>How each buffer kind reaches MPI, and why:
 *
 * <ul>
 *   <li>Direct {@link ByteBuffer}s go to MPI by address: no copy. A buffer whose position is not 0 is passed as a
 *       {@link ByteBuffer#slice() slice}, because the bindings use the buffer's base address, not its position.
 *   <li>Arrays (and heap buffers) are sent and passed to collectives through the bindings' own path, which copies the
 *       array region in (and, at the receiving side of a collective, exactly what it delivers out).
 *   <li>Arrays and heap buffers are <em>received</em> through a direct staging buffer, then the elements that arrived
 *       are copied out. The bindings' own array path copies back all {@code count} elements from an uninitialised
 *       scratch buffer, which would overwrite the part of the caller's array beyond the message with garbage; the SPI
 *       promises that part stays untouched. The cost is the same single copy.
 *   <li>Non-blocking calls take direct buffers only: arrays are copied through the request's own staging buffer
 *       ({@link OpenMpiRequest}).
 * </ul>
 *
 * Errors: {@code COMM_WORLD} is switched to {@code MPI_ERRORS_RETURN}, so a truncated message or a transport error
 * becomes a {@link CommunicatorException} instead of aborting the job.
 */
final class OpenMpiCommunicator implements Communicator {

    private static final int INITIAL_STAGING_BYTES = 1 << 16;

    private final OpenMpiWorld world;
    private final OpenMpiRequests requests;
    private final OpenMpiCollectives collectives;
    /** Where arrays and heap buffers are received (see the class comment). */
    private final Staging staging = new Staging(INITIAL_STAGING_BYTES);

    private OpenMpiCommunicator(OpenMpiWorld world) {
        this.world = world;
        this.requests = new OpenMpiRequests(world);
        this.collectives = new OpenMpiCollectives(world);
    }

    /**
     * Initialises MPI for this process with {@code MPI_THREAD_SERIALIZED} (JMH calls from its worker threads, never two
     * at once) and returns the communicator of {@code MPI_COMM_WORLD}.
     */
    static Communicator join() {
        try {
            int provided = MPI.InitThread(new String[0], MPI.THREAD_SERIALIZED);
            if (provided < MPI.THREAD_SERIALIZED) {
                MPI.Finalize();
                throw new CommunicatorException("Open MPI granted thread level " + provided
                        + ", below MPI_THREAD_SERIALIZED (" + MPI.THREAD_SERIALIZED + ") which the SPI needs");
            }
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
            return new OpenMpiCommunicator(new OpenMpiWorld(MPI.COMM_WORLD));
        } catch (MPIException e) {
            throw new CommunicatorException("MPI_Init_thread failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int rank() {
        return world.rank;
    }

    @Override
    public int size() {
        return world.size;
    }

    // --- blocking point to point -------------------------------------------------------------------------

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkPeer(dest, "dest", tag);
        Checks.range(buf, offset, count, "buf");
        send(count == 0 ? null : region(buf, offset), count, MPI.INT, dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkPeer(dest, "dest", tag);
        Checks.range(buf, offset, count, "buf");
        send(count == 0 ? null : region(buf, offset), count, MPI.DOUBLE, dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        checkPeer(dest, "dest", tag);
        int bytes = Checks.notNull(buf, "buf").remaining();
        send(bytes == 0 ? null : readable(buf, staging), bytes, MPI.BYTE, dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkPeer(source, "source", tag);
        Checks.range(buf, offset, count, "buf");
        staging.ensure((long) count * Integer.BYTES);
        int arrived = receive(count == 0 ? null : staging.bytes(), count, MPI.INT, Integer.BYTES, source, tag);
        staging.ints().get(0, buf, offset, arrived);
        return arrived;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkPeer(source, "source", tag);
        Checks.range(buf, offset, count, "buf");
        staging.ensure((long) count * Double.BYTES);
        int arrived = receive(count == 0 ? null : staging.bytes(), count, MPI.DOUBLE, Double.BYTES, source, tag);
        staging.doubles().get(0, buf, offset, arrived);
        return arrived;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        checkPeer(source, "source", tag);
        int room = Checks.writable(buf, "buf").remaining();
        if (room == 0) {
            return receive(null, 0, MPI.BYTE, 1, source, tag);
        }
        if (buf.isDirect()) {
            return receive(atPosition(buf), room, MPI.BYTE, 1, source, tag);
        }
        staging.ensure(room);
        int arrived = receive(staging.bytes(), room, MPI.BYTE, 1, source, tag);
        buf.put(buf.position(), staging.bytes(), 0, arrived);
        return arrived;
    }

    private void send(Object buf, int count, Datatype type, int dest, int tag) {
        try {
            world.comm.send(buf, count, type, dest, tag);
        } catch (MPIException e) {
            throw world.failure("send to rank " + dest, e);
        }
    }

    private int receive(Object target, int count, Datatype type, int elementBytes, int source, int tag) {
        try {
            return ReceivedCount.of(world.comm.recv(target, count, type, source, tag), type, elementBytes, count);
        } catch (MPIException e) {
            throw world.failure("recv of at most " + count + " elements from rank " + source + " with tag " + tag, e);
        }
    }

    private void checkPeer(int peer, String what, int tag) {
        world.checkOpen();
        Checks.rank(peer, world.size, what);
        Checks.tag(tag);
    }

    // --- non-blocking point to point ---------------------------------------------------------------------

    @Override
    public Request isend(int[] buf, int offset, int count, int dest, int tag) {
        return requests.isend(buf, offset, count, dest, tag);
    }

    @Override
    public Request isend(double[] buf, int offset, int count, int dest, int tag) {
        return requests.isend(buf, offset, count, dest, tag);
    }

    @Override
    public Request isend(ByteBuffer buf, int dest, int tag) {
        return requests.isend(buf, dest, tag);
    }

    @Override
    public Request irecv(int[] buf, int offset, int count, int source, int tag) {
        return requests.irecv(buf, offset, count, source, tag);
    }

    @Override
    public Request irecv(double[] buf, int offset, int count, int source, int tag) {
        return requests.irecv(buf, offset, count, source, tag);
    }

    @Override
    public Request irecv(ByteBuffer buf, int source, int tag) {
        return requests.irecv(buf, source, tag);
    }

    @Override
    public void waitAll(Request[] pending, int count) {
        requests.waitAll(pending, count);
    }

    // --- collectives -------------------------------------------------------------------------------------

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        collectives.bcast(buf, offset, count, root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        collectives.bcast(buf, offset, count, root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        collectives.bcast(buf, root);
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        collectives.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        collectives.gather(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        collectives.gather(send, recv, root);
    }

    @Override
    public void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        collectives.allreduce(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        collectives.allreduce(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        collectives.allreduce(send, recv, type, op);
    }

    @Override
    public void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        collectives.reduce(send, sendOffset, count, recv, recvOffset, op, root);
    }

    @Override
    public void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        collectives.reduce(send, sendOffset, count, recv, recvOffset, op, root);
    }

    @Override
    public void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        collectives.reduce(send, recv, type, op, root);
    }

    @Override
    public void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        collectives.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        collectives.reduceScatter(send, sendOffset, count, recv, recvOffset, op);
    }

    @Override
    public void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        collectives.reduceScatter(send, recv, type, op);
    }

    @Override
    public void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        collectives.allgather(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        collectives.allgather(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void allgather(ByteBuffer send, ByteBuffer recv) {
        collectives.allgather(send, recv);
    }

    @Override
    public void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        collectives.alltoall(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        collectives.alltoall(send, sendOffset, count, recv, recvOffset);
    }

    @Override
    public void alltoall(ByteBuffer send, ByteBuffer recv) {
        collectives.alltoall(send, recv);
    }

    @Override
    public void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        collectives.scatter(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        collectives.scatter(send, sendOffset, count, recv, recvOffset, root);
    }

    @Override
    public void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        collectives.scatter(send, recv, root);
    }

    @Override
    public void barrier() {
        world.checkOpen();
        try {
            world.comm.barrier();
        } catch (MPIException e) {
            throw world.failure("barrier", e);
        }
    }

    @Override
    public void close() {
        if (!world.close()) {
            return;
        }
        try {
            if (!MPI.isFinalized()) {
                MPI.Finalize();
            }
        } catch (MPIException e) {
            throw world.failure("MPI_Finalize", e);
        }
    }
}
