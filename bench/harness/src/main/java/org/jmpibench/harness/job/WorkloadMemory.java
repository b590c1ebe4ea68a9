package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;

/**
 * The message buffers each workload allocates on one rank, for the runner's memory plan, made before any job starts.
 * Kept beside the workloads: each constructor allocates what its line here says ({@code b} = one message of
 * {@code size} ints, {@code 4 size} bytes; a double is {@code 2b} per message). A backend's own copies are not counted
 * here (the plan allows for them).
 */
public final class WorkloadMemory {

    private WorkloadMemory() {}

    /**
     * Bytes of buffers rank {@code rank} holds for {@code op} at {@code size} in a job of {@code np} ranks.
     *
     * @param root a rank or {@link Root#ROTATING} (every rank then holds a root's buffers)
     */
    public static long rankBytes(Operation op, long size, int np, int rank, int root) {
        long b = Integer.BYTES * size;
        boolean holdsRoot = op.rooted() && (root == Root.ROTATING || root == rank);
        boolean pair = rank <= 1;
        return switch (op) {
            case SEND -> pair ? b : 0;
            case BW -> rank == 0 ? b : rank == 1 ? Operation.WINDOW * b : 0;
            case BIBW -> pair ? b + Operation.WINDOW * b : 0;
            case BCAST -> b;
            case GATHER -> b + (holdsRoot ? np * b : 0);
            case GATHER_AVERAGE -> b + (holdsRoot ? np * b : 0) + 2 * b;
            case ALLREDUCE_AVERAGE -> b + 2 * b + 2 * b;
            case ALLREDUCE -> 2 * b;
            case REDUCE -> b + (holdsRoot ? b : 0);
            case ALLGATHER, REDUCE_SCATTER -> b + np * b;
            case ALLTOALL -> 2 * np * b;
            case SCATTER -> (holdsRoot ? np * b : 0) + b;
            case BARRIER -> 0;
        };
    }

    /** The most any one rank of the job holds. */
    public static long largestRankBytes(Operation op, long size, int np, int root) {
        long largest = 0;
        for (int rank = 0; rank < np; rank++) {
            largest = Math.max(largest, rankBytes(op, size, np, rank, root));
        }
        return largest;
    }

    /** What all ranks of the job hold together. */
    public static long jobBytes(Operation op, long size, int np, int root) {
        long total = 0;
        for (int rank = 0; rank < np; rank++) {
            total += rankBytes(op, size, np, rank, root);
        }
        return total;
    }

    /**
     * Bytes of the largest single buffer a rank allocates: an array or a direct buffer holds at most 2 GiB, so a larger
     * one cannot run at all (a window of {@code bw}, np blocks of the block collectives, the doubles of an average).
     */
    public static long largestBufferBytes(Operation op, long size, int np) {
        long b = Integer.BYTES * size;
        return switch (op) {
            case BW, BIBW -> Operation.WINDOW * b;
            case GATHER, GATHER_AVERAGE, ALLGATHER, ALLTOALL, SCATTER, REDUCE_SCATTER -> np * b;
            case ALLREDUCE_AVERAGE -> 2 * b;
            case SEND, BCAST, ALLREDUCE, REDUCE -> b;
            case BARRIER -> 0;
        };
    }
}
