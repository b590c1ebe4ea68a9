package org.jmpibench.harness.job;

import org.jmpibench.results.Root;

/**
 * The root of each operation of a rooted collective, on one rank: a fixed rank, or rotating as Intel's IMB does
 * ({@link Root#ROTATE}): 0, 1, ..., np-1, 0, ... one step per operation. Every rank runs the same operations in the
 * same order (validation, batches, the tear-down's drain, the phase-timed loop), so counting its own operations is
 * enough for every rank to agree on each one's root, with no message about it.
 */
final class Roots {

    private final int fixed;
    private final int np;
    private int next;

    /**
     * @param root a rank of the job, or {@link Root#ROTATING}
     * @throws IllegalArgumentException when {@code root} is not a rank of a job of {@code np}
     */
    Roots(int root, int np) {
        if (root != Root.ROTATING && (root < 0 || root >= np)) {
            throw new IllegalArgumentException("root " + root + " is not a rank of a job of " + np + " ranks");
        }
        this.fixed = root;
        this.np = np;
    }

    /** The root of the next operation; call exactly once per operation. */
    int next() {
        if (fixed != Root.ROTATING) {
            return fixed;
        }
        int root = next;
        next = root + 1 == np ? 0 : root + 1;
        return root;
    }

    /** Whether {@code rank} is the root of any operation: only such a rank needs a root's buffers. */
    boolean mayBe(int rank) {
        return fixed == Root.ROTATING || fixed == rank;
    }
}
