package org.jmpibench.conformance;

import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * A rank program that fails on purpose, for the suite's failure tests. Usage: {@code FaultyRank <mode> <failing-rank>}
 * with mode {@code exit} (status 3), {@code throw} (uncaught exception), {@code kill} (SIGKILL to itself) or
 * {@code hang} (sleeps forever). The other ranks wait for the failing rank in a recv, as a real job would, so they
 * depend on the launcher to end them.
 */
public final class FaultyRank {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int failing = Integer.parseInt(args[1]);
        Communicator comm = Job.communicator();
        comm.barrier();
        if (comm.rank() == failing) {
            System.err.println("rank " + failing + " fails on purpose: " + mode);
            switch (mode) {
                case "exit" -> System.exit(3);
                case "throw" -> throw new IllegalStateException("deliberate failure in rank " + failing);
                case "kill" ->
                    new ProcessBuilder(
                                    "kill",
                                    "-9",
                                    Long.toString(ProcessHandle.current().pid()))
                            .start()
                            .waitFor();
                case "hang" -> TimeUnit.DAYS.sleep(1);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            TimeUnit.DAYS.sleep(1);
        }
        // Wait for a message the failing rank never sends.
        comm.recv(new int[1], 0, 1, failing, 99);
        System.exit(0);
    }
}
