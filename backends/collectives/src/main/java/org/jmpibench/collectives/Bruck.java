package org.jmpibench.collectives;

/**
 * Bruck's allgather (Bruck et al., 1997), for any rank count: blocks are kept in scratch in the order "mine, then
 * rank+1's, rank+2's, ...", and in round {@code k} every rank sends the first {@code min(2^k, size - 2^k)} blocks it
 * holds to {@code rank - 2^k} while receiving as many from {@code rank + 2^k}; a final rotation puts them in rank
 * order.
 *
 * <p>Cost: {@code ceil(log2 size) * alpha + (size-1) * m*beta} for blocks of {@code m} bytes, plus two local copies of
 * the result. Latency-optimal.
 */
final class Bruck {

    private Bruck() {}

    static void allgather(Context c, Region send, int sendOffset, Region recv, int recvOffset, int count, int tag) {
        int size = c.size;
        Region held = c.tmp.like(send, size * count);
        Elementwise.copy(send, sendOffset, held, 0, count);
        for (int distance = 1; distance < size; distance <<= 1) {
            int blocks = Math.min(distance, size - distance);
            c.p2p.sendRecv(
                    held,
                    0,
                    blocks * count,
                    c.mod(c.rank - distance),
                    held,
                    distance * count,
                    blocks * count,
                    c.mod(c.rank + distance),
                    tag);
        }
        // Block i of `held` is rank (rank + i) % size's.
        int head = size - c.rank;
        Elementwise.copy(held, 0, recv, recvOffset + c.rank * count, head * count);
        Elementwise.copy(held, head * count, recv, recvOffset, c.rank * count);
    }
}
