package org.jmpibench.openmpi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;

/**
 * The SPI on Open MPI's Java bindings: the only class that touches the {@code mpi} package, loaded only inside
 * rank JVMs started by {@link OpenMpiLauncher}.
 *
 * <p>How each buffer kind reaches MPI, and why:
 * <ul>
 *   <li>Direct {@link ByteBuffer}s go to MPI by address: no copy. A buffer whose position is not 0 is passed as a
 *       {@link ByteBuffer#slice() slice}, because the bindings use the buffer's base address, not its position.</li>
 *   <li>Arrays (and heap buffers) are sent, broadcast and gathered through the bindings' own path, which copies
 *       the array region in (and, at the receiving side of a collective, exactly {@code count} elements out).</li>
 *   <li>Arrays and heap buffers are <em>received</em> through a direct staging buffer, then the elements that
 *       arrived are copied out. The bindings' own array path copies back all {@code count} elements from an
 *       uninitialised scratch buffer, which would overwrite the part of the caller's array beyond the message
 *       with garbage; the SPI promises that part stays untouched. The cost is the same single copy.</li>
 * </ul>
 * Errors: {@code COMM_WORLD} is switched to {@code MPI_ERRORS_RETURN}, so a truncated message or a transport error
 * becomes a {@link CommunicatorException} instead of aborting the job.
 */
final class OpenMpiCommunicator implements Communicator {

    private static final int INITIAL_STAGING_BYTES = 1 << 16;
    /**
     * {@code Status.data}: the bindings copy {@code MPI_Status} into it as {source, tag, error, cancelled, ucount,
     * index}, ucount being the bytes received. Reading it saves {@code Status.getCount}'s JNI call, about 25 ns,
     * a tenth of a one-int half round trip on shared memory. Null where the field is not there (another version
     * of the bindings): then getCount is asked.
     */
    private static final VarHandle STATUS_DATA = statusData();
    private static final int STATUS_UCOUNT = 4;
    private static final int STATUS_LENGTH = 6;

    private final Intracomm world;
    private final int rank;
    private final int size;
    /** Direct, native order; replaced by a larger one when a receive needs more. */
    private ByteBuffer staging;
    private IntBuffer stagingInts;
    private DoubleBuffer stagingDoubles;
    private boolean closed;

    private OpenMpiCommunicator(Intracomm world) throws MPIException {
        this.world = world;
        this.rank = world.getRank();
        this.size = world.getSize();
        growStaging(INITIAL_STAGING_BYTES);
    }

