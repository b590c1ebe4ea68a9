package org.jmpibench.cli;

import java.util.Arrays;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * The seed tutorial (an mpi4py script) on the Communicator SPI, printing what it prints: rank 0 sends
 * {@code [0 1 2]} to rank 1; rank 0 broadcasts {@code 0..9}; every rank contributes ten copies of its rank,
 * rank 0 gathers and averages them, and broadcasts the average back.
 *
 * <p>Two deliberate differences. The average is float64 and is broadcast as doubles: the tutorial's
 * {@code MPI.FLOAT} on float64 data sent half the bytes, reinterpreted (and its {@code np.float} no longer
 * exists in NumPy). And instead of the tutorial's {@code time.sleep(1)} to let output settle, ranks print in
 * rank order, one after the other, so the output is the same on every run.
 */
public final class SeedDemo {

    private static final int TURN_TAG = 1_000_000;
    private static final String RULE = "=".repeat(50);

    private final Communicator comm;
    private final int rank;
    private final int size;

    private SeedDemo(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            Communicator comm = Job.communicator();
            new SeedDemo(comm).run();
            comm.close();
        } catch (Throwable t) {
            System.err.println("demo failed on this rank: " + t);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private void run() {
        if (rank == 0) {
            System.out.println("Number of MPI processes that will talk to each other: " + size);
        }
        pointToPoint();
        broadcast();
        gatherReduceBroadcast();
    }

    private void pointToPoint() {
        if (rank == 0) {
            System.out.println("point to point");
            int[] data = {0, 1, 2};
            comm.send(data, 0, data.length, 1, 0);
        } else if (rank == 1) {
            System.out.println("Hello I am rank " + rank);
            int[] data = new int[3];
            comm.recv(data, 0, data.length, 0, 0);
            System.out.println("I received some data: " + NumpyFormat.ints(data));
        }
        endSection();
    }

    private void broadcast() {
        int[] data = new int[10];
        if (rank == 0) {
            System.out.println("Broadcasting from rank " + rank);
            Arrays.setAll(data, i -> i);
        }
        comm.bcast(data, 0, data.length, 0);
        inRankOrder(() -> System.out.println("Data at rank " + rank + " " + NumpyFormat.ints(data)));
        endSection();
    }

    private void gatherReduceBroadcast() {
        int n = 10;
        int[] sendbuf = new int[n];
        Arrays.fill(sendbuf, rank);
        int[] recvbuf = null;
        if (rank == 0) {
            System.out.println("Gather and reduce");
            recvbuf = new int[size * n];
        }
        comm.gather(sendbuf, 0, n, recvbuf, 0, 0);
        double[] avg = new double[n];
        if (rank == 0) {
            System.out.println("I am rank " + rank + ", data I gathered is: " + NumpyFormat.rows(recvbuf, n));
            for (int r = 0; r < size; r++) {
                for (int i = 0; i < n; i++) {
                    avg[i] += recvbuf[r * n + i];
                }
            }
            for (int i = 0; i < n; i++) {
                avg[i] /= size;
            }
        }
        comm.bcast(avg, 0, n, 0);
        inRankOrder(() -> System.out.println("I am rank " + rank + ", my avg is: " + NumpyFormat.doubles(avg)));
    }

    /** Ends a section like the tutorial's sleep-then-rule, but deterministically: a barrier, then the rule. */
    private void endSection() {
        comm.barrier();
        if (rank == 0) {
            System.out.println(RULE);
            System.out.flush();
        }
        comm.barrier();
    }

    /** Runs {@code print} on rank 0, then 1, ...: each rank waits for its predecessor's turn message. */
    private void inRankOrder(Runnable print) {
        int[] turn = new int[1];
        if (rank > 0) {
            comm.recv(turn, 0, 1, rank - 1, TURN_TAG);
        }
        print.run();
        System.out.flush();
        if (rank + 1 < size) {
            comm.send(turn, 0, 1, rank + 1, TURN_TAG);
        }
        comm.barrier();
    }
}
