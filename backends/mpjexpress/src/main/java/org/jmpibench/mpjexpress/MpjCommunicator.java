package org.jmpibench.mpjexpress;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpi.Status;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;

/**
 * The Communicator SPI on MPJ Express's mpiJava 1.2 API over {@code MPI.COMM_WORLD}, the same for niodev and
 * smpdev. {@code MPI.Init} has already been called by {@link MpjRankMain} when this is created.
 *
 * <p>MPJ Express only takes Java arrays, so {@link ByteBuffer}s (heap or direct) are copied through one scratch
 * {@code byte[]} that grows to the largest message seen and is then reused: a copy per call, no allocation once
 * warm. Truncation is caught by asking MPJ's status for the number that arrived.
 */
final class MpjCommunicator implements Communicator {


    /** MPI_Finalize may run once per rank; the bootstrap checks this before finalizing on the user's behalf. */
    private static volatile boolean finalized;

    /** Sends this small go out eagerly under smpdev too, as niodev does below its protocol switch limit. */
    static final int SMPDEV_EAGER_LIMIT_BYTES = 128 * 1024;
    /** Unmatched eager sends allowed in flight before a send waits for the oldest. */
    private static final int MAX_PENDING_SENDS = 1024;

    private final Intracomm world;
    private final int eagerLimitBytes;
    /** Eager sends not yet matched. MPJ packed their data at Isend time, so the caller's buffer is free. */
    private final ArrayDeque<Request> pendingSends = new ArrayDeque<>();
    private final int rank;
    private final int size;
    private byte[] scratch = new byte[0];
    private byte[] gatherScratch = new byte[0];
    /**
     * MPJ's Gather ignores the receive offset and writes each rank's own block into its receive buffer even away
     * from the root: these take the blocks where the caller's array cannot.
     */
    private int[] gatherInts = new int[0];
    private double[] gatherDoubles = new double[0];

    private MpjCommunicator(Intracomm world, int eagerLimitBytes) {
        this.world = world;
        this.eagerLimitBytes = eagerLimitBytes;
        this.rank = world.Rank();
        this.size = world.Size();
    }

