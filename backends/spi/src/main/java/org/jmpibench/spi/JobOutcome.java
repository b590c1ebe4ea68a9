package org.jmpibench.spi;

import java.util.List;

/**
 * How a job ended.
 *
 * @param backend the backend's name
 * @param exitCodes per rank: its exit status, or {@link #NOT_EXITED} when the launcher had to kill it or could not
 *     learn its status
 * @param timedOut true when the job hit its time limit
 * @param failure one line saying what went wrong, naming the backend and the rank; empty on success
 * @param output everything the ranks printed, in the order the launcher saw it
 */
public record JobOutcome(String backend, List<Integer> exitCodes, boolean timedOut, String failure, String output) {

    /** Exit code recorded for a rank that was killed or whose status is unknown. */
    public static final int NOT_EXITED = Integer.MIN_VALUE;

    public JobOutcome {
        exitCodes = List.copyOf(exitCodes);
    }

    public boolean succeeded() {
        return !timedOut && failure.isEmpty() && exitCodes.stream().allMatch(code -> code == 0);
    }
}
