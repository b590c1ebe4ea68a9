package org.jmpibench.collectives;

import org.jmpibench.spi.ReduceOp;

/**
 * Rooted collectives on a binomial tree relative to the root: with {@code v = (rank - root) mod size}, rank {@code v}'s
 * parent is {@code v - lowbit(v)} and its children are {@code v + 2^k} for every {@code 2^k < lowbit(v)} (every power
 * of two for the root). The subtree under {@code v} is the run of relative ranks {@code v .. v + min(lowbit(v), size -
 * v) - 1}.
 */
final class BinomialTree {

    private BinomialTree() {}

    /**
     * Reduce towards the root: each rank combines what its children send into a partial result and sends it to its
     * parent. Leaves send straight from the caller's buffer. Cost: {@code ceil(log2 size) * (alpha + n*beta + n*gamma)}
     * on the root's path.
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
        int v = c.mod(c.rank - root);
        if ((v & 1) == 1) {
            c.p2p.send(send, sendOffset, n, c.mod(v - 1 + root), tag);
            return;
        }
        boolean isRoot = v == 0;
        Region acc = isRoot ? recv : c.acc.like(send, n);
        int accOffset = isRoot ? recvOffset : 0;
        Elementwise.copy(send, sendOffset, acc, accOffset, n);
        Region tmp = c.tmp.like(send, n);
        for (int mask = 1; mask < c.size; mask <<= 1) {
            if ((v & mask) != 0) {
                c.p2p.send(acc, accOffset, n, c.mod(v - mask + root), tag);
                return;
            }
            int child = v + mask;
            if (child < c.size) {
                c.p2p.recv(tmp, 0, n, c.mod(child + root), tag);
                Elementwise.combine(op, acc, accOffset, tmp, 0, n);
            }
        }
    }

    /**
     * Scatter from the root: each rank receives its subtree's blocks from its parent in one message and passes each
     * child's run on, farthest child first. The root sends straight from the caller's buffer, except for the one run of
     * ranks that wraps past rank {@code size - 1}, which it first puts together in scratch. Leaves receive straight
     * into the caller's buffer. Cost: {@code ceil(log2 size) * alpha + (size-1) * m*beta} at the root, for blocks of
     * {@code m} bytes.
     */
    static void scatter(
            Context c, Region send, int sendOffset, Region recv, int recvOffset, int count, int root, int tag) {
        int size = c.size;
        int v = c.mod(c.rank - root);
        if (v == 0) {
            for (int mask = Integer.highestOneBit(size - 1); mask > 0; mask >>= 1) {
                int blocks = Math.min(mask, size - mask);
                int first = c.mod(mask + root);
                if (first + blocks <= size) {
                    c.p2p.send(send, sendOffset + first * count, blocks * count, first, tag);
                } else {
                    Region run = c.tmp.like(send, blocks * count);
                    int head = size - first;
                    Elementwise.copy(send, sendOffset + first * count, run, 0, head * count);
                    Elementwise.copy(send, sendOffset, run, head * count, (blocks - head) * count);
                    c.p2p.send(run, 0, blocks * count, first, tag);
                }
            }
            Elementwise.copy(send, sendOffset + root * count, recv, recvOffset, count);
            return;
        }
        int lowbit = v & -v;
        int blocks = Math.min(lowbit, size - v);
        int parent = c.mod(v - lowbit + root);
        if (blocks == 1) {
            c.p2p.recv(recv, recvOffset, count, parent, tag);
            return;
        }
        Region held = c.tmp.like(recv, blocks * count);
        c.p2p.recv(held, 0, blocks * count, parent, tag);
        for (int mask = lowbit >> 1; mask > 0; mask >>= 1) {
            int child = v + mask;
            if (child < size) {
                c.p2p.send(held, mask * count, Math.min(mask, size - child) * count, c.mod(child + root), tag);
            }
        }
        Elementwise.copy(held, 0, recv, recvOffset, count);
    }
}