    /**
     * The communicator of this rank's job; {@code MPI.Init} must have run (our bootstrap does it).
     *
     * @param eagerLimitBytes sends up to this size return before the receiver posts its recv. niodev does this
     *                        itself (0 here); smpdev's Send waits for the receiver, which breaks the SPI's promise
     *                        that small messages with other tags can overtake
     */
    static Communicator joinWorld(int eagerLimitBytes) {
        try {
            if (!MPI.Initialized()) {
                throw new IllegalStateException("MPI.Init has not run: start this rank with the mpj-niodev or "
                        + "mpj-smpdev launcher (its bootstrap " + MpjRankMain.class.getName() + " initializes MPI)");
            }
            return new MpjCommunicator(MPI.COMM_WORLD, eagerLimitBytes);
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
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkRange(buf.length, offset, count);
        send(buf, offset, count, MPI.INT, Integer.BYTES, dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkRange(buf.length, offset, count);
        send(buf, offset, count, MPI.DOUBLE, Double.BYTES, dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        int count = buf.remaining();
        byte[] bytes = scratch(count);
        buf.get(buf.position(), bytes, 0, count);
        send(bytes, 0, count, MPI.BYTE, 1, dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkRange(buf.length, offset, count);
        return recv(buf, offset, count, MPI.INT, source, tag);
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkRange(buf.length, offset, count);
        return recv(buf, offset, count, MPI.DOUBLE, source, tag);
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        int room = buf.remaining();
        byte[] bytes = scratch(room);
        int received = recv(bytes, 0, room, MPI.BYTE, source, tag);
        buf.put(buf.position(), bytes, 0, received);
        return received;
    }

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkRange(buf.length, offset, count);
        bcast(buf, offset, count, MPI.INT, root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkRange(buf.length, offset, count);
        bcast(buf, offset, count, MPI.DOUBLE, root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        int count = buf.remaining();
        byte[] bytes = scratch(count);
        if (rank == root) {
            buf.get(buf.position(), bytes, 0, count);
        }
        bcast(bytes, 0, count, MPI.BYTE, root);
        if (rank != root) {
            buf.put(buf.position(), bytes, 0, count);
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkRange(send.length, sendOffset, count);
        checkRoot(root);
        if (rank == root) {
            checkGatherRoom(recv == null ? -1 : recv.length, recvOffset, count);
        }
        // MPJ places blocks from index 0 whatever the receive offset, and writes into non-roots' buffers too:
        // gather into a scratch array unless the root's own array starts at 0.
        boolean direct = rank == root && recvOffset == 0;
        if (!direct && gatherInts.length < (long) count * size) {
            gatherInts = new int[Math.multiplyExact(count, size)];
        }
        gather(send, sendOffset, count, MPI.INT, direct ? recv : gatherInts, 0, root);
        if (rank == root && !direct) {
            System.arraycopy(gatherInts, 0, recv, recvOffset, count * size);
        }
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkRange(send.length, sendOffset, count);
        checkRoot(root);
        if (rank == root) {
            checkGatherRoom(recv == null ? -1 : recv.length, recvOffset, count);
        }
        boolean direct = rank == root && recvOffset == 0;
        if (!direct && gatherDoubles.length < (long) count * size) {
            gatherDoubles = new double[Math.multiplyExact(count, size)];
        }
        gather(send, sendOffset, count, MPI.DOUBLE, direct ? recv : gatherDoubles, 0, root);
        if (rank == root && !direct) {
            System.arraycopy(gatherDoubles, 0, recv, recvOffset, count * size);
        }
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkRoot(root);
        int count = send.remaining();
        if (rank == root) {
            checkGatherRoom(recv == null ? -1 : recv.remaining(), 0, count);
        }
        byte[] mine = scratch(count);
        send.get(send.position(), mine, 0, count);
        byte[] all = gatherScratch((long) count * size);
        gather(mine, 0, count, MPI.BYTE, all, 0, root);
        if (rank == root) {
            recv.put(recv.position(), all, 0, count * size);
        }
    }

    @Override
    public void barrier() {
        try {
            world.Barrier();
        } catch (RuntimeException e) {
            throw failure("barrier", e);
        }
    }

    @Override
    public void close() {
        try {
            while (!pendingSends.isEmpty()) {
                pendingSends.removeFirst().Wait();
            }
            finalizeIfNeeded();
        } catch (RuntimeException e) {
            throw failure("MPI.Finalize", e);
        }
    }

    private void send(Object buf, int offset, int count, Datatype type, int elementBytes, int dest, int tag) {
        checkPeer("dest", dest);
        checkTag(tag);
        try {
            if ((long) count * elementBytes <= eagerLimitBytes) {
                pendingSends.addLast(world.Isend(buf, offset, count, type, dest, tag));
                retireCompletedSends();
            } else {
                world.Send(buf, offset, count, type, dest, tag);
            }
        } catch (RuntimeException e) {
            throw failure("send to rank " + dest, e);
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

    private int recv(Object buf, int offset, int count, Datatype type, int source, int tag) {
        checkPeer("source", source);
        checkTag(tag);
        try {
            int arrived = world.Recv(buf, offset, count, type, source, tag).Get_count(type);
            if (arrived > count) {
                throw new CommunicatorException("MPJ Express: a message of " + arrived + " elements from rank "
                        + source + " (tag " + tag + ") does not fit the receive count " + count);
            }
            return arrived;
        } catch (RuntimeException e) {
            if (e instanceof CommunicatorException ce) {
                throw ce;
            }
            throw failure("recv from rank " + source, e);
        }
    }

    private void bcast(Object buf, int offset, int count, Datatype type, int root) {
        checkRoot(root);
        try {
            world.Bcast(buf, offset, count, type, root);
        } catch (RuntimeException e) {
            throw failure("bcast from root " + root, e);
        }
    }

    private void gather(Object send, int sendOffset, int count, Datatype type, Object recv, int recvOffset, int root) {
        try {
            world.Gather(send, sendOffset, count, type, recv, recvOffset, count, type, root);
        } catch (RuntimeException e) {
            throw failure("gather to root " + root, e);
        }
    }

    private byte[] scratch(int bytes) {
        if (scratch.length < bytes) {
            scratch = new byte[bytes];
        }
        return scratch;
    }

    private byte[] gatherScratch(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("gather of " + bytes + " bytes exceeds a Java array");
        }
        if (gatherScratch.length < bytes) {
            gatherScratch = new byte[(int) bytes];
        }
        return gatherScratch;
    }

    private CommunicatorException failure(String what, Exception cause) {
        return new CommunicatorException("MPJ Express rank " + rank + ": " + what + " failed: " + cause, cause);
    }

    private static void checkRange(int length, int offset, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (offset < 0 || offset > length - count) {
            throw new IllegalArgumentException("offset " + offset + " with count " + count
                    + " is outside an array of length " + length);
        }
    }

    private void checkGatherRoom(int length, int offset, int count) {
        if (length < 0) {
            throw new IllegalArgumentException("the root's receive buffer is null");
        }
        long needed = (long) count * size;
        if (offset < 0 || offset > length - needed) {
            throw new IllegalArgumentException("the root's receive buffer (length " + length + ", offset " + offset
                    + ") has no room for " + size + " blocks of " + count);
        }
    }

    private void checkPeer(String what, int peer) {
        if (peer < 0 || peer >= size) {
            throw new IllegalArgumentException(what + " rank " + peer + " is outside 0.." + (size - 1));
        }
    }

    private void checkRoot(int root) {
        checkPeer("root", root);
    }

    private static void checkTag(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must not be negative, got " + tag);
        }
    }
}
