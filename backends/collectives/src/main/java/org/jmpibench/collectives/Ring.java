package org.jmpibench.collectives;

import org.jmpibench.spi.ReduceOp;

/**
 * The ring algorithms over a vector cut into one block per rank ({@link Partition}): each of {@code size - 1} steps
 * sends one block to the right neighbour and receives one from the left, so every link carries the same load and each
 * rank sends {@code (size-1)/size} of the vector per phase, whatever the rank count.
 *
 * <p>Cost per phase: {@code (size-1) * alpha + (size-1)/size * n*beta} (plus as much {@code gamma} for the
 * reduce-scatter). Bandwidth-optimal; latency grows linearly with the rank count.
 */
final class Ring {

    private Ring() {}

    /**
     * Reduce-scatter: on return, block {@code rank} of {@code acc} holds the reduction of every rank's block
     * {@code rank} of {@code own}; the other blocks of {@code acc} hold partial results. Step {@code s} sends block
     * {@code rank-s-1} (from {@code own} at first, then the partial result received in the step before) and receives
     * block {@code rank-s-2} into {@code acc}, where this rank's own contribution is added. {@code own} is only read.
     * Needs {@code size >= 2}.
     */
    static void reduceScatter(
            Context c, Region own, int ownOffset, Region acc, int accOffset, int n, ReduceOp op, int tag) {
        int right = c.mod(c.rank + 1);
        int left = c.mod(c.rank - 1);
        for (int s = 0; s < c.size - 1; s++) {
            int out = c.mod(c.rank - s - 1);
            int in = c.mod(c.rank - s - 2);
            int outAt = Partition.offset(n, c.size, out);
            int inAt = Partition.offset(n, c.size, in);
            int inLength = Partition.length(n, c.size, in);
            Region from = s == 0 ? own : acc;
            int fromOffset = s == 0 ? ownOffset : accOffset;
            c.p2p.sendRecv(
                    from,
                    fromOffset + outAt,
                    Partition.length(n, c.size, out),
                    right,
                    acc,
                    accOffset + inAt,
                    inLength,
                    left,
                    tag);
            Elementwise.combine(op, acc, accOffset + inAt, own, ownOffset + inAt, inLength);
        }
    }

    /**
     * Allgather in place: on entry block {@code rank} of {@code buf} holds this rank's block; on return every block
     * holds its owner's. Step {@code s} passes on block {@code rank-s}, the one that arrived in the step before.
     */
    static void allgather(Context c, Region buf, int offset, int n, int tag) {
        int right = c.mod(c.rank + 1);
        int left = c.mod(c.rank - 1);
        for (int s = 0; s < c.size - 1; s++) {
            int out = c.mod(c.rank - s);
            int in = c.mod(c.rank - s - 1);
            c.p2p.sendRecv(
                    buf,
                    offset + Partition.offset(n, c.size, out),
                    Partition.length(n, c.size, out),
                    right,
                    buf,
                    offset + Partition.offset(n, c.size, in),
                    Partition.length(n, c.size, in),
                    left,
                    tag);
        }
    }

    /**
     * Reduce for large vectors (Rabenseifner's reduce-scatter then gather, with a ring for the first phase): after the
     * reduce-scatter each rank sends its finished block straight to the root, which receives them in place. Cost:
     * {@code 2(size-1) * alpha + 2(size-1)/size * n*beta + (size-1)/size * n*gamma}: about half the bytes a binomial
     * tree moves through the root. Needs {@code size >= 2}.
     */
    static void reduce(
            Context c,
            Region send,
            int sendOffset,
            Region recv,
            int recvOffset,
            int n,
            ReduceOp op,
            int root,
            int tag) {
        boolean isRoot = c.rank == root;
        Region acc = isRoot ? recv : c.acc.like(send, n);
        int accOffset = isRoot ? recvOffset : 0;
        reduceScatter(c, send, sendOffset, acc, accOffset, n, op, tag);
        if (isRoot) {
            for (int r = 0; r < c.size; r++) {
                if (r != root) {
                    c.p2p.recv(
                            recv, recvOffset + Partition.offset(n, c.size, r), Partition.length(n, c.size, r), r, tag);
                }
            }
        } else {
            c.p2p.send(
                    acc,
                    accOffset + Partition.offset(n, c.size, c.rank),
                    Partition.length(n, c.size, c.rank),
                    root,
                    tag);
        }
    }
}