    /**
     * Initialises MPI for this process with {@code MPI_THREAD_SERIALIZED} (JMH calls from its worker threads,
     * never two at once) and returns the communicator of {@code MPI_COMM_WORLD}.
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
            return new OpenMpiCommunicator(MPI.COMM_WORLD);
        } catch (MPIException e) {
            throw new CommunicatorException("MPI_Init_thread failed: " + e.getMessage(), e);
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

    // --- point to point ----------------------------------------------------------------------------------

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(dest, "dest");
        checkTag(tag);
        try {
            world.send(count == 0 ? null : offset == 0 ? buf : MPI.slice(buf, offset), count, MPI.INT, dest, tag);
        } catch (MPIException e) {
            throw failure("send to rank " + dest, e);
        }
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(dest, "dest");
        checkTag(tag);
        try {
            world.send(count == 0 ? null : offset == 0 ? buf : MPI.slice(buf, offset), count, MPI.DOUBLE, dest,
                    tag);
        } catch (MPIException e) {
            throw failure("send to rank " + dest, e);
        }
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        checkOpen();
        checkPeer(dest, "dest");
        checkTag(tag);
        int bytes = buf.remaining();
        try {
            world.send(bytes == 0 ? null : readable(buf), bytes, MPI.BYTE, dest, tag);
        } catch (MPIException e) {
            throw failure("send to rank " + dest, e);
        }
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(source, "source");
        checkTag(tag);
        ensureStaging((long) count * Integer.BYTES);
        int arrived = receive(count == 0 ? null : staging, count, MPI.INT, Integer.BYTES, source, tag);
        stagingInts.get(0, buf, offset, arrived);
        return arrived;
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(source, "source");
        checkTag(tag);
        ensureStaging((long) count * Double.BYTES);
        int arrived = receive(count == 0 ? null : staging, count, MPI.DOUBLE, Double.BYTES, source, tag);
        stagingDoubles.get(0, buf, offset, arrived);
        return arrived;
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        checkOpen();
        checkWritable(buf);
        checkPeer(source, "source");
        checkTag(tag);
        int room = buf.remaining();
        if (room == 0) {
            return receive(null, 0, MPI.BYTE, 1, source, tag);
        }
        if (buf.isDirect()) {
            return receive(buf.position() == 0 ? buf : buf.slice(), room, MPI.BYTE, 1, source, tag);
        }
        ensureStaging(room);
        int arrived = receive(staging, room, MPI.BYTE, 1, source, tag);
        buf.put(buf.position(), staging, 0, arrived);
        return arrived;
    }

    private int receive(Object target, int count, Datatype type, int elementBytes, int source, int tag) {
        try {
            Status status = world.recv(target, count, type, source, tag);
            if (STATUS_DATA != null) {
                long[] data = (long[]) STATUS_DATA.get(status);
                if (data.length == STATUS_LENGTH) {
                    long bytes = data[STATUS_UCOUNT];
                    if (bytes >= 0 && bytes % elementBytes == 0 && bytes / elementBytes <= count) {
                        return (int) (bytes / elementBytes);
                    }
                }
            }
            return status.getCount(type);
        } catch (MPIException e) {
            throw failure("recv of at most " + count + " elements from rank " + source + " with tag " + tag, e);
        }
    }

    // --- collectives -------------------------------------------------------------------------------------

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(root, "root");
        try {
            world.bcast(count == 0 ? null : offset == 0 ? buf : MPI.slice(buf, offset), count, MPI.INT, root);
        } catch (MPIException e) {
            throw failure("bcast from root " + root, e);
        }
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkOpen();
        checkRegion(buf.length, offset, count);
        checkPeer(root, "root");
        try {
            world.bcast(count == 0 ? null : offset == 0 ? buf : MPI.slice(buf, offset), count, MPI.DOUBLE, root);
        } catch (MPIException e) {
            throw failure("bcast from root " + root, e);
        }
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        checkOpen();
        checkPeer(root, "root");
        if (rank != root) {
            checkWritable(buf);
        }
        int bytes = buf.remaining();
        try {
            world.bcast(bytes == 0 ? null : rank == root ? readable(buf) : writable(buf), bytes, MPI.BYTE, root);
        } catch (MPIException e) {
            throw failure("bcast from root " + root, e);
        }
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkOpen();
        checkRegion(send.length, sendOffset, count);
        checkPeer(root, "root");
        boolean atRoot = rank == root;
        if (atRoot) {
            checkGatherTarget(recv == null ? -1 : recv.length, recvOffset, count);
        }
        try {
            world.gather(count == 0 ? null : sendOffset == 0 ? send : MPI.slice(send, sendOffset), count, MPI.INT,
                    !atRoot || count == 0 ? null : recvOffset == 0 ? recv : MPI.slice(recv, recvOffset), count,
                    MPI.INT, root);
        } catch (MPIException e) {
            throw failure("gather to root " + root, e);
        }
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkOpen();
        checkRegion(send.length, sendOffset, count);
        checkPeer(root, "root");
        boolean atRoot = rank == root;
        if (atRoot) {
            checkGatherTarget(recv == null ? -1 : recv.length, recvOffset, count);
        }
        try {
            world.gather(count == 0 ? null : sendOffset == 0 ? send : MPI.slice(send, sendOffset), count,
                    MPI.DOUBLE,
                    !atRoot || count == 0 ? null : recvOffset == 0 ? recv : MPI.slice(recv, recvOffset), count,
                    MPI.DOUBLE, root);
        } catch (MPIException e) {
            throw failure("gather to root " + root, e);
        }
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkOpen();
        checkPeer(root, "root");
        int bytes = send.remaining();
        boolean atRoot = rank == root;
        if (atRoot) {
            if (recv == null) {
                throw new IllegalArgumentException("recv must not be null at the root (rank " + root + ")");
            }
            checkWritable(recv);
            if ((long) bytes * size > recv.remaining()) {
                throw new IllegalArgumentException("recv has " + recv.remaining() + " bytes remaining, "
                        + size + " ranks x " + bytes + " bytes do not fit");
            }
        }
        try {
            world.gather(bytes == 0 ? null : readable(send), bytes, MPI.BYTE,
                    !atRoot || bytes == 0 ? null : writable(recv), bytes, MPI.BYTE, root);
        } catch (MPIException e) {
            throw failure("gather to root " + root, e);
        }
    }

    @Override
    public void barrier() {
        checkOpen();
        try {
            world.barrier();
        } catch (MPIException e) {
            throw failure("barrier", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!MPI.isFinalized()) {
                MPI.Finalize();
            }
        } catch (MPIException e) {
            throw failure("MPI_Finalize", e);
        }
    }

    private static VarHandle statusData() {
        try {
            return MethodHandles.privateLookupIn(Status.class, MethodHandles.lookup())
                    .findVarHandle(Status.class, "data", long[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    // --- buffers -----------------------------------------------------------------------------------------

    /**
     * A buffer the bindings read from position on. They take a heap buffer's array offset and a direct buffer's
     * base address, ignoring the position, hence the slice; a read-only heap buffer has no accessible array, so
     * it is copied into the staging buffer.
     */
    private ByteBuffer readable(ByteBuffer buf) {
        if (!buf.isDirect() && !buf.hasArray()) {
            int bytes = buf.remaining();
            ensureStaging(bytes);
            staging.put(0, buf, buf.position(), bytes);
            return staging;
        }
        return buf.position() == 0 ? buf : buf.slice();
    }

