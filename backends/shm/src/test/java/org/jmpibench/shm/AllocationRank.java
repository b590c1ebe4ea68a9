package org.jmpibench.shm;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Rank program: checks that sending and receiving allocate nothing per message. After a JIT warm-up, ranks 0 and 1
 * ping-pong {@value #ROUND_TRIPS} round trips of ints, doubles and direct-buffer messages (small and multi-chunk) and
 * compare their thread's allocated bytes before and after. The bound allows for the occasional liveness probe (a
 * FileLock object every few ms while waiting), far below one small object per message. The ints message (80 000 bytes)
 * and the direct buffer (100 000 bytes) stream in chunks large enough for Java 22+'s memcpy path.
 */
public final class AllocationRank {

    static final String PASSED = "ALLOCATION PASSED rank ";
    /** Precedes how the rank maps and copies ({@link MemoryAccess#describe()}). */
    static final String MEMORY = "memory: ";

    static final int ROUND_TRIPS = 10_000;
    /** Enough calls of every copy path for C2 to compile them (a compiled path allocates nothing; C1 may). */
    static final int WARM_UP_ROUND_TRIPS = 20_000;
    /** 20 000 messages: 5 bytes per message on average is less than any object the JVM can allocate. */
    static final long MAX_BYTES = 100_000;

    public static void main(String[] args) {
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        int[] ints = new int[20_000];
        double[] doubles = new double[16];
        ByteBuffer buffer = ByteBuffer.allocateDirect(100_000).order(ByteOrder.nativeOrder());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (rank <= 1) {
            pingPong(comm, 1 - rank, ints, doubles, buffer, WARM_UP_ROUND_TRIPS);
            long before = threads.getCurrentThreadAllocatedBytes();
            pingPong(comm, 1 - rank, ints, doubles, buffer, ROUND_TRIPS);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (allocated > MAX_BYTES) {
                throw new AssertionError(allocated + " bytes allocated over " + ROUND_TRIPS + " round trips");
            }
            System.out.println("rank " + rank + " allocated " + allocated + " bytes over " + ROUND_TRIPS
                    + " round trips on Java " + Runtime.version() + "; " + MEMORY + MemoryAccess.describe());
        }
        comm.barrier();
        comm.close();
        System.out.println(PASSED + rank);
        System.exit(0);
    }

    private static void pingPong(
            Communicator comm, int peer, int[] ints, double[] doubles, ByteBuffer buffer, int roundTrips) {
        boolean first = comm.rank() == 0;
        for (int i = 0; i < roundTrips; i++) {
            int kind = i % 4;
            for (int leg = 0; leg < 2; leg++) {
                boolean sending = (leg == 0) == first;
                switch (kind) {
                    case 0 -> {
                        if (sending) {
                            comm.send(ints, 0, 1, peer, 1);
                        } else {
                            comm.recv(ints, 0, 1, peer, 1);
                        }
                    }
                    case 1 -> {
                        if (sending) {
                            comm.send(ints, 0, ints.length, peer, 2);
                        } else {
                            comm.recv(ints, 0, ints.length, peer, 2);
                        }
                    }
                    case 2 -> {
                        if (sending) {
                            comm.send(doubles, 0, doubles.length, peer, 3);
                        } else {
                            comm.recv(doubles, 0, doubles.length, peer, 3);
                        }
                    }
                    default -> {
                        if (sending) {
                            comm.send(buffer, peer, 4);
                        } else {
                            comm.recv(buffer, peer, 4);
                        }
                    }
                }
            }
        }
    }
}
