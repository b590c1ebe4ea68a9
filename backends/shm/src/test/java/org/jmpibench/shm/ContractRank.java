package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Job;

/**
 * Rank program for contract details the conformance suite does not reach: a large message overtaken by a small one (the
 * large one must be buffered through the ring), sending to itself, misuse errors, and last a message longer than the
 * receive buffer, which must throw {@link CommunicatorException}. Two ranks.
 */
public final class ContractRank {

    static final String PASSED = "CONTRACT PASSED rank ";

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        int big = 3 << 20;
        if (rank == 0) {
            int[] large = new int[big / 4];
            for (int i = 0; i < large.length; i++) {
                large[i] = i ^ 0x5a5a;
            }
            comm.send(large, 0, large.length, 1, 1);
            comm.send(new int[] {42}, 0, 1, 1, 2);
        } else {
            int[] small = new int[1];
            check(comm.recv(small, 0, 1, 0, 2) == 1 && small[0] == 42, "small message overtaking a large one");
            int[] large = new int[big / 4];
            check(comm.recv(large, 0, large.length, 0, 1) == large.length, "large buffered message count");
            for (int i = 0; i < large.length; i++) {
                check(large[i] == (i ^ 0x5a5a), "large buffered message, int " + i);
            }
        }

        double[] self = {1.5, 2.5};
        comm.send(self, 0, 2, rank, 3);
        double[] back = new double[4];
        check(comm.recv(back, 1, 3, rank, 3) == 2 && back[1] == 1.5 && back[2] == 2.5, "message to itself");

        expectIllegal(() -> comm.send(new int[1], 0, 1, 2, 0), "dest rank 2");
        expectIllegal(() -> comm.send(new int[1], 0, 1, 0, -1), "tag must be >= 0, got -1");
        expectIllegal(() -> comm.send(new int[1], 1, 1, 0, 0), "offset 1");
        expectIllegal(() -> comm.recv(new int[1], 0, -1, 0, 0), "count must be >= 0, got -1");

        ByteBuffer buf = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        buf.position(8).limit(24);
        if (rank == 0) {
            comm.send(buf, 1, 4);
            check(buf.position() == 8 && buf.limit() == 24, "send moved position or limit");
            comm.send(new int[10], 0, 10, 1, 5);
        } else {
            check(comm.recv(buf, 0, 4) == 16 && buf.position() == 8 && buf.limit() == 24, "recv of 16 bytes");
            try {
                comm.recv(new int[5], 0, 5, 0, 5);
                throw new AssertionError("a 10-int message into room for 5 did not throw");
            } catch (CommunicatorException e) {
                check(e.getMessage().contains("40 bytes"), "message names the length: " + e.getMessage());
            }
        }
        System.out.println(PASSED + rank);
        System.exit(0);
    }

    private static void expectIllegal(Runnable call, String named) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            check(e.getMessage().contains(named), "message '" + e.getMessage() + "' names " + named);
            return;
        }
        throw new AssertionError("misuse with " + named + " did not throw IllegalArgumentException");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
