package org.jmpibench.conformance;

import static org.jmpibench.conformance.Expect.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * The "Errors" section of {@link Communicator}: each kind of misuse gets the documented exception. Every rank makes the
 * same mistakes, so that a collective that wrongly went ahead on one rank would hang or corrupt the next check instead
 * of passing. Misuse that fails the communicator for good ({@code CommunicatorException}) is checked in jobs of its own
 * ({@link MisuseRank}).
 */
final class ErrorChecks {

    private final Communicator comm;
    private final int rank;
    private final int size;

    ErrorChecks(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
    }

    private interface Call {
        void run();
    }

    /** {@code call} throws {@link IllegalArgumentException}; anything else (or nothing) fails the check. */
    private static void illegalArgument(String what, Call call) {
        expect(IllegalArgumentException.class, what, call);
    }

    private static void expect(Class<? extends RuntimeException> type, String what, Call call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            check(type.isInstance(e), what + " threw " + e + ", expected " + type.getSimpleName());
            return;
        }
        throw new AssertionError(what + " returned normally, expected " + type.getSimpleName());
    }

    /** Every misuse listed as an IllegalArgumentException, then proof that the communicator still works. */
    void illegalArguments() {
        int[] ints = new int[10];
        double[] doubles = new double[10];
        ByteBuffer bytes = direct(40);
        ByteBuffer odd = direct(7);
        int[] room = new int[10 * size];

        illegalArgument("send to rank -1", () -> comm.send(ints, 0, 1, -1, 0));
        illegalArgument("send to rank size()", () -> comm.send(ints, 0, 1, size, 0));
        illegalArgument("recv from rank size()", () -> comm.recv(doubles, 0, 1, size, 0));
        illegalArgument("isend to rank size()", () -> comm.isend(bytes, size, 0));
        illegalArgument("irecv from rank -1", () -> comm.irecv(ints, 0, 1, -1, 0));
        illegalArgument("send with tag -1", () -> comm.send(ints, 0, 1, peer(), -1));
        illegalArgument("recv with tag -1", () -> comm.recv(bytes, peer(), -1));
        illegalArgument("isend with tag -1", () -> comm.isend(doubles, 0, 1, peer(), -1));
        illegalArgument("irecv with tag -1", () -> comm.irecv(bytes, peer(), -1));
        illegalArgument("send of count -1", () -> comm.send(ints, 0, -1, peer(), 0));
        illegalArgument("irecv of count -1", () -> comm.irecv(doubles, 0, -1, peer(), 0));
        illegalArgument("send of 9 from offset 2 of 10", () -> comm.send(ints, 2, 9, peer(), 0));
        illegalArgument("recv at offset -1", () -> comm.recv(doubles, -1, 1, peer(), 0));
        illegalArgument("irecv of 11 into 10", () -> comm.irecv(ints, 0, 11, peer(), 0));
        illegalArgument("send of a null int[]", () -> comm.send((int[]) null, 0, 0, peer(), 0));
        illegalArgument("recv into a null double[]", () -> comm.recv((double[]) null, 0, 0, peer(), 0));
        illegalArgument("isend of a null ByteBuffer", () -> comm.isend((ByteBuffer) null, peer(), 0));
        illegalArgument("irecv into a null ByteBuffer", () -> comm.irecv((ByteBuffer) null, peer(), 0));
        illegalArgument("waitAll of 2 from an array of 1", () -> comm.waitAll(new Request[1], 2));
        illegalArgument("waitAll of -1", () -> comm.waitAll(new Request[1], -1));
        illegalArgument("waitAll of a null array", () -> comm.waitAll(null, 1));

        illegalArgument("bcast from root size()", () -> comm.bcast(ints, 0, 1, size));
        illegalArgument("gather to root -1", () -> comm.gather(ints, 0, 1, room, 0, -1));
        illegalArgument("reduce to root size()", () -> comm.reduce(ints, 0, 1, ints, 0, ReduceOp.SUM, size));
        illegalArgument("scatter from root -1", () -> comm.scatter(room, 0, 1, ints, 0, -1));
        illegalArgument("allreduce with a null op", () -> comm.allreduce(ints, 0, 1, ints, 5, null));
        illegalArgument("reduce with a null op", () -> comm.reduce(doubles, 0, 1, doubles, 5, null, 0));
        illegalArgument("reduceScatter with a null op", () -> comm.reduceScatter(room, 0, 1, ints, 0, null));
        illegalArgument(
                "allreduce of a ByteBuffer with a null type",
                () -> comm.allreduce(bytes, direct(40), null, ReduceOp.SUM));
        illegalArgument(
                "allreduce of 7 bytes as INT", () -> comm.allreduce(odd, direct(8), DataType.INT, ReduceOp.MAX));
        illegalArgument("allreduce of count -1", () -> comm.allreduce(ints, 0, -1, ints, 0, ReduceOp.SUM));
        illegalArgument("allreduce into a null array", () -> comm.allreduce(ints, 0, 1, null, 0, ReduceOp.SUM));
        illegalArgument(
                "allreduce of 40 bytes into 39", () -> comm.allreduce(bytes, direct(39), DataType.INT, ReduceOp.SUM));
        illegalArgument(
                "allgather into room for size() - 1 blocks",
                () -> comm.allgather(ints, 0, 10, new int[10 * size - 1], 0));
        illegalArgument(
                "allgather of 40 bytes into room for less than size() blocks",
                () -> comm.allgather(bytes, direct(40 * size - 1)));
        illegalArgument(
                "alltoall from fewer than size() blocks",
                () -> comm.alltoall(doubles, 0, 10 / size + 1, new double[10 * size + size], 0));
        illegalArgument("alltoall into a null array", () -> comm.alltoall(room, 0, 10, null, 0));
        illegalArgument(
                "reduceScatter of fewer than size() blocks",
                () -> comm.reduceScatter(ints, 0, 10 / size + 1, room, 0, ReduceOp.MIN));
        illegalArgument(
                "reduceScatter into room for count - 1",
                () -> comm.reduceScatter(room, 0, 10, new int[9], 0, ReduceOp.MIN));
        if (size > 1) {
            illegalArgument(
                    "alltoall of a ByteBuffer that does not split into size() blocks",
                    () -> comm.alltoall(direct(4 * size + 1), direct(4 * size + 1)));
            illegalArgument(
                    "reduceScatter of a ByteBuffer that does not split into size() blocks",
                    () -> comm.reduceScatter(direct(8 * size + 8), direct(8), DataType.DOUBLE, ReduceOp.SUM));
        }

        stillUsable();
    }

    private int peer() {
        return (rank + 1) % size;
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** After all that, point to point and a collective still deliver. */
    private void stillUsable() {
        int[] token = {rank};
        Request in = comm.irecv(new int[1], 0, 1, (rank - 1 + size) % size, 90);
        comm.send(token, 0, 1, peer(), 90);
        check(in.await() == 1, "a message after the misuse did not arrive");
        int[] sum = new int[1];
        comm.allreduce(token, 0, 1, sum, 0, ReduceOp.SUM);
        check(sum[0] == size * (size - 1) / 2, "allreduce after the misuse gave " + sum[0]);
    }

    /**
     * After {@code close()}: every operation throws IllegalStateException, and close() again does nothing. Rank and
     * size come from before the close.
     */
    static void afterClose(Communicator comm, int rank, int size) {
        int[] ints = new int[4];
        double[] doubles = new double[4 * size];
        ByteBuffer bytes = direct(16);
        int peer = (rank + 1) % size;
        Class<IllegalStateException> closed = IllegalStateException.class;
        expect(closed, "send after close()", () -> comm.send(ints, 0, 1, peer, 0));
        expect(closed, "recv after close()", () -> comm.recv(ints, 0, 1, peer, 0));
        expect(closed, "isend after close()", () -> comm.isend(bytes, peer, 0));
        expect(closed, "irecv after close()", () -> comm.irecv(doubles, 0, 1, peer, 0));
        expect(closed, "waitAll after close()", () -> comm.waitAll(new Request[0], 0));
        expect(closed, "barrier after close()", comm::barrier);
        expect(closed, "bcast after close()", () -> comm.bcast(ints, 0, 1, 0));
        expect(closed, "gather after close()", () -> comm.gather(doubles, 0, 1, doubles, 0, 0));
        expect(closed, "allreduce after close()", () -> comm.allreduce(ints, 0, 1, ints, 1, ReduceOp.SUM));
        expect(closed, "reduce after close()", () -> comm.reduce(bytes, direct(16), DataType.INT, ReduceOp.MIN, 0));
        expect(
                closed,
                "reduceScatter after close()",
                () -> comm.reduceScatter(doubles, 0, 1, new double[1], 0, ReduceOp.MAX));
        expect(closed, "allgather after close()", () -> comm.allgather(doubles, 0, 1, new double[size], 0));
        expect(closed, "alltoall after close()", () -> comm.alltoall(doubles, 0, 1, new double[size], 0));
        expect(closed, "scatter after close()", () -> comm.scatter(doubles, 0, 1, new double[1], 0, 0));
        comm.close();
    }
}
