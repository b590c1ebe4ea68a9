package org.jmpibench.regression.ab;

import java.nio.file.Path;
import org.jmpibench.regression.AbSide;

/**
 * One fork of an A/B run as it went: a {@code bench -f 1} of one side's jar over the whole matrix.
 *
 * @param block which block, from 0
 * @param position its place in the block, from 0
 * @param side which side it measured
 * @param dir its own results directory
 * @param status {@code bench}'s exit status (0 all jobs ran, 1 a job or a save failed, 2 bad input); -1 when {@code ab}
 *     stopped it (its ceiling, or {@code ab} itself stopped)
 * @param problem one line on what went wrong, or null
 * @param seconds how long it took
 */
record ForkRecord(int block, int position, AbSide side, Path dir, int status, String problem, double seconds) {

    /** {@code block 3 head (2nd of ABBA)}, for messages. */
    String describe() {
        return "block " + (block + 1) + " " + side.label() + " (fork " + (position + 1) + " of the block)";
    }
}
