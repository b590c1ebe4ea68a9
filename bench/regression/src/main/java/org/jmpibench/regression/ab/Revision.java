package org.jmpibench.regression.ab;

import java.nio.file.Path;

/**
 * One side of an A/B run, built and ready to measure.
 *
 * @param requested what the user named: a revision, or {@link #WORK_TREE}
 * @param commit the full commit it is (for the work tree: its HEAD)
 * @param dirty whether tracked files differ from {@code commit} (only the work tree can be)
 * @param checkout the directory it was built in: a worktree in the cache, or the work tree itself
 * @param jar its {@code jmpi-bench.jar}
 */
record Revision(String requested, String commit, boolean dirty, Path checkout, Path jar) {

    /** How the work tree (the default head) is named. */
    static final String WORK_TREE = "the work tree";

    /** {@code abc1234def0} or {@code abc1234def0 (dirty)}. */
    String describe() {
        return commit.substring(0, Math.min(12, commit.length())) + (dirty ? " (dirty)" : "");
    }
}
