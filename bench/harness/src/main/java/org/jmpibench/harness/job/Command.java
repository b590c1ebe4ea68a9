package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;

/**
 * One instruction from the leader (rank 0) to the followers: by {@code bcast} to every follower, or, for send after
 * SETUP, by point-to-point message to rank 1 alone ({@link Follower#CONTROL_TAG}). Followers do exactly what it says,
 * so every rank runs the same number of operations and no rank waits for a message that never comes. Batches are
 * commanded per ~20 ms of work, never per operation ({@link BatchPlanner}).
 *
 * <pre>
 *  int[LENGTH]:  kind | operation | size (elements) | buffer | root | count | seq
 * </pre>
 *
 * @param root the root of a rooted operation, or {@link Root#ROTATING}; {@code 0} for the others
 * @param count operations in a {@link Kind#RUN} batch; 0 otherwise
 * @param seq increases by one per command: a follower that sees a gap is out of step and stops
 */
public record Command(Kind kind, Operation operation, int size, BufferKind buffer, int root, int count, int seq) {

    /** Ints on the wire. */
    public static final int LENGTH = 7;

    public enum Kind {
        /** Allocate the buffers for (operation, size, buffer); once per job. */
        SETUP,
        /** Run one operation with fresh data and check the result on every rank. */
        VALIDATE,
        /** Run {@code count} operations back to back, timing the batch. */
        RUN,
        /** Send (busy nanoseconds, operations) since the last report to rank 0 with {@code gather}. */
        REPORT,
        /** Leave the job. */
        STOP
    }

    public Command {
        if (size < minSize(operation)) {
            throw new IllegalArgumentException("size must be at least " + minSize(operation) + " elements for "
                    + operation.cliName() + ", got " + size);
        }
        if (root < Root.ROTATING) {
            throw new IllegalArgumentException("root must be a rank or " + Root.ROTATING + " (rotate), got " + root);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    /** A size-less operation (barrier) runs at size 0; every other moves at least one element. */
    private static int minSize(Operation operation) {
        return operation.sizeLess() ? 0 : 1;
    }

    public void writeTo(int[] wire) {
        encode(wire, kind, operation, size, buffer, root, count, seq);
    }

    /** Writes a command without creating one: the leader sends top-ups from inside the timed region. */
    public static void encode(
            int[] wire, Kind kind, Operation operation, int size, BufferKind buffer, int root, int count, int seq) {
        wire[0] = kind.ordinal();
        wire[1] = operation.ordinal();
        wire[2] = size;
        wire[3] = buffer.ordinal();
        wire[4] = root;
        wire[5] = count;
        wire[6] = seq;
    }

    /** @throws IllegalStateException when the ints are not a command (the stream is corrupt) */
    public static Command readFrom(int[] wire) {
        if (wire[0] < 0
                || wire[0] >= Kind.values().length
                || wire[1] < 0
                || wire[1] >= Operation.values().length
                || wire[3] < 0
                || wire[3] >= BufferKind.values().length
                || wire[2] < 0
                || wire[4] < Root.ROTATING
                || wire[5] < 0) {
            throw new IllegalStateException("corrupt command from rank 0: " + java.util.Arrays.toString(wire));
        }
        try {
            return new Command(
                    Kind.values()[wire[0]],
                    Operation.values()[wire[1]],
                    wire[2],
                    BufferKind.values()[wire[3]],
                    wire[4],
                    wire[5],
                    wire[6]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "corrupt command from rank 0: " + java.util.Arrays.toString(wire) + " (" + e.getMessage() + ")");
        }
    }
}
