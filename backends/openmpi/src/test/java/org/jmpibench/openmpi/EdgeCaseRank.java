package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Job;

/**
 * A 2-rank program for what the shared conformance suite does not cover and this adapter has special code for: heap
 * buffers with an array offset, read-only buffers, misuse, truncation, a second close. Every check that fails throws;
 * both ranks print {@value #PASSED} and their rank when all held.
 */
public final class EdgeCaseRank {

    static final String PASSED = "EDGE CASES PASSED rank ";

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        int peer = 1 - rank;

        // Heap buffers that are slices of larger arrays: the bindings use the array offset, we must add position.
        if (rank == 0) {
            ByteBuffer base = ByteBuffer.allocate(100);
            for (int i = 0; i < 100; i++) {
                base.put(i, (byte) i);
            }
            ByteBuffer slice = base.position(10).slice();
            slice.position(3).limit(20);
            comm.send(slice, peer, 1);
            check(slice.position() == 3, "send moved a heap slice's position");
            comm.send(slice.asReadOnlyBuffer(), peer, 2);
        } else {
            ByteBuffer base = ByteBuffer.allocate(64);
            ByteBuffer slice = base.position(7).slice();
            slice.position(5);
            int n = comm.recv(slice, 0, 1);
            check(n == 17 && slice.position() == 5, "heap slice recv returned " + n + ", position " + slice.position());
            for (int i = 0; i < 17; i++) {
                check(base.get(12 + i) == 13 + i, "heap slice byte " + i + " is " + base.get(12 + i));
            }
            check(base.get(11) == 0 && base.get(29) == 0, "heap slice recv wrote outside what arrived");
            ByteBuffer direct = ByteBuffer.allocateDirect(32);
            check(
                    comm.recv(direct, 0, 2) == 17 && direct.get(0) == 13 && direct.get(16) == 29,
                    "a read-only buffer's bytes did not arrive");
            expect(IllegalArgumentException.class, () -> comm.recv(direct.asReadOnlyBuffer(), 0, 3));
        }

        // Misuse is IllegalArgumentException, before anything reaches MPI.
        expect(IllegalArgumentException.class, () -> comm.send(new int[4], 0, 1, 2, 0));
        expect(IllegalArgumentException.class, () -> comm.send(new int[4], 0, 1, peer, -1));
        expect(IllegalArgumentException.class, () -> comm.send(new int[4], 3, 2, peer, 0));
        expect(IllegalArgumentException.class, () -> comm.recv(new double[4], -1, 2, peer, 0));
        expect(IllegalArgumentException.class, () -> comm.gather(new int[2], 0, 2, new int[3], 0, rank));

        // A message longer than the receive buffer is a CommunicatorException, never silently cut.
        comm.barrier();
        if (rank == 0) {
            comm.send(new int[10], 0, 10, peer, 9);
        } else {
            expect(CommunicatorException.class, () -> comm.recv(new int[5], 0, 5, 0, 9));
        }
        System.out.println(PASSED + rank);
        comm.close();
        comm.close();
        System.exit(0);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void expect(Class<? extends Throwable> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return;
            }
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }
}
