package org.jmpibench.collectives;

import org.jmpibench.spi.ReduceOp;

/**
 * The collectives of the SPI beyond bcast and gather, for a backend that has only point-to-point messages: picks an
 * algorithm by message size and rank count and runs it over the backend's {@link PointToPoint}. One instance per
 * communicator; not thread-safe (the SPI's one-thread-at-a-time rule). Regions start at the caller's offset (element 0
 * of a region is the first element the call uses); a region a rank does not use (the receive region of reduce, the send
 * region of scatter, off the root) is not touched.
 *
 * <p>Choice, with {@code N} ranks and {@link #LARGE_BYTES} as the switch:
 *
 * <table>
 *   <caption>Algorithm per operation</caption>
 *   <tr><th>operation</th><th>small, or N &lt;= 2</th><th>large</th></tr>
 *   <tr><td>allreduce</td><td>{@link RecursiveDoubling}</td><td>{@link Ring} reduce-scatter + ring allgather</td></tr>
 *   <tr><td>reduce</td><td>{@link BinomialTree}</td><td>ring reduce-scatter + gather to the root</td></tr>
 *   <tr><td>reduce-scatter</td><td>recursive-doubling allreduce, keep one block</td><td>ring</td></tr>
 *   <tr><td>allgather</td><td>{@link Bruck}</td><td>ring</td></tr>
 *   <tr><td>alltoall</td><td colspan="2">{@link Pairwise} exchange</td></tr>
 *   <tr><td>scatter</td><td colspan="2">binomial tree</td></tr>
 * </table>
 *
 * For reduce-scatter and allgather "large" means the whole vector of {@code N} blocks; for the others the caller's
 * vector. With 2 ranks, recursive doubling and a binomial tree move the same bytes as a ring in fewer steps, so they
 * are used at every size.
 */
public final class Algorithms {

    /** Tags of the operations, one per operation so that a rank that calls another collective is caught. */
    public static final int ALLREDUCE = 1;

    public static final int REDUCE = 2;
    public static final int REDUCE_SCATTER = 3;
    public static final int ALLGATHER = 4;
    public static final int ALLTOALL = 5;
    public static final int SCATTER = 6;
    /** The largest tag: backends size their internal tag space by it. */
    public static final int MAX_TAG = SCATTER;

    /**
     * Where the latency-optimal algorithms give way to the bandwidth-optimal ones. Recursive doubling sends the whole
     * vector {@code log2 N} times, a ring {@code 2(N-1)/N} times in {@code 2(N-1)} steps: at N = 4 the ring wins once
     * {@code n*beta/2 > 4*alpha}. With alpha of 1-10 us and beta of 0.1-0.5 ns/byte on one machine (shm to loopback),
     * that is at 16-800 KiB; 64 KiB is the middle, as in MPICH and Open MPI's tuned defaults.
     */
    public static final int LARGE_BYTES = 64 << 10;

    private final Context c;

    public Algorithms(PointToPoint p2p) {
        this.c = new Context(p2p);
    }

    /** For messages: the operation a tag belongs to. */
    public static String operationName(int tag) {
        return switch (tag) {
            case ALLREDUCE -> "allreduce";
            case REDUCE -> "reduce";
            case REDUCE_SCATTER -> "reduceScatter";
            case ALLGATHER -> "allgather";
            case ALLTOALL -> "alltoall";
            case SCATTER -> "scatter";
            default -> "collective " + tag;
        };
    }

    private static boolean large(Region region, long elements) {
        return elements * region.elementBytes() > LARGE_BYTES;
    }

    /** Every rank receives the element-wise {@code op} of everyone's {@code count} elements. */
    public void allreduce(Region send, Region recv, int count, ReduceOp op) {
        if (count == 0) {
            return;
        }
        if (c.size > 2 && large(recv, count)) {
            Ring.reduceScatter(c, send, 0, recv, 0, count, op, ALLREDUCE);
            Ring.allgather(c, recv, 0, count, ALLREDUCE);
        } else {
            Elementwise.copy(send, 0, recv, 0, count);
            RecursiveDoubling.allreduce(c, recv, 0, count, op, ALLREDUCE);
        }
    }

    /** As {@link #allreduce}, but only {@code root}'s {@code recv} receives the result. */
    public void reduce(Region send, Region recv, int count, ReduceOp op, int root) {
        if (count == 0) {
            return;
        }
        if (c.size > 2 && large(send, count)) {
            Ring.reduce(c, send, 0, recv, 0, count, op, root, REDUCE);
        } else {
            BinomialTree.reduce(c, send, 0, recv, 0, count, op, root, REDUCE);
        }
    }

    /** {@code send} holds {@code size} blocks of {@code count}; rank r receives the reduction of every block r. */
    public void reduceScatter(Region send, Region recv, int count, ReduceOp op) {
        if (count == 0) {
            return;
        }
        int n = c.size * count;
        Region acc = c.acc.like(send, n);
        if (c.size > 1 && large(send, n)) {
            Ring.reduceScatter(c, send, 0, acc, 0, n, op, REDUCE_SCATTER);
        } else {
            Elementwise.copy(send, 0, acc, 0, n);
            RecursiveDoubling.allreduce(c, acc, 0, n, op, REDUCE_SCATTER);
        }
        Elementwise.copy(acc, c.rank * count, recv, 0, count);
    }

    /** Every rank receives rank r's {@code count} elements at block r of {@code recv}. */
    public void allgather(Region send, Region recv, int count) {
        if (count == 0) {
            return;
        }
        int n = c.size * count;
        if (c.size > 1 && large(send, n)) {
            Elementwise.copy(send, 0, recv, c.rank * count, count);
            Ring.allgather(c, recv, 0, n, ALLGATHER);
        } else {
            Bruck.allgather(c, send, 0, recv, 0, count, ALLGATHER);
        }
    }

    /** Block j of this rank's {@code send} lands at block {@code rank} of rank j's {@code recv}. */
    public void alltoall(Region send, Region recv, int count) {
        if (count == 0) {
            return;
        }
        Pairwise.alltoall(c, send, 0, recv, 0, count, ALLTOALL);
    }

    /** Block r of the root's {@code send} lands in rank r's {@code recv}. */
    public void scatter(Region send, Region recv, int count, int root) {
        if (count == 0) {
            return;
        }
        BinomialTree.scatter(c, send, 0, recv, 0, count, root, SCATTER);
    }
}
