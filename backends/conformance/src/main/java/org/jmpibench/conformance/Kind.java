package org.jmpibench.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * The buffer flavours every operation is checked with: {@code int[]}, {@code double[]}, and direct {@link ByteBuffer}s
 * of ints and of doubles. Each check is written once against this class and runs for every kind. A {@link Vec} is one
 * buffer with guard elements on both sides of the region a call may touch, so a backend that writes outside the region,
 * ignores an offset or a position, or moves a position is caught.
 */
abstract class Kind {

    /** Guard elements before and after each region; array offsets and buffer positions are therefore non-zero. */
    static final int GUARD = 3;

    static final Kind INTS = new IntArrays();
    static final Kind DOUBLES = new DoubleArrays();
    static final Kind DIRECT_INTS = new Direct(DataType.INT);
    static final Kind DIRECT_DOUBLES = new Direct(DataType.DOUBLE);
    static final List<Kind> ALL = List.of(INTS, DOUBLES, DIRECT_INTS, DIRECT_DOUBLES);

    /** As in step names: {@code int[]}, {@code direct DOUBLE}. */
    abstract String label();

    /** Whether elements are doubles: checks then give values a fraction, so an int path cannot pass for one. */
    abstract boolean floating();

    /** A region of {@code elements} elements, every element and guard set to a sentinel. */
    abstract Vec allocate(int elements);

    /** {@code value} as this kind stores it: doubles get a quarter added, which sums stay exact with. */
    double value(int value) {
        return floating() ? value + 0.25 : value;
    }

    @Override
    public String toString() {
        return label();
    }

