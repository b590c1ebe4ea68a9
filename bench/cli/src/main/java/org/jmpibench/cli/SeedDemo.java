package org.jmpibench.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * The seed tutorial (an mpi4py script) on the Communicator SPI, printing what it prints: rank 0 sends {@code [0 1 2]}
 * to rank 1; rank 0 broadcasts {@code 0..9}; every rank contributes ten copies of its rank, rank 0 gathers and averages
 * them, and broadcasts the average back.
 *
 * <p>Two deliberate differences. The average is float64 and is broadcast as doubles: the tutorial's {@code MPI.FLOAT}
 * on float64 data sent half the bytes, reinterpreted (and its {@code np.float} no longer exists in NumPy). And instead
 * of the tutorial's {@code time.sleep(1)} to let output settle, each section's lines are sent to rank 0 and printed
 * there in rank order: the output is the same on every run and every backend, whatever route each backend's launcher
 * gives rank output (mpirun forwards it asynchronously).
 */
public final class SeedDemo {

    private static final int OUTPUT_TAG = 1_000_000;
    private static final String RULE = "=".repeat(50);

    private final Communicator comm;
    private final int rank;
    private final int size;
    private final StringBuilder section = new StringBuilder();

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
            say("Number of MPI processes that will talk to each other: " + size);
        }
        pointToPoint();
        broadcast();
        gatherReduceBroadcast();
    }

    private void pointToPoint() {
        if (rank == 0) {
            say("point to point");
            int[] data = {0, 1, 2};
            comm.send(data, 0, data.length, 1, 0);
        } else if (rank == 1) {
            say("Hello I am rank " + rank);
            int[] data = new int[3];
            comm.recv(data, 0, data.length, 0, 0);
            say("I received some data: " + NumpyFormat.ints(data));
        }
        endSection();
    }

    private void broadcast() {
        int[] data = new int[10];
        if (rank == 0) {
            say("Broadcasting from rank " + rank);
            Arrays.setAll(data, i -> i);
        }
        comm.bcast(data, 0, data.length, 0);
        say("Data at rank " + rank + " " + NumpyFormat.ints(data));
        endSection();
    }

    private void gatherReduceBroadcast() {
        int n = 10;
        int[] sendbuf = new int[n];
        Arrays.fill(sendbuf, rank);
        int[] recvbuf = null;
        if (rank == 0) {
            say("Gather and reduce");
            recvbuf = new int[size * n];
        }
        comm.gather(sendbuf, 0, n, recvbuf, 0, 0);
        double[] avg = new double[n];
        if (rank == 0) {
            say("I am rank " + rank + ", data I gathered is: " + NumpyFormat.rows(recvbuf, n));
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
        say("I am rank " + rank + ", my avg is: " + NumpyFormat.doubles(avg));
        printSection();
    }

    /** Ends a section like the tutorial's sleep-then-rule: everyone's lines in rank order, then the rule. */
    private void endSection() {
        printSection();
        if (rank == 0) {
            System.out.println(RULE);
            System.out.flush();
        }
    }

    /** Notes a line this rank prints; rank 0 prints every rank's lines at the end of the section. */
    private void say(String line) {
        if (line != null) {
            section.append(line).append('\n');
        }
    }

    /** Rank 0 prints its lines, then each other rank's, received in rank order. */
    private void printSection() {
        byte[] mine = section.toString().getBytes(StandardCharsets.UTF_8);
        section.setLength(0);
        int[] length = new int[1];
        if (rank == 0) {
            System.out.print(new String(mine, StandardCharsets.UTF_8));
            for (int r = 1; r < size; r++) {
                comm.recv(length, 0, 1, r, OUTPUT_TAG);
                ByteBuffer text = ByteBuffer.allocateDirect(length[0]);
                comm.recv(text, r, OUTPUT_TAG);
                byte[] bytes = new byte[length[0]];
                text.get(bytes);
                System.out.print(new String(bytes, StandardCharsets.UTF_8));
            }
            System.out.flush();
        } else {
            length[0] = mine.length;
            comm.send(length, 0, 1, 0, OUTPUT_TAG);
            comm.send(ByteBuffer.allocateDirect(mine.length).put(mine).flip(), 0, OUTPUT_TAG);
        }
        comm.barrier();
    }
}
