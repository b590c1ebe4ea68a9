package org.jmpibench.collectives;

/**
 * How a vector of {@code n} elements is cut into one block per rank for the ring algorithms: as evenly as possible, the
 * first {@code n % size} blocks one element longer. A vector of {@code size} equal blocks (reduce-scatter, allgather)
 * is the case {@code n % size == 0}.
 */
final class Partition {

    private Partition() {}

    static int offset(int n, int size, int block) {
        return block * (n / size) + Math.min(block, n % size);
    }

    static int length(int n, int size, int block) {
        return n / size + (block < n % size ? 1 : 0);
    }
}