    abstract void allreduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op);

    /** {@code recv} is null off the root when the check says so: the SPI lets a rank pass null there. */
    abstract void reduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op, int root);

    abstract void reduceScatter(Communicator comm, Vec send, Vec recv, int count, ReduceOp op);

    abstract void allgather(Communicator comm, Vec send, Vec recv, int count);

    abstract void alltoall(Communicator comm, Vec send, Vec recv, int count);

    /** {@code send} is null off the root when the check says so. */
    abstract void scatter(Communicator comm, Vec send, Vec recv, int count, int root);

    /** Elements {@code [at, at + count)} of {@code buf}'s region. */
    abstract Request isend(Communicator comm, Vec buf, int at, int count, int dest, int tag);

    abstract Request irecv(Communicator comm, Vec buf, int at, int count, int source, int tag);

    /** One region with guards; element {@code i} is element {@code i} of the region. */
    abstract static class Vec {
        final int elements;

        Vec(int elements) {
            this.elements = elements;
        }

        abstract double get(int i);

        abstract void set(int i, double value);

        /** Throws when a guard element changed, or a buffer's position or limit moved. */
        abstract void checkGuards(String what);
    }

    private static final double SENTINEL = -777_777.5;

    // ------------------------------------------------------------------ int[]

    private static final class IntArrays extends Kind {
        @Override
        String label() {
            return "int[]";
        }

        @Override
        boolean floating() {
            return false;
        }

        @Override
        Vec allocate(int elements) {
            return new IntVec(elements);
        }

        @Override
        void allreduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.allreduce(a(send), GUARD, count, a(recv), GUARD, op);
        }

        @Override
        void reduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op, int root) {
            comm.reduce(a(send), GUARD, count, a(recv), GUARD, op, root);
        }

        @Override
        void reduceScatter(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.reduceScatter(a(send), GUARD, count, a(recv), GUARD, op);
        }

        @Override
        void allgather(Communicator comm, Vec send, Vec recv, int count) {
            comm.allgather(a(send), GUARD, count, a(recv), GUARD);
        }

        @Override
        void alltoall(Communicator comm, Vec send, Vec recv, int count) {
            comm.alltoall(a(send), GUARD, count, a(recv), GUARD);
        }

        @Override
        void scatter(Communicator comm, Vec send, Vec recv, int count, int root) {
            comm.scatter(a(send), GUARD, count, a(recv), GUARD, root);
        }

        @Override
        Request isend(Communicator comm, Vec buf, int at, int count, int dest, int tag) {
            return comm.isend(a(buf), GUARD + at, count, dest, tag);
        }

        @Override
        Request irecv(Communicator comm, Vec buf, int at, int count, int source, int tag) {
            return comm.irecv(a(buf), GUARD + at, count, source, tag);
        }

        private static int[] a(Vec vec) {
            return vec == null ? null : ((IntVec) vec).array;
        }
    }

    private static final class IntVec extends Vec {
        final int[] array;

        IntVec(int elements) {
            super(elements);
            array = new int[elements + 2 * GUARD];
            Arrays.fill(array, (int) SENTINEL);
        }

        @Override
        double get(int i) {
            return array[GUARD + i];
        }

        @Override
        void set(int i, double value) {
            array[GUARD + i] = (int) value;
        }

        @Override
        void checkGuards(String what) {
            for (int g = 0; g < GUARD; g++) {
                Expect.check(
                        array[g] == (int) SENTINEL && array[GUARD + elements + g] == (int) SENTINEL,
                        what + ": an element outside the region [offset, offset + count) was written");
            }
        }
    }

    // ------------------------------------------------------------------ double[]

    private static final class DoubleArrays extends Kind {
        @Override
        String label() {
            return "double[]";
        }

        @Override
        boolean floating() {
            return true;
        }

        @Override
        Vec allocate(int elements) {
            return new DoubleVec(elements);
        }

        @Override
        void allreduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.allreduce(a(send), GUARD, count, a(recv), GUARD, op);
        }

        @Override
        void reduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op, int root) {
            comm.reduce(a(send), GUARD, count, a(recv), GUARD, op, root);
        }

        @Override
        void reduceScatter(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.reduceScatter(a(send), GUARD, count, a(recv), GUARD, op);
        }

        @Override
        void allgather(Communicator comm, Vec send, Vec recv, int count) {
            comm.allgather(a(send), GUARD, count, a(recv), GUARD);
        }

        @Override
        void alltoall(Communicator comm, Vec send, Vec recv, int count) {
            comm.alltoall(a(send), GUARD, count, a(recv), GUARD);
        }

        @Override
        void scatter(Communicator comm, Vec send, Vec recv, int count, int root) {
            comm.scatter(a(send), GUARD, count, a(recv), GUARD, root);
        }

        @Override
        Request isend(Communicator comm, Vec buf, int at, int count, int dest, int tag) {
            return comm.isend(a(buf), GUARD + at, count, dest, tag);
        }

        @Override
        Request irecv(Communicator comm, Vec buf, int at, int count, int source, int tag) {
            return comm.irecv(a(buf), GUARD + at, count, source, tag);
        }

        private static double[] a(Vec vec) {
            return vec == null ? null : ((DoubleVec) vec).array;
        }
    }

    private static final class DoubleVec extends Vec {
        final double[] array;

        DoubleVec(int elements) {
            super(elements);
            array = new double[elements + 2 * GUARD];
            Arrays.fill(array, SENTINEL);
        }

        @Override
        double get(int i) {
            return array[GUARD + i];
        }

        @Override
        void set(int i, double value) {
            array[GUARD + i] = value;
        }

        @Override
        void checkGuards(String what) {
            for (int g = 0; g < GUARD; g++) {
                Expect.check(
                        array[g] == SENTINEL && array[GUARD + elements + g] == SENTINEL,
                        what + ": an element outside the region [offset, offset + count) was written");
            }
        }
    }

    // ------------------------------------------------------------------ direct ByteBuffer

    /** Native-order direct buffers; the region is [position, limit), with guards outside it. */
    private static final class Direct extends Kind {
        private final DataType type;

        Direct(DataType type) {
            this.type = type;
        }

        @Override
        String label() {
            return "direct " + type;
        }

        @Override
        boolean floating() {
            return type == DataType.DOUBLE;
        }

        @Override
        Vec allocate(int elements) {
            return new BufferVec(elements, type);
        }

        @Override
        void allreduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.allreduce(b(send), b(recv), type, op);
        }

        @Override
        void reduce(Communicator comm, Vec send, Vec recv, int count, ReduceOp op, int root) {
            comm.reduce(b(send), b(recv), type, op, root);
        }

        @Override
        void reduceScatter(Communicator comm, Vec send, Vec recv, int count, ReduceOp op) {
            comm.reduceScatter(b(send), b(recv), type, op);
        }

        @Override
        void allgather(Communicator comm, Vec send, Vec recv, int count) {
            comm.allgather(b(send), b(recv));
        }

        @Override
        void alltoall(Communicator comm, Vec send, Vec recv, int count) {
            comm.alltoall(b(send), b(recv));
        }

        @Override
        void scatter(Communicator comm, Vec send, Vec recv, int count, int root) {
            comm.scatter(b(send), b(recv), root);
        }

        @Override
        Request isend(Communicator comm, Vec buf, int at, int count, int dest, int tag) {
            return comm.isend(((BufferVec) buf).range(at, count), dest, tag);
        }

        @Override
        Request irecv(Communicator comm, Vec buf, int at, int count, int source, int tag) {
            return comm.irecv(((BufferVec) buf).range(at, count), source, tag);
        }

        private static ByteBuffer b(Vec vec) {
            return vec == null ? null : ((BufferVec) vec).buffer;
        }
    }

    private static final class BufferVec extends Vec {
        private static final byte GUARD_BYTE = 0x5A;
        final ByteBuffer buffer;
        private final DataType type;
        private final int start;
        private final int end;

        BufferVec(int elements, DataType type) {
            super(elements);
            this.type = type;
            int unit = type.bytes();
            buffer = ByteBuffer.allocateDirect((elements + 2 * GUARD) * unit).order(ByteOrder.nativeOrder());
            start = GUARD * unit;
            end = start + elements * unit;
            for (int i = 0; i < buffer.capacity(); i++) {
                buffer.put(i, GUARD_BYTE);
            }
            buffer.position(start).limit(end);
        }

        /** A view of elements {@code [at, at + count)}, for one request each: the region stays untouched. */
        ByteBuffer range(int at, int count) {
            int unit = type.bytes();
            return buffer.duplicate().limit(start + (at + count) * unit).position(start + at * unit);
        }

        @Override
        double get(int i) {
            int index = start + i * type.bytes();
            return type == DataType.INT ? buffer.getInt(index) : buffer.getDouble(index);
        }

        @Override
        void set(int i, double value) {
            int index = start + i * type.bytes();
            if (type == DataType.INT) {
                buffer.putInt(index, (int) value);
            } else {
                buffer.putDouble(index, value);
            }
        }

        @Override
        void checkGuards(String what) {
            Expect.check(
                    buffer.position() == start && buffer.limit() == end,
                    what + ": position/limit moved from " + start + "/" + end + " to " + buffer.position() + "/"
                            + buffer.limit());
            ByteBuffer whole = buffer.duplicate().clear();
            for (int i = 0; i < start; i++) {
                Expect.check(
                        whole.get(i) == GUARD_BYTE && whole.get(end + i) == GUARD_BYTE,
                        what + ": a byte outside [position, limit) was written");
            }
        }
    }
}
