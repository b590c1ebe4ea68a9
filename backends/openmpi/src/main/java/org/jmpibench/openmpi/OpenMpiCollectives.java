package org.jmpibench.openmpi;

import static org.jmpibench.openmpi.OpenMpiBuffers.atPosition;
import static org.jmpibench.openmpi.OpenMpiBuffers.readable;
import static org.jmpibench.openmpi.OpenMpiBuffers.reducibleInPlace;
import static org.jmpibench.openmpi.OpenMpiBuffers.region;
import static org.jmpibench.openmpi.OpenMpiBuffers.stageIn;
import static org.jmpibench.openmpi.OpenMpiBuffers.stageOut;

import java.nio.ByteBuffer;
import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * The SPI's collectives on Open MPI's own: {@code bcast}, {@code gather}, {@code allReduce}, {@code reduce},
 * {@code reduceScatterBlock}, {@code allGather}, {@code allToAll} and {@code scatter} of {@code mpi.Comm}. Arrays go
 * through the bindings' array path (they copy the region in and what the call delivers out); direct buffers go by
 * address, except that a reduction needs its elements in native order, so a direct buffer in the other byte order, like
 * a heap buffer, is reduced through a staging copy.
 */
final class OpenMpiCollectives {

    private static final int INITIAL_STAGING_BYTES = 1 << 16;

    private final OpenMpiWorld world;
    /** Send-side and receive-side copies for buffers MPI cannot take as they are. */
    private final Staging in = new Staging(INITIAL_STAGING_BYTES);

    private final Staging out = new Staging(INITIAL_STAGING_BYTES);

    OpenMpiCollectives(OpenMpiWorld world) {
        this.world = world;
    }

    // --- bcast and gather --------------------------------------------------------------------------------

