package org.jmpibench.conformance;

/**
 * Runs the named checks of one rank: a failed check becomes an {@link AssertionError} that names the rank and the
 * check; rank 0 prints {@code [ok] name} for each one that passed everywhere it ran.
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
        try {
            body.run();
        } catch (AssertionError e) {
            throw new AssertionError("rank " + rank + ", check '" + name + "': " + e.getMessage(), e);
        }
        if (rank == 0) {
            System.out.println("[ok] " + name);
        }
    }
}
