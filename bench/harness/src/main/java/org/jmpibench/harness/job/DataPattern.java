package org.jmpibench.harness.job;

/**
 * The data every validation round sends: a value per (round, rank, element) that each rank can compute by
 * itself, so a receiver checks what arrived without being told, and a stale or shifted buffer never passes.
 */
final class DataPattern {

    private DataPattern() {
    }

    /** Element {@code i} of rank {@code rank}'s data in validation round {@code seq}. */
    static int value(int seq, int rank, int i) {
        int h = seq * 0x9E3779B1 + rank * 0x85EBCA6B + i * 0x27D4EB2F;
        return h ^ (h >>> 15);
    }

    /**
     * The element-wise average of {@link #value} over ranks {@code 0..np-1}, summed in rank order as the root
     * does: the same double operations in the same order, so a correct result matches bit for bit.
     */
    static double average(int seq, int np, int i) {
        double sum = 0.0;
        for (int rank = 0; rank < np; rank++) {
            sum += value(seq, rank, i);
        }
        return sum / np;
    }

    /** A value no correct transfer leaves behind: the bitwise complement of the expected one. */
    static int sentinel(int seq, int rank, int i) {
        return ~value(seq, rank, i);
    }
}
