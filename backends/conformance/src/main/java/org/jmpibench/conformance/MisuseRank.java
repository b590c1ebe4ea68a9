package org.jmpibench.conformance;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.Request;

/**
 * Misuse that fails a communicator for good (the {@link CommunicatorException} part of the "Errors" section), one job
 * per mode, two ranks. Usage: {@code MisuseRank <mode>} with mode
 *
 * <ul>
 *   <li>{@code truncate}: rank 1 receives a 10-int message into room for 5;
 *   <li>{@code too-many-requests}: rank 0 posts one irecv more than {@link Communicator#MAX_OUTSTANDING_REQUESTS}.
 * </ul>
 *
 * The misusing rank must get a {@link CommunicatorException}, and another one from every later call but close(). Both
 * ranks then close, tolerating a {@link CommunicatorException} from close() (the peer's side of the job is broken),
 * print {@link #PASSED} and exit 0; any other outcome exits 1.
 */
public final class MisuseRank {

    public static final String PASSED = "MISUSE CHECK PASSED rank ";

    private MisuseRank() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            Communicator comm = Job.communicator();
            int rank = comm.rank();
            Expect.check(comm.size() == 2, "misuse jobs have 2 ranks, this one " + comm.size());
            comm.barrier();
            switch (args[0]) {
                case "truncate" -> truncate(comm, rank);
                case "too-many-requests" -> tooManyRequests(comm, rank);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
            try {
                comm.close();
            } catch (CommunicatorException e) {
                System.out.println("close() after the misuse: " + e.getMessage());
            }
            System.out.println(PASSED + rank);
        } catch (Throwable t) {
            System.err.println("misuse check failed: " + t);
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void truncate(Communicator comm, int rank) {
        if (rank == 0) {
            comm.send(new int[10], 0, 10, 1, 5);
        } else {
            failsTheCommunicator("recv of 10 ints into room for 5", () -> comm.recv(new int[5], 0, 5, 0, 5));
            failedForGood(comm);
        }
    }

    private static void tooManyRequests(Communicator comm, int rank) {
        if (rank == 0) {
            int[] room = new int[1];
            for (int k = 0; k < Communicator.MAX_OUTSTANDING_REQUESTS; k++) {
                comm.irecv(room, 0, 1, 1, 7);
            }
            failsTheCommunicator(
                    "irecv number " + (Communicator.MAX_OUTSTANDING_REQUESTS + 1), () -> comm.irecv(room, 0, 1, 1, 7));
            failedForGood(comm);
        }
    }

    private static void failsTheCommunicator(String what, Runnable call) {
        try {
            call.run();
        } catch (CommunicatorException e) {
            System.out.println(what + " failed as it should: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e + ", expected CommunicatorException", e);
        }
        throw new AssertionError(what + " returned normally, expected CommunicatorException");
    }

    private static void failedForGood(Communicator comm) {
        failsTheCommunicator("send after the failure", () -> comm.send(new int[1], 0, 1, 1 - comm.rank(), 0));
        failsTheCommunicator("isend after the failure", () -> comm.isend(new int[1], 0, 1, 1 - comm.rank(), 0));
        failsTheCommunicator("waitAll after the failure", () -> comm.waitAll(new Request[0], 0));
        failsTheCommunicator("barrier after the failure", comm::barrier);
    }
}
