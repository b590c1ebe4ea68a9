package org.jmpibench.loopback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A rank program for job-level tests: publishes the rendezvous address it was given (a file in the shared directory,
 * written whole before it appears), waits for the file {@code go} before joining, then does a ring exchange and a
 * bcast, checks them and prints {@value #DONE} with its rank. With mode {@code never-join}, rank 1 never joins at all.
 *
 * <p>Usage: {@code SignalledRank <shared-dir> [never-join]}.
 */
public final class SignalledRank {

    static final String DONE = "SIGNALLED RANK DONE ";

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]);
        boolean neverJoin = args.length > 1 && args[1].equals("never-join");
        int rank = Integer.parseInt(System.getenv("JMPI_RANK"));
        // Written aside and renamed into place, so the test never reads a file that exists but is still empty.
        Path partial = Files.writeString(
                shared.resolve("rendezvous-" + rank + ".partial"), System.getenv(LoopbackConfig.RENDEZVOUS_ENV));
        Files.move(partial, shared.resolve("rendezvous-" + rank), StandardCopyOption.ATOMIC_MOVE);
        if (neverJoin && rank == 1) {
            Thread.sleep(Long.MAX_VALUE);
        }
        for (int i = 0; i < 1200 && !Files.exists(shared.resolve("go")); i++) {
            Thread.sleep(50);
        }
        Communicator comm = Job.communicator();
        int size = comm.size();
        int[] token = {rank * 100};
        int[] got = new int[1];
        if (rank % 2 == 0) {
            comm.send(token, 0, 1, (rank + 1) % size, 5);
            comm.recv(got, 0, 1, (rank - 1 + size) % size, 5);
        } else {
            comm.recv(got, 0, 1, (rank - 1 + size) % size, 5);
            comm.send(token, 0, 1, (rank + 1) % size, 5);
        }
        if (got[0] != ((rank - 1 + size) % size) * 100) {
            throw new AssertionError("rank " + rank + " got " + got[0] + " from its left neighbour");
        }
        int[] seven = {rank == 0 ? 7 : 0};
        comm.bcast(seven, 0, 1, 0);
        if (seven[0] != 7) {
            throw new AssertionError("rank " + rank + " got bcast value " + seven[0]);
        }
        comm.close();
        System.out.println(DONE + rank);
        System.exit(0);
    }
}
