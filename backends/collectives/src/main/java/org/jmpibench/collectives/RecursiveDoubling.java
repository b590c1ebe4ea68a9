package org.jmpibench.collectives;

import org.jmpibench.spi.ReduceOp;

/**
 * Allreduce by recursive doubling, for any rank count (Thakur, Rabenseifner and Gropp, 2005). With {@code p} the
 * largest power of two {@code <= size} and {@code r = size - p}: ranks {@code 0 .. 2r-1} first pair up, the even one
 * sending its vector to the odd one, which combines; then {@code p} ranks exchange whole vectors with partners at
 * distance 1, 2, 4, ... and combine; finally each odd rank of the first step sends the result back to its even partner.
 * Every rank ends with the same bits: both sides of an exchange combine the same two operands, and SUM, MIN and MAX are
 * commutative.
 *
 * <p>Cost: {@code ceil(log2 size) * (alpha + n*beta + n*gamma)}, plus {@code 2*(alpha + n*beta) + n*gamma} when
 * {@code size} is not a power of two. Latency-optimal; sends the whole vector every round.
 */
final class RecursiveDoubling {

    private RecursiveDoubling() {}

    /** On entry {@code buf} holds this rank's contribution of {@code n} elements; on return, the result. */
    static void allreduce(Context c, Region buf, int offset, int n, ReduceOp op, int tag) {
        int p = Integer.highestOneBit(c.size);
        int folded = c.size - p;
        Region tmp = c.tmp.like(buf, n);
        int rank = c.rank;
        int virtual;
        if (rank < 2 * folded) {
            if (rank % 2 == 0) {
                c.p2p.send(buf, offset, n, rank + 1, tag);
                virtual = -1;
            } else {
                c.p2p.recv(tmp, 0, n, rank - 1, tag);
                Elementwise.combine(op, buf, offset, tmp, 0, n);
                virtual = rank / 2;
            }
        } else {
            virtual = rank - folded;
        }
        if (virtual >= 0) {
            for (int mask = 1; mask < p; mask <<= 1) {
                int partnerVirtual = virtual ^ mask;
                int partner = partnerVirtual < folded ? partnerVirtual * 2 + 1 : partnerVirtual + folded;
                c.p2p.sendRecv(buf, offset, n, partner, tmp, 0, n, partner, tag);
                Elementwise.combine(op, buf, offset, tmp, 0, n);
            }
        }
        if (rank < 2 * folded) {
            if (rank % 2 == 1) {
                c.p2p.send(buf, offset, n, rank - 1, tag);
            } else {
                c.p2p.recv(buf, offset, n, rank + 1, tag);
            }
        }
    }
}
