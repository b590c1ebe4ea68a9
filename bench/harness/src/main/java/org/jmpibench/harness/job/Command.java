package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;

/**
 * One instruction from the leader (rank 0) to the followers: by {@code bcast} to every follower, or, for send
 * after SETUP, by point-to-point message to rank 1 alone ({@link Follower#CONTROL_TAG}). Followers do exactly
 * what it says, so every rank runs the same number of operations and no rank waits for a message that never
 * comes. Batches are commanded per ~20 ms of work, never per operation ({@link BatchPlanner}).
 *
 * <pre>
 *  int[LENGTH]:  kind | operation | size (elements) | buffer | count | seq
 * </pre>
 *
 * @param count operations in a {@link Kind#RUN} batch; 0 otherwise
 * @param seq   increases by one per command: a follower that sees a gap is out of step and stops
 */
public record Command(Kind kind, Operation operation, int size, BufferKind buffer, int count, int seq) {

    /** Ints on the wire. */
    public static final int LENGTH = 6;

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
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 element, got " + size);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    public void writeTo(int[] wire) {
        encode(wire, kind, operation, size, buffer, count, seq);
    }

    /** Writes a command without creating one: the leader sends top-ups from inside the timed region. */
    public static void encode(int[] wire, Kind kind, Operation operation, int size, BufferKind buffer, int count,
                              int seq) {
        wire[0] = kind.ordinal();
        wire[1] = operation.ordinal();
        wire[2] = size;
        wire[3] = buffer.ordinal();
        wire[4] = count;
        wire[5] = seq;
    }

    /** @throws IllegalStateException when the ints are not a command (the stream is corrupt) */
    public static Command readFrom(int[] wire) {
        if (wire[0] < 0 || wire[0] >= Kind.values().length || wire[1] < 0 || wire[1] >= Operation.values().length
                || wire[3] < 0 || wire[3] >= BufferKind.values().length || wire[2] < 1 || wire[4] < 0) {
            throw new IllegalStateException("corrupt command from rank 0: " + java.util.Arrays.toString(wire));
        }
        return new Command(Kind.values()[wire[0]], Operation.values()[wire[1]], wire[2],
                BufferKind.values()[wire[3]], wire[4], wire[5]);
    }
}
