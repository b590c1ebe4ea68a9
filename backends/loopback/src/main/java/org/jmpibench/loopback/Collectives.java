package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.KIND_BARRIER;
import static org.jmpibench.loopback.WireDescriptor.KIND_BCAST;
import static org.jmpibench.loopback.WireDescriptor.KIND_GATHER;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.jmpibench.spi.CommunicatorException;

/**
 * Bcast, gather and barrier over {@link Transport}, in O(log N) rounds from any root.
 *
 * <p>Trees are binomial and relative to the root: with {@code v = (rank - root) mod N}, rank v receives from {@code v -
 * lowbit(v)} and sends to {@code v + 2^k} for every {@code 2^k < lowbit(v)}. Bcast sends the whole message down the
 * tree. Gather sends up: each rank packs its subtree's blocks (contiguous in v order) into a direct scratch buffer and
 * forwards them to its parent in one message, so the root receives log N messages instead of N-1, at the price of one
 * copy per level; the root receives each child's run of ranks straight into the caller's buffer (through scratch only
 * for the one run that wraps past rank N-1). The barrier is a dissemination barrier: in round k every rank signals
 * {@code rank + 2^k} and waits for {@code rank - 2^k}, ceil(log2 N) rounds of zero-byte frames.
 *
 * <p>Collective frames carry their own kinds, so they never match a user receive, and every pair of ranks agrees on the
 * order of its collective frames because every rank computes the same trees.
 */
final class Collectives {

    private static final int[] NO_INTS = new int[0];

    private final Transport transport;
    private final int rank;
    private final int size;
    private final MessageBuffer scratchMsg = new MessageBuffer();
    private final MessageBuffer part = new MessageBuffer();
    private final MessageBuffer empty = new MessageBuffer();
    private ByteBuffer scratch = ByteBuffer.allocateDirect(0);
    private IntBuffer scratchInts = scratch.asIntBuffer();
    private DoubleBuffer scratchDoubles = scratch.asDoubleBuffer();

    Collectives(Transport transport) {
        this.transport = transport;
        this.rank = transport.rank();
        this.size = transport.size();
    }

    /** Copies the root's {@code msg} into every other rank's {@code msg}; all must have the same length. */
    void bcast(MessageBuffer msg, int root) {
        int v = relative(rank, root);
        int mask = 1;
        while (mask < size) {
            if ((v & mask) != 0) {
                int from = absolute(v - mask, root);
                int n = transport.receive(from, KIND_BCAST, 0, msg);
                if (n != msg.byteLength()) {
                    throw new CommunicatorException("rank " + rank + ": bcast from root " + root + " brought " + n
                            + " bytes, this rank expected " + msg.byteLength() + " (unequal counts across ranks)");
                }
                break;
            }
            mask <<= 1;
        }
        for (mask >>= 1; mask > 0; mask >>= 1) {
            if (v + mask < size) {
                transport.send(absolute(v + mask, root), KIND_BCAST, 0, msg);
            }
        }
    }

    /**
     * Gathers every rank's {@code block} at the root, where rank r's bytes land at byte {@code r * block length} of
     * {@code result} ({@code result} is ignored elsewhere).
     */
    void gather(MessageBuffer block, MessageBuffer result, int root) {
        int blockBytes = block.byteLength();
        int v = relative(rank, root);
        if (v == 0) {
            gatherAtRoot(block, result, root, blockBytes);
            return;
        }
        ensureScratch((long) subtreeBlocks(v) * blockBytes);
        block.getInto(scratch, scratchInts, scratchDoubles, 0, 0, blockBytes);
        int have = 1;
        for (int mask = 1; mask < size; mask <<= 1) {
            if ((v & mask) != 0) {
                scratchMsg.bytes(scratch, 0, have * blockBytes);
                transport.send(absolute(v - mask, root), KIND_GATHER, 0, scratchMsg);
                scratchMsg.clear();
                return;
            }
            int child = v + mask;
            if (child < size) {
                int blocks = Math.min(mask, size - child);
                receiveSubtree(child, root, scratchMsg.bytes(scratch, have * blockBytes, blocks * blockBytes));
                have += blocks;
            }
        }
    }

    /**
     * The root's children are v = 1, 2, 4, ...; child v brings ranks {@code v+root ..} in one message, which goes
     * straight into {@code result} unless that run of ranks wraps past the last rank (at most one child's does).
     */
    private void gatherAtRoot(MessageBuffer block, MessageBuffer result, int root, int blockBytes) {
        block.copyTo(result, root * blockBytes);
        for (int child = 1; child < size; child <<= 1) {
            int blocks = Math.min(child, size - child);
            int firstRank = absolute(child, root);
            int bytes = blocks * blockBytes;
            if (firstRank + blocks <= size) {
                receiveSubtree(child, root, part.range(result, firstRank * blockBytes, bytes));
                part.clear();
            } else {
                ensureScratch(bytes);
                receiveSubtree(child, root, scratchMsg.bytes(scratch, 0, bytes));
                int headBytes = (size - firstRank) * blockBytes;
                result.putFrom(scratch, scratchInts, scratchDoubles, 0, firstRank * blockBytes, headBytes);
                result.putFrom(scratch, scratchInts, scratchDoubles, headBytes, 0, bytes - headBytes);
            }
        }
        scratchMsg.clear();
    }

    private void receiveSubtree(int child, int root, MessageBuffer into) {
        int from = absolute(child, root);
        int n = transport.receive(from, KIND_GATHER, 0, into);
        if (n != into.byteLength()) {
            throw new CommunicatorException("rank " + rank + ": gather to root " + root + " brought " + n
                    + " bytes from rank " + from + ", expected " + into.byteLength()
                    + " (unequal counts across ranks)");
        }
    }

    /** Returns once every rank has entered. */
    void barrier() {
        empty.ints(NO_INTS, 0, 0);
        for (int distance = 1; distance < size; distance <<= 1) {
            transport.send((rank + distance) % size, KIND_BARRIER, distance, empty);
            transport.receive((rank - distance + size) % size, KIND_BARRIER, distance, empty);
        }
    }

    /** How many ranks the subtree under relative rank {@code v} holds, v included. */
    private int subtreeBlocks(int v) {
        int lowbit = v == 0 ? Integer.highestOneBit(Math.max(1, size - 1)) << 1 : v & -v;
        return Math.min(lowbit, size - v);
    }

    private void ensureScratch(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("gather of " + bytes + " bytes at one rank exceeds 2 GiB");
        }
        if (scratch.capacity() < bytes) {
            // Grows, never shrinks: a benchmark's steady state allocates nothing here.
            scratch = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
            scratchInts = scratch.asIntBuffer();
            scratchDoubles = scratch.asDoubleBuffer();
        }
    }

    private int relative(int r, int root) {
        return (r - root + size) % size;
    }

    private int absolute(int v, int root) {
        return (v + root) % size;
    }
}
