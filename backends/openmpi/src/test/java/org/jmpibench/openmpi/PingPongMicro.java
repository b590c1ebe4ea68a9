package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Micro-check of the adapter's overhead (not a benchmark of record; the JMH suite is): half round trip of one int
 * between two ranks, through our SPI and through Open MPI's Java API called directly, alternating in the same job so
 * that the machine's drift hits both alike. Also a 4-byte direct ByteBuffer both ways. The C twin is
 * {@code src/test/c/pingpong.c}; {@code scripts/micro/openmpi-pingpong.sh} runs all of them.
 *
 * <p>Usage (as rank program of a 2-rank openmpi job): {@code PingPongMicro [rounds] [iterations-per-round]}. Rank 0
 * prints one line per variant: median and minimum of the per-round half round trip, in microseconds.
 */
public final class PingPongMicro {

    private static final int TAG = 0;
    private static final int WARM_UP = 30_000;

    public static void main(String[] args) throws MPIException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Communicator comm = Job.communicator();
        if (comm.size() != 2) {
            throw new IllegalArgumentException("needs exactly 2 ranks, got " + comm.size());
        }
        Intracomm world = MPI.COMM_WORLD;
        int rank = comm.rank();
        int peer = 1 - rank;
        int[] ints = new int[1];
        ByteBuffer bytes = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());

        // Warm-up: enough calls for the JIT to compile every variant's loop before anything counts.
        spiInts(comm, ints, rank, peer, WARM_UP);
        directInts(world, ints, rank, peer, WARM_UP);
        spiBuffer(comm, bytes, rank, peer, WARM_UP);
        directBuffer(world, bytes, rank, peer, WARM_UP);
        // Many short rounds, variants interleaved: on a shared machine the load changes within seconds, and
        // interleaving spreads it evenly over the variants. Median and minimum over rounds are reported.
        double[][] results = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            double[] halfRtt = {
                spiInts(comm, ints, rank, peer, iterations),
                directInts(world, ints, rank, peer, iterations),
                spiBuffer(comm, bytes, rank, peer, iterations),
                directBuffer(world, bytes, rank, peer, iterations)
            };
            for (int v = 0; v < 4; v++) {
                results[v][round] = halfRtt[v];
            }
        }
        if (rank == 0) {
            String[] names = {"spi int[1]", "direct int[1]", "spi direct ByteBuffer(4)", "direct direct ByteBuffer(4)"};
            System.out.printf(
                    "%-30s %12s %12s%n", "Variant (" + rounds + " x " + iterations + ")", "median (us)", "min (us)");
            for (int v = 0; v < 4; v++) {
                double[] sorted = results[v].clone();
                Arrays.sort(sorted);
                System.out.printf("%-30s %12.3f %12.3f%n", names[v], sorted[rounds / 2], sorted[0]);
            }
            System.out.printf("ratio spi/direct int[1] (median): %.3f%n", median(results[0]) / median(results[1]));
            System.out.printf("ratio spi/direct ByteBuffer (median): %.3f%n", median(results[2]) / median(results[3]));
        }
        comm.close();
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double spiInts(Communicator comm, int[] buf, int rank, int peer, int n) {
        comm.barrier();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (rank == 0) {
                comm.send(buf, 0, 1, peer, TAG);
                comm.recv(buf, 0, 1, peer, TAG);
            } else {
                comm.recv(buf, 0, 1, peer, TAG);
                comm.send(buf, 0, 1, peer, TAG);
            }
        }
        return (System.nanoTime() - start) / 1e3 / (2.0 * n);
    }

    private static double directInts(Intracomm world, int[] buf, int rank, int peer, int n) throws MPIException {
        world.barrier();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (rank == 0) {
                world.send(buf, 1, MPI.INT, peer, TAG);
                world.recv(buf, 1, MPI.INT, peer, TAG);
            } else {
                world.recv(buf, 1, MPI.INT, peer, TAG);
                world.send(buf, 1, MPI.INT, peer, TAG);
            }
        }
        return (System.nanoTime() - start) / 1e3 / (2.0 * n);
    }

    private static double spiBuffer(Communicator comm, ByteBuffer buf, int rank, int peer, int n) {
        comm.barrier();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (rank == 0) {
                comm.send(buf, peer, TAG);
                comm.recv(buf, peer, TAG);
            } else {
                comm.recv(buf, peer, TAG);
                comm.send(buf, peer, TAG);
            }
        }
        return (System.nanoTime() - start) / 1e3 / (2.0 * n);
    }

    private static double directBuffer(Intracomm world, ByteBuffer buf, int rank, int peer, int n) throws MPIException {
        world.barrier();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (rank == 0) {
                world.send(buf, 4, MPI.BYTE, peer, TAG);
                world.recv(buf, 4, MPI.BYTE, peer, TAG);
            } else {
                world.recv(buf, 4, MPI.BYTE, peer, TAG);
                world.send(buf, 4, MPI.BYTE, peer, TAG);
            }
        }
        return (System.nanoTime() - start) / 1e3 / (2.0 * n);
    }
}
