package org.jmpibench.conformance;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;

/**
 * Rank program for backends that promise allocation-free hot paths (ours, not the libraries the others wrap): after a
 * warm-up, every rank repeats OSU-style windows of isend/irecv and every collective at a small and a large size, and
 * compares its thread's allocated bytes before and after. The bound, a few bytes per operation on average, is less than
 * any object the JVM can allocate, yet leaves room for a rare liveness probe or selector wake-up. Not part of
 * {@link ConformanceSuite}: a backend's own tests run it.
 */
public final class SteadyStateAllocationRank {

    public static final String PASSED = "STEADY STATE ALLOCATION PASSED rank ";
    private static final int ROUNDS = 200;
    /** Per round: 2 windows of 2 x 64 requests, and 2 sizes of 7 collectives. */
    private static final long MAX_BYTES = 256 * 1024;

    private static final int WINDOW = 64;
    private static final int SMALL = 37;
    /** Above the collectives' large-message switch (64 KiB) in every element size. */
    private static final int LARGE = 20_011;

    private final Communicator comm;
    private final int rank;
    private final int size;
    private final int partner;
    private final Request[] requests = new Request[2 * WINDOW];
    private final int[] windowInts = new int[2 * WINDOW * SMALL];
    private final ByteBuffer windowBytes =
            ByteBuffer.allocateDirect(2 * WINDOW * 4096).order(ByteOrder.nativeOrder());
    private final ByteBuffer[] slices = new ByteBuffer[2 * WINDOW];
    private final int[] ints;
    private final int[] intsOut;
    private final double[] doubles;
    private final double[] doublesOut;
    private final ByteBuffer bytes;
    private final ByteBuffer bytesOut;

    private SteadyStateAllocationRank(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
        int other = rank ^ 1;
        this.partner = other < size ? other : -1;
        for (int k = 0; k < slices.length; k++) {
            slices[k] = windowBytes.slice(k * 4096, 4096);
        }
        ints = new int[size * LARGE];
        intsOut = new int[size * LARGE];
        doubles = new double[size * LARGE];
        doublesOut = new double[size * LARGE];
        bytes = ByteBuffer.allocateDirect(size * LARGE * 8).order(ByteOrder.nativeOrder());
        bytesOut = ByteBuffer.allocateDirect(size * LARGE * 8).order(ByteOrder.nativeOrder());
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            Communicator comm = Job.communicator();
            int rank = comm.rank();
            new SteadyStateAllocationRank(comm).check();
            comm.close();
            System.out.println(PASSED + rank);
        } catch (Throwable t) {
            System.err.println("steady-state allocation check failed: " + t);
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private void check() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        rounds(ROUNDS / 2);
        comm.barrier();
        long before = threads.getCurrentThreadAllocatedBytes();
        rounds(ROUNDS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println("rank " + rank + " allocated " + allocated + " bytes in " + ROUNDS + " rounds");
        Expect.check(
                allocated <= MAX_BYTES,
                "rank " + rank + " allocated " + allocated + " bytes in " + ROUNDS
                        + " rounds of windows and collectives, more than " + MAX_BYTES);
    }

    private void rounds(int count) {
        for (int round = 0; round < count; round++) {
            windows();
            for (int n : new int[] {SMALL, LARGE}) {
                collectives(n, round % size);
            }
        }
    }

    /** OSU bibw with ints and with direct buffers: a window of irecvs and one of isends, then waitAll. */
    private void windows() {
        if (partner < 0) {
            return;
        }
        for (int k = 0; k < WINDOW; k++) {
            requests[k] = comm.irecv(windowInts, k * SMALL, SMALL, partner, 1);
            requests[WINDOW + k] = comm.isend(windowInts, (WINDOW + k) * SMALL, SMALL, partner, 1);
        }
        comm.waitAll(requests, 2 * WINDOW);
        for (int k = 0; k < WINDOW; k++) {
            requests[k] = comm.irecv(slices[k], partner, 2);
            requests[WINDOW + k] = comm.isend(slices[WINDOW + k], partner, 2);
        }
        comm.waitAll(requests, 2 * WINDOW);
    }

    private void collectives(int n, int root) {
        comm.allreduce(ints, 0, n, intsOut, 0, ReduceOp.SUM);
        comm.allreduce(bytes.limit(n * 8), bytesOut.clear(), DataType.DOUBLE, ReduceOp.MAX);
        comm.reduce(doubles, 0, n, doublesOut, 0, ReduceOp.MIN, root);
        comm.reduceScatter(ints, 0, n, intsOut, 0, ReduceOp.SUM);
        comm.allgather(doubles, 0, n, doublesOut, 0);
        comm.alltoall(ints, 0, n, intsOut, 0);
        comm.scatter(bytes.limit(size * n * 4), bytesOut.limit(n * 4), root);
        bytes.clear();
        bytesOut.clear();
    }
}
