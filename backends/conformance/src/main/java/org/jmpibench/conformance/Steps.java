package org.jmpibench.conformance;

/**
 * Runs the named checks of one rank: a failed check becomes an {@link AssertionError} that names the rank and the
 * check; rank 0 prints {@code [ok] name (N ms)} for each one that passed on it. The time is for finding slow checks in
 * a job's output, never a verdict.
 */
final class Steps {

    /** One check; may throw anything, which fails the rank. */
    interface Step {
        void run() throws Exception;
    }

    private final int rank;

    Steps(int rank) {
        this.rank = rank;
    }

    void run(String name, Step body) throws Exception {
        long start = System.nanoTime();
        try {
            body.run();
        } catch (AssertionError e) {
            throw new AssertionError("rank " + rank + ", check '" + name + "': " + e.getMessage(), e);
        }
        if (rank == 0) {
            System.out.println("[ok] " + name + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
    }
}
