package org.jmpibench.openmpi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A rank program that joins, writes the file {@code at-gate-<rank>} in the directory given as its argument, then waits
 * (at most a minute) for the file {@code go} there before it leaves the job, so that a test can act while every rank is
 * surely past MPI_Init and mpirun has opened all its ports.
 */
public final class GatedRank {

    static final String GO = "go";
    static final String AT_GATE = "at-gate-";

    public static void main(String[] args) throws Exception {
        Communicator comm = Job.communicator();
        comm.barrier();
        Files.createFile(Path.of(args[0], AT_GATE + comm.rank()));
        Path go = Path.of(args[0], GO);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        comm.barrier();
        comm.close();
        System.out.println("gated rank " + comm.rank() + " done");
        System.exit(0);
    }
}
