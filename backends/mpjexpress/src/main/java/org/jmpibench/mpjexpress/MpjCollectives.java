package org.jmpibench.mpjexpress;

import static org.jmpibench.mpjexpress.MpjScratch.IN;
import static org.jmpibench.mpjexpress.MpjScratch.OUT;

import java.nio.ByteBuffer;
import mpi.Op;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;

/**
 * The SPI's collectives on MPJ Express's own: {@code Bcast}, {@code Gather}, {@code Allreduce}, {@code Reduce},
 * {@code Allgather}, {@code Alltoall}, {@code Scatter}, and reduce-scatter as MPJ's {@code Reduce} and {@code Scatter}
 * (its own {@code Reduce_scatter} is wrong). MPJ takes arrays only: {@code ByteBuffer}s are copied through
 * {@link MpjScratch} arrays.
 *
 * <p>MPJ Express 0.44 gets several of these wrong when arrays do not start at index 0 (read from its source and checked
 * by running it; the module README lists them). Each method says which defect it avoids; the common cure is to hand MPJ
 * arrays that start at 0, the caller's own when they do, a scratch copy otherwise.
 */
final class MpjCollectives {

    private final MpjWorld world;
    private final MpjScratch scratch = new MpjScratch();

    MpjCollectives(MpjWorld world) {
        this.world = world;
    }

    // --- bcast and gather --------------------------------------------------------------------------------

