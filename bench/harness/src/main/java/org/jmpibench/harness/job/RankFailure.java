package org.jmpibench.harness.job;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Ends this rank's JVM at once when it cannot go on, so the job's launcher ends the rest. The SPI has no MPI_Abort:
 * halting a rank with a non-zero status is the one thing every launcher turns into "job failed" (process-per-rank
 * launchers kill the peers, mpirun kills the job, a one-JVM launcher ends with it).
 *
 * <p>A leader that merely threw would let JMH record the error and end the fork normally while the followers wait for a
 * command that never comes; some backends (MPJ niodev) then hang forever.
 */
final class RankFailure {

    /** Exit status of a rank that failed (wrong data, transport error, protocol error). */
    static final int FAILED = 1;
    /** Exit status of a rank halted by its {@link Watchdog}. */
    static final int HUNG = 3;

    /**
     * The process's real stderr: JMH's forked VM redirects {@code System.err} into its link to the host, which is gone
     * by the time we halt; the launcher reads the real one and names our first line in its outcome.
     */
    static final PrintStream STDERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true);

    private RankFailure() {}

    /** Prints {@code what} and its cause's stack to the real stderr and halts with {@link #FAILED}. */
    static RuntimeException halt(String what, Throwable cause) {
        synchronized (STDERR) {
            STDERR.println("jmpi-bench: " + what + ": " + cause);
            cause.printStackTrace(STDERR);
            STDERR.flush();
        }
        System.err.flush();
        Runtime.getRuntime().halt(FAILED);
        return new IllegalStateException("unreachable");
    }
}
