package org.jmpibench.mpjexpress;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A hand-timed ping-pong between ranks 0 and 1 through the SPI, for the report's figures (not a test: tests never
 * assert timings). Usage: {@code PingPongRank <ints> <iterations>}; rank 0 prints the half round trip.
 */
public final class PingPongRank {

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        Communicator comm = Job.communicator();
        int[] buf = new int[count];
        for (int round = 0; round < 2; round++) {
            comm.barrier();
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                if (comm.rank() == 0) {
                    comm.send(buf, 0, count, 1, 1);
                    comm.recv(buf, 0, count, 1, 2);
                } else if (comm.rank() == 1) {
                    comm.recv(buf, 0, count, 0, 1);
                    comm.send(buf, 0, count, 0, 2);
                }
            }
            long halfRoundTripNs = (System.nanoTime() - start) / iterations / 2;
            if (comm.rank() == 0 && round == 1) {
                double mbPerS = count * 4.0 / halfRoundTripNs * 1e3;
                System.out.printf(
                        "PINGPONG %d ints: half round trip %.1f us, %.0f MB/s%n", count, halfRoundTripNs / 1e3, mbPerS);
            }
        }
        comm.close();
    }
}