    void bcast(int[] buf, int offset, int count, int root) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        Checks.rank(root, world.size, "root");
        try {
            world.comm.bcast(count == 0 ? null : region(buf, offset), count, MPI.INT, root);
        } catch (MPIException e) {
            throw world.failure("bcast from root " + root, e);
        }
    }

    void bcast(double[] buf, int offset, int count, int root) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        Checks.rank(root, world.size, "root");
        try {
            world.comm.bcast(count == 0 ? null : region(buf, offset), count, MPI.DOUBLE, root);
        } catch (MPIException e) {
            throw world.failure("bcast from root " + root, e);
        }
    }

    void bcast(ByteBuffer buf, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.notNull(buf, "buf");
        } else {
            Checks.writable(buf, "buf");
        }
        int bytes = buf.remaining();
        try {
            world.comm.bcast(bytes == 0 ? null : atRoot ? readable(buf, in) : atPosition(buf), bytes, MPI.BYTE, root);
        } catch (MPIException e) {
            throw world.failure("bcast from root " + root, e);
        }
    }

    void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.blocks(recv, recvOffset, count, world.size, "recv");
        }
        try {
            world.comm.gather(
                    count == 0 ? null : region(send, sendOffset),
                    count,
                    MPI.INT,
                    !atRoot || count == 0 ? null : region(recv, recvOffset),
                    count,
                    MPI.INT,
                    root);
        } catch (MPIException e) {
            throw world.failure("gather to root " + root, e);
        }
    }

    void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.blocks(recv, recvOffset, count, world.size, "recv");
        }
        try {
            world.comm.gather(
                    count == 0 ? null : region(send, sendOffset),
                    count,
                    MPI.DOUBLE,
                    !atRoot || count == 0 ? null : region(recv, recvOffset),
                    count,
                    MPI.DOUBLE,
                    root);
        } catch (MPIException e) {
            throw world.failure("gather to root " + root, e);
        }
    }

    void gather(ByteBuffer send, ByteBuffer recv, int root) {
        world.checkOpen();
        Checks.notNull(send, "send");
        Checks.rank(root, world.size, "root");
        int bytes = send.remaining();
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.writable(recv, "recv");
            Checks.room(recv, (long) bytes * world.size, "recv");
        }
        try {
            world.comm.gather(
                    bytes == 0 ? null : readable(send, in),
                    bytes,
                    MPI.BYTE,
                    !atRoot || bytes == 0 ? null : atPosition(recv),
                    bytes,
                    MPI.BYTE,
                    root);
        } catch (MPIException e) {
            throw world.failure("gather to root " + root, e);
        }
    }

    // --- reductions --------------------------------------------------------------------------------------

    void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(region(send, sendOffset), region(recv, recvOffset), count, MPI.INT, OpenMpiWorld.op(op));
    }

    void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(region(send, sendOffset), region(recv, recvOffset), count, MPI.DOUBLE, OpenMpiWorld.op(op));
    }

    void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        world.checkOpen();
        Datatype mpiType = OpenMpiWorld.datatype(type);
        int count = Checks.elements(send, type, "send");
        Checks.writable(recv, "recv");
        Checks.room(recv, send.remaining(), "recv");
        Op mpiOp = OpenMpiWorld.op(op);
        boolean inPlace = reducibleInPlace(recv);
        allreduce(
                reducible(send, type, count),
                inPlace ? atPosition(recv) : out.ensure(send.remaining()).bytes(),
                count,
                mpiType,
                mpiOp);
        if (!inPlace) {
            stageOut(out, type, count, recv);
        }
    }

    void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.range(recv, recvOffset, count, "recv");
        }
        reduce(
                region(send, sendOffset),
                atRoot ? region(recv, recvOffset) : null,
                count,
                MPI.INT,
                OpenMpiWorld.op(op),
                root);
    }

    void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.range(recv, recvOffset, count, "recv");
        }
        reduce(
                region(send, sendOffset),
                atRoot ? region(recv, recvOffset) : null,
                count,
                MPI.DOUBLE,
                OpenMpiWorld.op(op),
                root);
    }

    void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        world.checkOpen();
        Datatype mpiType = OpenMpiWorld.datatype(type);
        int count = Checks.elements(send, type, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.writable(recv, "recv");
            Checks.room(recv, send.remaining(), "recv");
        }
        Op mpiOp = OpenMpiWorld.op(op);
        boolean inPlace = atRoot && reducibleInPlace(recv);
        ByteBuffer target = !atRoot
                ? null
                : inPlace ? atPosition(recv) : out.ensure(send.remaining()).bytes();
        reduce(reducible(send, type, count), target, count, mpiType, mpiOp, root);
        if (atRoot && !inPlace) {
            stageOut(out, type, count, recv);
        }
    }

    void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(region(send, sendOffset), region(recv, recvOffset), count, MPI.INT, OpenMpiWorld.op(op));
    }

    void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(region(send, sendOffset), region(recv, recvOffset), count, MPI.DOUBLE, OpenMpiWorld.op(op));
    }

    void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        world.checkOpen();
        Datatype mpiType = OpenMpiWorld.datatype(type);
        int count = Checks.elementsPerBlock(send, world.size, type, "send");
        int blockBytes = count * type.bytes();
        Checks.writable(recv, "recv");
        Checks.room(recv, blockBytes, "recv");
        Op mpiOp = OpenMpiWorld.op(op);
        boolean inPlace = reducibleInPlace(recv);
        reduceScatter(
                reducible(send, type, count * world.size),
                inPlace ? atPosition(recv) : out.ensure(blockBytes).bytes(),
                count,
                mpiType,
                mpiOp);
        if (!inPlace) {
            stageOut(out, type, count, recv);
        }
    }

    // --- data movement -----------------------------------------------------------------------------------

    void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        allgather(region(send, sendOffset), region(recv, recvOffset), count, MPI.INT);
    }

    void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        allgather(region(send, sendOffset), region(recv, recvOffset), count, MPI.DOUBLE);
    }

    void allgather(ByteBuffer send, ByteBuffer recv) {
        world.checkOpen();
        int block = Checks.notNull(send, "send").remaining();
        Checks.writable(recv, "recv");
        Checks.room(recv, (long) block * world.size, "recv");
        allgather(readable(send, in), atPosition(recv), block, MPI.BYTE);
    }

    void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        alltoall(region(send, sendOffset), region(recv, recvOffset), count, MPI.INT);
    }

    void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        alltoall(region(send, sendOffset), region(recv, recvOffset), count, MPI.DOUBLE);
    }

    void alltoall(ByteBuffer send, ByteBuffer recv) {
        world.checkOpen();
        int block = Checks.blockBytes(send, world.size, "send");
        Checks.writable(recv, "recv");
        Checks.room(recv, send.remaining(), "recv");
        alltoall(readable(send, in), atPosition(recv), block, MPI.BYTE);
    }

    // Scatter receives arrays and heap buffers through staging: the 4.1 bindings' scatter copies its result back
    // into a Java array only when it fits their pooled buffer (mpi_java_eager, 64 KiB); above that the caller's array
    // is never written (mpi_Comm.c tests the pool item, which is null for a larger, malloc'ed buffer).

    void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.blocks(send, sendOffset, count, world.size, "send");
        }
        Checks.range(recv, recvOffset, count, "recv");
        scatter(
                atRoot ? region(send, sendOffset) : null,
                out.ensure((long) count * Integer.BYTES).bytes(),
                count,
                MPI.INT,
                root);
        out.ints().get(0, recv, recvOffset, count);
    }

    void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.blocks(send, sendOffset, count, world.size, "send");
        }
        Checks.range(recv, recvOffset, count, "recv");
        scatter(
                atRoot ? region(send, sendOffset) : null,
                out.ensure((long) count * Double.BYTES).bytes(),
                count,
                MPI.DOUBLE,
                root);
        out.doubles().get(0, recv, recvOffset, count);
    }

    void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        int block = Checks.writable(recv, "recv").remaining();
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.room(send, (long) block * world.size, "send");
        }
        if (recv.isDirect()) {
            scatter(atRoot ? readable(send, in) : null, atPosition(recv), block, MPI.BYTE, root);
        } else {
            scatter(atRoot ? readable(send, in) : null, out.ensure(block).bytes(), block, MPI.BYTE, root);
            recv.put(recv.position(), out.bytes(), 0, block);
        }
    }

    // --- the calls ---------------------------------------------------------------------------------------

    /** {@code buf}'s elements as MPI can reduce them: in place, or copied (and put in native order) to staging. */
    private ByteBuffer reducible(ByteBuffer buf, DataType type, int elements) {
        return reducibleInPlace(buf) ? atPosition(buf) : stageIn(buf, type, elements, in);
    }

    private void allreduce(Object send, Object recv, int count, Datatype type, Op op) {
        try {
            world.comm.allReduce(send, recv, count, type, op);
        } catch (MPIException e) {
            throw world.failure("allreduce of " + count + " elements", e);
        }
    }

    private void reduce(Object send, Object recv, int count, Datatype type, Op op, int root) {
        try {
            world.comm.reduce(send, recv, count, type, op, root);
        } catch (MPIException e) {
            throw world.failure("reduce of " + count + " elements to root " + root, e);
        }
    }

    private void reduceScatter(Object send, Object recv, int count, Datatype type, Op op) {
        try {
            world.comm.reduceScatterBlock(send, recv, count, type, op);
        } catch (MPIException e) {
            throw world.failure("reduce-scatter of blocks of " + count + " elements", e);
        }
    }

    private void allgather(Object send, Object recv, int count, Datatype type) {
        try {
            world.comm.allGather(send, count, type, recv, count, type);
        } catch (MPIException e) {
            throw world.failure("allgather of " + count + " elements", e);
        }
    }

    private void alltoall(Object send, Object recv, int count, Datatype type) {
        try {
            world.comm.allToAll(send, count, type, recv, count, type);
        } catch (MPIException e) {
            throw world.failure("alltoall of blocks of " + count + " elements", e);
        }
    }

    private void scatter(Object send, Object recv, int count, Datatype type, int root) {
        try {
            world.comm.scatter(send, count, type, recv, count, type, root);
        } catch (MPIException e) {
            throw world.failure("scatter of blocks of " + count + " elements from root " + root, e);
        }
    }
}