    void bcast(int[] buf, int offset, int count, int root) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        Checks.rank(root, world.size, "root");
        bcast(buf, offset, count, ArrayKind.INT, root);
    }

    void bcast(double[] buf, int offset, int count, int root) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        Checks.rank(root, world.size, "root");
        bcast(buf, offset, count, ArrayKind.DOUBLE, root);
    }

    void bcast(ByteBuffer buf, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        int bytes = (atRoot ? Checks.notNull(buf, "buf") : Checks.writable(buf, "buf")).remaining();
        Object array = scratch.array(ArrayKind.BYTE, IN, bytes);
        if (atRoot) {
            MpjBuffers.toArray(buf, ArrayKind.BYTE, bytes, array);
        }
        bcast(array, 0, bytes, ArrayKind.BYTE, root);
        if (!atRoot) {
            MpjBuffers.fromArray(array, ArrayKind.BYTE, bytes, buf);
        }
    }

    void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.blocks(recv, recvOffset, count, world.size, "recv");
        }
        gather(send, sendOffset, count, recv, recvOffset, ArrayKind.INT, root);
    }

    void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.blocks(recv, recvOffset, count, world.size, "recv");
        }
        gather(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE, root);
    }

    void gather(ByteBuffer send, ByteBuffer recv, int root) {
        world.checkOpen();
        int bytes = Checks.notNull(send, "send").remaining();
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.writable(recv, "recv");
            Checks.room(recv, (long) bytes * world.size, "recv");
        }
        Object mine = scratch.array(ArrayKind.BYTE, IN, bytes);
        MpjBuffers.toArray(send, ArrayKind.BYTE, bytes, mine);
        Object all = scratch.array(ArrayKind.BYTE, OUT, (long) bytes * world.size);
        gatherAtZero(mine, 0, bytes, all, ArrayKind.BYTE, root);
        if (atRoot) {
            MpjBuffers.fromArray(all, ArrayKind.BYTE, bytes * world.size, recv);
        }
    }

    // --- reductions --------------------------------------------------------------------------------------

    void allreduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(send, sendOffset, count, recv, recvOffset, ArrayKind.INT, MpjWorld.op(op));
    }

    void allreduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.range(recv, recvOffset, count, "recv");
        allreduce(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE, MpjWorld.op(op));
    }

    void allreduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        world.checkOpen();
        ArrayKind kind = kind(type);
        int count = Checks.elements(send, type, "send");
        Checks.writable(recv, "recv");
        Checks.room(recv, send.remaining(), "recv");
        Op mpjOp = MpjWorld.op(op);
        Object in = scratch.array(kind, IN, count);
        MpjBuffers.toArray(send, kind, count, in);
        Object out = scratch.exact(kind, count);
        allreduceAtZero(in, out, count, kind, mpjOp);
        MpjBuffers.fromArray(out, kind, count, recv);
    }

    void reduce(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.range(recv, recvOffset, count, "recv");
        }
        reduce(send, sendOffset, count, recv, recvOffset, ArrayKind.INT, MpjWorld.op(op), root);
    }

    void reduce(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op, int root) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.range(recv, recvOffset, count, "recv");
        }
        reduce(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE, MpjWorld.op(op), root);
    }

    void reduce(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op, int root) {
        world.checkOpen();
        ArrayKind kind = kind(type);
        int count = Checks.elements(send, type, "send");
        Checks.rank(root, world.size, "root");
        boolean atRoot = world.rank == root;
        if (atRoot) {
            Checks.writable(recv, "recv");
            Checks.room(recv, send.remaining(), "recv");
        }
        Op mpjOp = MpjWorld.op(op);
        Object in = scratch.array(kind, IN, count);
        MpjBuffers.toArray(send, kind, count, in);
        Object out = scratch.exact(kind, count);
        reduceAtZero(in, out, count, kind, mpjOp, root);
        if (atRoot) {
            MpjBuffers.fromArray(out, kind, count, recv);
        }
    }

    void reduceScatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(send, sendOffset, count, recv, recvOffset, ArrayKind.INT, MpjWorld.op(op));
    }

    void reduceScatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, ReduceOp op) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.range(recv, recvOffset, count, "recv");
        reduceScatter(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE, MpjWorld.op(op));
    }

    void reduceScatter(ByteBuffer send, ByteBuffer recv, DataType type, ReduceOp op) {
        world.checkOpen();
        ArrayKind kind = kind(type);
        int count = Checks.elementsPerBlock(send, world.size, type, "send");
        Checks.writable(recv, "recv");
        Checks.room(recv, (long) count * type.bytes(), "recv");
        Op mpjOp = MpjWorld.op(op);
        Object in = scratch.array(kind, IN, (long) count * world.size);
        MpjBuffers.toArray(send, kind, count * world.size, in);
        Object out = scratch.array(kind, OUT, count);
        reduceScatterAtZero(in, out, count, kind, mpjOp);
        MpjBuffers.fromArray(out, kind, count, recv);
    }

    // --- data movement -----------------------------------------------------------------------------------

    void allgather(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        allgather(send, sendOffset, count, recv, recvOffset, ArrayKind.INT);
    }

    void allgather(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        world.checkOpen();
        Checks.range(send, sendOffset, count, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        allgather(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE);
    }

    void allgather(ByteBuffer send, ByteBuffer recv) {
        world.checkOpen();
        int block = Checks.notNull(send, "send").remaining();
        Checks.writable(recv, "recv");
        Checks.room(recv, (long) block * world.size, "recv");
        Object in = scratch.array(ArrayKind.BYTE, IN, block);
        MpjBuffers.toArray(send, ArrayKind.BYTE, block, in);
        Object out = scratch.array(ArrayKind.BYTE, OUT, (long) block * world.size);
        allgather(in, 0, block, out, 0, ArrayKind.BYTE);
        MpjBuffers.fromArray(out, ArrayKind.BYTE, block * world.size, recv);
    }

    void alltoall(int[] send, int sendOffset, int count, int[] recv, int recvOffset) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        alltoall(send, sendOffset, count, recv, recvOffset, ArrayKind.INT);
    }

    void alltoall(double[] send, int sendOffset, int count, double[] recv, int recvOffset) {
        world.checkOpen();
        Checks.blocks(send, sendOffset, count, world.size, "send");
        Checks.blocks(recv, recvOffset, count, world.size, "recv");
        alltoall(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE);
    }

    void alltoall(ByteBuffer send, ByteBuffer recv) {
        world.checkOpen();
        int block = Checks.blockBytes(send, world.size, "send");
        Checks.writable(recv, "recv");
        Checks.room(recv, send.remaining(), "recv");
        int bytes = send.remaining();
        Object in = scratch.array(ArrayKind.BYTE, IN, bytes);
        MpjBuffers.toArray(send, ArrayKind.BYTE, bytes, in);
        Object out = scratch.array(ArrayKind.BYTE, OUT, bytes);
        alltoall(in, 0, block, out, 0, ArrayKind.BYTE);
        MpjBuffers.fromArray(out, ArrayKind.BYTE, bytes, recv);
    }

    void scatter(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.blocks(send, sendOffset, count, world.size, "send");
        }
        Checks.range(recv, recvOffset, count, "recv");
        scatter(send, sendOffset, count, recv, recvOffset, ArrayKind.INT, root);
    }

    void scatter(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        if (world.rank == root) {
            Checks.blocks(send, sendOffset, count, world.size, "send");
        }
        Checks.range(recv, recvOffset, count, "recv");
        scatter(send, sendOffset, count, recv, recvOffset, ArrayKind.DOUBLE, root);
    }

    void scatter(ByteBuffer send, ByteBuffer recv, int root) {
        world.checkOpen();
        Checks.rank(root, world.size, "root");
        int block = Checks.writable(recv, "recv").remaining();
        boolean atRoot = world.rank == root;
        Object in = scratch.array(ArrayKind.BYTE, IN, (long) block * world.size);
        if (atRoot) {
            Checks.room(send, (long) block * world.size, "send");
            MpjBuffers.toArray(send, ArrayKind.BYTE, block * world.size, in);
        }
        Object out = scratch.array(ArrayKind.BYTE, OUT, block);
        scatterAtZero(in, out, block, ArrayKind.BYTE, root);
        MpjBuffers.fromArray(out, ArrayKind.BYTE, block, recv);
    }

    // --- the arrays MPJ is given, and the calls --------------------------------------------------------

    private static ArrayKind kind(DataType type) {
        return switch (Checks.type(type)) {
            case INT -> ArrayKind.INT;
            case DOUBLE -> ArrayKind.DOUBLE;
        };
    }

    /** {@code array}'s {@code length} elements from {@code offset}, starting at index 0: itself or a copy. */
    private Object atZero(Object array, int offset, long length, ArrayKind kind, int slot) {
        if (offset == 0) {
            return array;
        }
        Object copy = scratch.array(kind, slot, length);
        System.arraycopy(array, offset, copy, 0, (int) length);
        return copy;
    }

    /**
     * Where MPJ may put a reduction's result: the caller's array when it is exactly {@code count} long from index 0
     * (MPJ's workers ignore the offset and size a temporary by the array's length), a scratch array otherwise.
     */
    private Object reductionTarget(Object recv, int recvOffset, int count, ArrayKind kind) {
        return recv != null && recvOffset == 0 && ArrayKind.length(recv) == count ? recv : scratch.exact(kind, count);
    }

    private void bcast(Object buf, int offset, int count, ArrayKind kind, int root) {
        try {
            world.comm.Bcast(buf, offset, count, kind.datatype(), root);
        } catch (RuntimeException e) {
            throw world.failure("bcast from root " + root, e);
        }
    }

    /**
     * MPJ's {@code Gather} places the blocks from index 0 whatever the receive offset, and writes into the receive
     * buffer of every rank, not only the root's: unless the root's array starts at 0, gather into scratch.
     */
    private void gather(Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind, int root) {
        boolean direct = world.rank == root && recvOffset == 0;
        Object all = direct ? recv : scratch.array(kind, OUT, (long) count * world.size);
        gatherAtZero(send, sendOffset, count, all, kind, root);
        if (world.rank == root && !direct) {
            System.arraycopy(all, 0, recv, recvOffset, count * world.size);
        }
    }

    private void gatherAtZero(Object send, int sendOffset, int count, Object all, ArrayKind kind, int root) {
        try {
            world.comm.Gather(send, sendOffset, count, kind.datatype(), all, 0, count, kind.datatype(), root);
        } catch (RuntimeException e) {
            throw world.failure("gather to root " + root, e);
        }
    }

    /**
     * MPJ's {@code Allreduce} is its {@code Reduce} to rank 0 and a {@code Bcast}. Its reduction workers use the offset
     * wrongly ({@code SumInt}, {@code MaxInt}, ... loop from the offset to the count; {@code MinInt}, {@code MinDouble}
     * ignore it) and {@code Reduce} combines in the receive array at the send offset: only arrays that start at index 0
     * give the right answer.
     */
    private void allreduce(Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind, Op op) {
        Object in = atZero(send, sendOffset, count, kind, IN);
        Object out = reductionTarget(recv, recvOffset, count, kind);
        allreduceAtZero(in, out, count, kind, op);
        if (out != recv) {
            System.arraycopy(out, 0, recv, recvOffset, count);
        }
    }

    private void allreduceAtZero(Object in, Object out, int count, ArrayKind kind, Op op) {
        try {
            world.comm.Allreduce(in, 0, out, 0, count, kind.datatype(), op);
        } catch (RuntimeException e) {
            throw world.failure("allreduce of " + count + " elements", e);
        }
    }

    /**
     * As allreduce; and MPJ's {@code Reduce} combines in the receive array of every rank, so ranks other than the root
     * need one too.
     */
    private void reduce(
            Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind, Op op, int root) {
        boolean atRoot = world.rank == root;
        Object in = atZero(send, sendOffset, count, kind, IN);
        Object out = atRoot ? reductionTarget(recv, recvOffset, count, kind) : scratch.exact(kind, count);
        reduceAtZero(in, out, count, kind, op, root);
        if (atRoot && out != recv) {
            System.arraycopy(out, 0, recv, recvOffset, count);
        }
    }

    private void reduceAtZero(Object in, Object out, int count, ArrayKind kind, Op op, int root) {
        try {
            world.comm.Reduce(in, 0, out, 0, count, kind.datatype(), op, root);
        } catch (RuntimeException e) {
            throw world.failure("reduce of " + count + " elements to root " + root, e);
        }
    }

    private void reduceScatter(
            Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind, Op op) {
        Object in = atZero(send, sendOffset, (long) count * world.size, kind, IN);
        Object out = recvOffset == 0 ? recv : scratch.array(kind, OUT, count);
        reduceScatterAtZero(in, out, count, kind, op);
        if (out != recv) {
            System.arraycopy(out, 0, recv, recvOffset, count);
        }
    }

    /**
     * MPJ's own {@code Reduce_scatter} (its ring, "BKT") gives wrong sums from 3 ranks on (every step sends the same
     * unreduced block again) and overwrites the caller's send array. We run what MPJ itself runs when its old
     * collectives are chosen ({@code FT_Reduce_scatter}): its {@code Reduce} to rank 0, then its {@code Scatter}, each
     * with the cures above. Rank 0's receive array for the whole vector serves as every rank's scatter array.
     */
    private void reduceScatterAtZero(Object in, Object out, int count, ArrayKind kind, Op op) {
        long total = (long) count * world.size;
        Object reduced = scratch.exact(kind, total);
        reduceAtZero(in, reduced, (int) total, kind, op, 0);
        scatterAtZero(reduced, out, count, kind, 0);
    }

    /** MPJ's {@code Allgather} puts block r at {@code r * count} from index 0, ignoring the receive offset. */
    private void allgather(Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind) {
        Object out = recvOffset == 0 ? recv : scratch.array(kind, OUT, (long) count * world.size);
        try {
            world.comm.Allgather(send, sendOffset, count, kind.datatype(), out, 0, count, kind.datatype());
        } catch (RuntimeException e) {
            throw world.failure("allgather of " + count + " elements", e);
        }
        if (out != recv) {
            System.arraycopy(out, 0, recv, recvOffset, count * world.size);
        }
    }

    private void alltoall(Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind) {
        try {
            world.comm.Alltoall(send, sendOffset, count, kind.datatype(), recv, recvOffset, count, kind.datatype());
        } catch (RuntimeException e) {
            throw world.failure("alltoall of blocks of " + count + " elements", e);
        }
    }

    /**
     * MPJ's {@code Scatter} of up to 16 Ki elements is a tree that passes the blocks through every rank's send array
     * (which must then hold all blocks, on every rank) and ignores both offsets: hand it whole arrays that start at 0
     * on every rank.
     */
    private void scatter(
            Object send, int sendOffset, int count, Object recv, int recvOffset, ArrayKind kind, int root) {
        long all = (long) count * world.size;
        Object in = world.rank == root ? atZero(send, sendOffset, all, kind, IN) : scratch.array(kind, IN, all);
        Object out = recvOffset == 0 ? recv : scratch.array(kind, OUT, count);
        scatterAtZero(in, out, count, kind, root);
        if (out != recv) {
            System.arraycopy(out, 0, recv, recvOffset, count);
        }
    }

    private void scatterAtZero(Object in, Object out, int count, ArrayKind kind, int root) {
        try {
            world.comm.Scatter(in, 0, count, kind.datatype(), out, 0, count, kind.datatype(), root);
        } catch (RuntimeException e) {
            throw world.failure("scatter of blocks of " + count + " elements from root " + root, e);
        }
    }
}
