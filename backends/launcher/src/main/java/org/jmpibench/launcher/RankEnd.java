package org.jmpibench.launcher;

/**
 * How one rank of a failed job ended, as far as its launcher knows: by itself with an exit status, or not by itself (it
 * was still running when the launcher, or mpirun, ended the job, or nobody can tell).
 *
 * @param byItself the rank ended before anyone stopped it
 * @param status its exit status when {@code byItself}; 128 + N for death by signal N
 */
public record RankEnd(boolean byItself, int status) {

    private static final RankEnd RUNNING = new RankEnd(false, 0);

    /** Still running (or its end unknown) when the job was stopped. */
    public static RankEnd running() {
        return RUNNING;
    }

    /** Ended by itself with {@code status}. */
    public static RankEnd exited(int status) {
        return new RankEnd(true, status);
    }

    /** Gone by its own doing in a way no peer caused: killed by a signal, or a normal exit while others wait. */
    boolean leftOnItsOwn() {
        return byItself && (status == 0 || ExitStatus.isSignal(status));
    }
}
