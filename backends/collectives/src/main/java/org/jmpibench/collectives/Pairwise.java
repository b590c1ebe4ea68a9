package org.jmpibench.collectives;

/**
 * All-to-all by pairwise exchange: in step {@code s = 1 .. size-1} every rank sends its block for {@code rank + s}
 * there and receives the block from {@code rank - s}, so each step is a perfect matching and no rank is the target of
 * two senders at once. Its own block is a local copy.
 *
 * <p>Cost: {@code (size-1) * (alpha + m*beta)} for blocks of {@code m} bytes.
 */
final class Pairwise {

    private Pairwise() {}

    static void alltoall(Context c, Region send, int sendOffset, Region recv, int recvOffset, int count, int tag) {
        Elementwise.copy(send, sendOffset + c.rank * count, recv, recvOffset + c.rank * count, count);
        for (int s = 1; s < c.size; s++) {
            int dest = c.mod(c.rank + s);
            int source = c.mod(c.rank - s);
            c.p2p.sendRecv(
                    send,
                    sendOffset + dest * count,
                    count,
                    dest,
                    recv,
                    recvOffset + source * count,
                    count,
                    source,
                    tag);
        }
    }
}