    /** A buffer the bindings write to from position on (exactly as many elements as a collective delivers). */
    private static ByteBuffer writable(ByteBuffer buf) {
        return buf.position() == 0 ? buf : buf.slice();
    }

    private void ensureStaging(long bytes) {
        if (bytes > staging.capacity()) {
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("message of " + bytes + " bytes is larger than a buffer can be");
            }
            growStaging((int) Math.max(bytes, Math.min(Integer.MAX_VALUE - 8L, 2L * staging.capacity())));
        }
    }

    private void growStaging(int bytes) {
        staging = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        stagingInts = staging.asIntBuffer();
        stagingDoubles = staging.asDoubleBuffer();
    }

    // --- checks ------------------------------------------------------------------------------------------

    private void checkOpen() {
        if (closed) {
            throw new CommunicatorException("rank " + rank + ": the communicator is closed (MPI_Finalize was called)");
        }
    }

    private void checkPeer(int peer, String what) {
        if (peer < 0 || peer >= size) {
            throw new IllegalArgumentException(what + " " + peer + " is not a rank of this job (0.." + (size - 1) + ")");
        }
    }

    private static void checkTag(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("tag must be >= 0, got " + tag);
        }
    }

    private static void checkRegion(int length, int offset, int count) {
        if (offset < 0 || count < 0 || (long) offset + count > length) {
            throw new IllegalArgumentException("offset " + offset + " and count " + count
                    + " do not fit an array of length " + length);
        }
    }

    private void checkGatherTarget(int length, int offset, int count) {
        if (length < 0) {
            throw new IllegalArgumentException("recv must not be null at the root (rank " + rank + ")");
        }
        if (offset < 0 || (long) offset + (long) size * count > length) {
            throw new IllegalArgumentException("recv offset " + offset + " with " + size + " ranks x " + count
                    + " elements does not fit an array of length " + length);
        }
    }

    private static void checkWritable(ByteBuffer buf) {
        if (buf.isReadOnly()) {
            throw new IllegalArgumentException("cannot receive into a read-only buffer: " + buf);
        }
    }

    private CommunicatorException failure(String what, MPIException e) {
        return new CommunicatorException("openmpi rank " + rank + ": " + what + " failed: " + e.getMessage(), e);
    }
}
