package org.jmpibench.mpjexpress;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * The Communicator SPI on MPJ Express's mpiJava 1.2 API over {@code MPI.COMM_WORLD}, the same for niodev and smpdev:
 * blocking point to point and the lifecycle here, the non-blocking calls in {@link MpjRequests}, the collectives (and
 * the MPJ defects they avoid) in {@link MpjCollectives}. {@code MPI.Init} has already been called by
 * {@link MpjRankMain} when this is created.
 *
 * <p>MPJ Express only takes Java arrays, so {@link ByteBuffer}s (heap or direct) are copied through one scratch
 * {@code byte[]} that grows to the largest message seen and is then reused: a copy per call, no allocation once warm.
 * Truncation is caught by asking MPJ's status for the number that arrived.
 */
final class MpjCommunicator implements Communicator {

    /** MPI_Finalize may run once per rank; the bootstrap checks this before finalizing on the user's behalf. */
    private static volatile boolean finalized;

    /** Sends this small go out eagerly under smpdev too, as niodev does below its protocol switch limit. */
    static final int SMPDEV_EAGER_LIMIT_BYTES = 128 * 1024;
    /** Unmatched eager sends allowed in flight before a send waits for the oldest. */
    private static final int MAX_PENDING_SENDS = 1024;

    private final MpjWorld world;
    private final MpjRequests requests;
    private final MpjCollectives collectives;
    private final int eagerLimitBytes;
    /** Eager sends not yet matched. MPJ packed their data at Isend time, so the caller's buffer is free. */
    private final ArrayDeque<Request> pendingSends = new ArrayDeque<>();

    private byte[] scratch = new byte[0];

    private MpjCommunicator(MpjWorld world, int eagerLimitBytes) {
        this.world = world;
        this.requests = new MpjRequests(world);
        this.collectives = new MpjCollectives(world);
        this.eagerLimitBytes = eagerLimitBytes;
    }

    /**
     * The communicator of this rank's job; {@code MPI.Init} must have run (our bootstrap does it).
     *
     * @param eagerLimitBytes sends up to this size return before the receiver posts its recv. niodev does this itself
     *     (0 here); smpdev's Send waits for the receiver, which breaks the SPI's promise that small messages with other
     *     tags can overtake
     */
    static Communicator joinWorld(int eagerLimitBytes) {
        try {
            if (!MPI.Initialized()) {
                throw new IllegalStateException("MPI.Init has not run: start this rank with the mpj-niodev or "
                        + "mpj-smpdev launcher (its bootstrap " + MpjRankMain.class.getName() + " initializes MPI)");
            }
            return new MpjCommunicator(new MpjWorld(MPI.COMM_WORLD), eagerLimitBytes);
        } catch (MPIException e) {
            // MPJ's exceptions are unchecked (XDevException is a RuntimeException).
            throw new CommunicatorException("MPJ Express: could not join COMM_WORLD: " + e, e);
        }
    }

    /** Finalizes MPI unless the application already did (through {@link #close()}). */
    static void finalizeIfNeeded() {
        if (!finalized) {
            finalized = true;
            MPI.Finalize();
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
        send(buf, offset, count, ArrayKind.INT, dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkPeer(dest, "dest", tag);
        Checks.range(buf, offset, count, "buf");
        send(buf, offset, count, ArrayKind.DOUBLE, dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        checkPeer(dest, "dest", tag);
        int count = Checks.notNull(buf, "buf").remaining();
        byte[] bytes = scratch(count);
        MpjBuffers.toArray(buf, ArrayKind.BYTE, count, bytes);
        send(bytes, 0, count, ArrayKind.BYTE, dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkPeer(source, "source", tag);
        Checks.range(buf, offset, count, "buf");
        return recv(buf, offset, count, ArrayKind.INT, source, tag);
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkPeer(source, "source", tag);
        Checks.range(buf, offset, count, "buf");
        return recv(buf, offset, count, ArrayKind.DOUBLE, source, tag);
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        checkPeer(source, "source", tag);
        int room = Checks.writable(buf, "buf").remaining();
        byte[] bytes = scratch(room);
        int received = recv(bytes, 0, room, ArrayKind.BYTE, source, tag);
        MpjBuffers.fromArray(bytes, ArrayKind.BYTE, received, buf);
        return received;
    }

    private void send(Object buf, int offset, int count, ArrayKind kind, int dest, int tag) {
        try {
            if ((long) count * kind.elementBytes <= eagerLimitBytes) {
                pendingSends.addLast(world.comm.Isend(buf, offset, count, kind.datatype(), dest, tag));
                retireCompletedSends();
            } else {
                world.comm.Send(buf, offset, count, kind.datatype(), dest, tag);
            }
        } catch (RuntimeException e) {
            throw world.failure("send to rank " + dest, e);
        }
    }

    private void retireCompletedSends() {
        while (!pendingSends.isEmpty() && pendingSends.peekFirst().Test() != null) {
            pendingSends.removeFirst();
        }
        if (pendingSends.size() > MAX_PENDING_SENDS) {
            pendingSends.removeFirst().Wait();
        }
    }

    private int recv(Object buf, int offset, int count, ArrayKind kind, int source, int tag) {
        int arrived;
        try {
            arrived = world.comm.Recv(buf, offset, count, kind.datatype(), source, tag)
                    .Get_count(kind.datatype());
        } catch (RuntimeException e) {
            throw world.failure("recv from rank " + source, e);
        }
        if (arrived > count) {
            throw world.failure("a message of " + arrived + " elements from rank " + source + " (tag " + tag
                    + ") does not fit the receive count " + count);
        }
        return arrived;
    }

    private void checkPeer(int peer, String what, int tag) {
        world.checkOpen();
        Checks.rank(peer, world.size, what);
        Checks.tag(tag);
    }

    private byte[] scratch(int bytes) {
        if (scratch.length < bytes) {
            scratch = new byte[bytes];
        }
        return scratch;
    }

    // --- non-blocking point to point ---------------------------------------------------------------------

    @Override
    public org.jmpibench.spi.Request isend(int[] buf, int offset, int count, int dest, int tag) {
        return requests.isend(buf, offset, count, dest, tag);
    }

    @Override
    public org.jmpibench.spi.Request isend(double[] buf, int offset, int count, int dest, int tag) {
        return requests.isend(buf, offset, count, dest, tag);
    }

    @Override
    public org.jmpibench.spi.Request isend(ByteBuffer buf, int dest, int tag) {
        return requests.isend(buf, dest, tag);
    }

    @Override
    public org.jmpibench.spi.Request irecv(int[] buf, int offset, int count, int source, int tag) {
        return requests.irecv(buf, offset, count, source, tag);
    }

    @Override
    public org.jmpibench.spi.Request irecv(double[] buf, int offset, int count, int source, int tag) {
        return requests.irecv(buf, offset, count, source, tag);
    }

    @Override
    public org.jmpibench.spi.Request irecv(ByteBuffer buf, int source, int tag) {
        return requests.irecv(buf, source, tag);
    }

    @Override
    public void waitAll(org.jmpibench.spi.Request[] pending, int count) {
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
            world.comm.Barrier();
        } catch (RuntimeException e) {
            throw world.failure("barrier", e);
        }
    }

    @Override
    public void close() {
        if (!world.close()) {
            return;
        }
        try {
            while (!pendingSends.isEmpty()) {
                pendingSends.removeFirst().Wait();
            }
            finalizeIfNeeded();
        } catch (RuntimeException e) {
            throw world.failure("MPI.Finalize", e);
        }
    }
}
