package org.jmpibench.harness.job;

/**
 * The data every validation round sends: a value per (round, rank, element) that each rank can compute by itself, so a
 * receiver checks what arrived without being told, and a stale or shifted buffer never passes.
 */
final class DataPattern {

    private DataPattern() {}

    /** Element {@code i} of rank {@code rank}'s data in validation round {@code seq}. */
    static int value(int seq, int rank, int i) {
        int h = seq * 0x9E3779B1 + rank * 0x85EBCA6B + i * 0x27D4EB2F;
        return h ^ (h >>> 15);
    }

    /**
     * The element-wise average of {@link #value} over ranks {@code 0..np-1}, summed in rank order as the root does: the
     * same double operations in the same order, so a correct result matches bit for bit. Each value is a whole number
     * below 2^31 in magnitude, so every partial sum of up to 2^22 of them is exact in a double: an allreduce that sums
     * the same values in another order gets the very same bits too.
     */
    static double average(int seq, int np, int i) {
        double sum = 0.0;
        for (int rank = 0; rank < np; rank++) {
            sum += value(seq, rank, i);
        }
        return sum / np;
    }

    /**
     * The element-wise sum of {@link #value} over ranks {@code 0..np-1}: what a SUM reduction of ints gives at element
     * {@code i}. Int addition wraps and is associative and commutative, so the sum is exact in whatever order a backend
     * combines the ranks' values.
     */
    static int sum(int seq, int np, int i) {
        int sum = 0;
        for (int rank = 0; rank < np; rank++) {
            sum += value(seq, rank, i);
        }
        return sum;
    }

    /** A value no correct transfer leaves behind: the bitwise complement of the expected one. */
    static int sentinel(int seq, int rank, int i) {
        return ~value(seq, rank, i);
    }
}
