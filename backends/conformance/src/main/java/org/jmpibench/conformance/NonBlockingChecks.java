package org.jmpibench.conformance;

import static org.jmpibench.conformance.Expect.check;

import java.util.concurrent.TimeUnit;
import org.jmpibench.conformance.Kind.Vec;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Request;

/**
 * isend, irecv, waitAll and {@link Request}: OSU's bandwidth patterns (a window of 64 messages one way, then both ways
 * at once), messages larger than any transport buffer in both directions at once (a backend whose sends wait for their
 * receiver deadlocks here), {@link Communicator#MAX_OUTSTANDING_REQUESTS} requests at once, matching order, counts, and
 * requests mixed with blocking calls. Pairs of ranks {@code (2p, 2p + 1)} work at the same time; an odd last rank sits
 * out the pair checks. Every check ends with a barrier. The OSU bibw exchange is public: backend tests repeat it (see
 * {@link #windowOfIntsBothWays}).
 */
public final class NonBlockingChecks {

    /** OSU's osu_bw and osu_bibw window. */
    static final int WINDOW = 64;
    /** Larger than loopback's socket buffers (twice 4 MiB, both ends) and shm's ring (8 MiB). */
    private static final int HUGE_INTS = 8 << 20;

    private static final long WAIT_LIMIT_NS = TimeUnit.SECONDS.toNanos(60);

    private final Communicator comm;
    private final int rank;
    private final int size;
    /** This rank's partner in the pair checks, or -1 for an odd last rank. */
    private final int partner;

    NonBlockingChecks(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
        int other = rank ^ 1;
        this.partner = other < size ? other : -1;
    }

    void run(Steps steps) throws Exception {
        for (int count : new int[] {0, 1, 37, 16 << 10}) {
            steps.run(
                    "window of " + WINDOW + " isends of " + count + " (OSU bw) from rank 0 to rank " + (size - 1)
                            + ": every kind",
                    () -> eachKind(count, this::window));
            steps.run(
                    "windows of " + WINDOW + " both ways at once (OSU bibw) of " + count + ": every kind",
                    () -> eachKind(count, this::windowsBothWays));
        }
        steps.run(
                "one message of " + HUGE_INTS + " ints each way at once, and 1 Mi elements between every two "
                        + "ranks at once",
                this::largeBothWays);
        steps.run(Communicator.MAX_OUTSTANDING_REQUESTS + " requests outstanding at once", this::manyOutstanding);
        steps.run(
                "irecv matches in posting order, also against a later blocking recv; await returns counts",
                this::matchingAndCounts);
        steps.run("test() until complete; waitAll skips nulls and stops at count", this::testAndWaitAll);
        steps.run("blocking messages of other tags overtake a large outstanding isend", this::overtakeLargeIsend);
    }

    private interface Check {
        void run(Kind kind, int count);
    }

    private void eachKind(int count, Check check) {
        for (Kind kind : Kind.ALL) {
            check.run(kind, count);
        }
        comm.barrier();
    }

    /** Element {@code i} of message {@code k} from {@code source}: unique for k < 64, i < 2^20, source < 8. */
    private static int value(int source, int k, int i) {
        return (((source & 7) * 64 + k) << 20) + i;
    }

    private static Vec messages(Kind kind, int source, int messages, int count) {
        Vec vec = kind.allocate(messages * count);
        for (int k = 0; k < messages; k++) {
            for (int i = 0; i < count; i++) {
                vec.set(k * count + i, kind.value(value(source, k, i)));
            }
        }
        return vec;
    }

    private static void checkMessages(Kind kind, Vec in, int source, int messages, int count, String what) {
        for (int k = 0; k < messages; k++) {
            for (int i = 0; i < count; i++) {
                Expect.element(kind.value(value(source, k, i)), in.get(k * count + i), what + ", message " + k, i);
            }
        }
        in.checkGuards(what);
    }

    /** OSU bw: a window of isends one way, waitAll, then one acknowledgement back. */
    private void window(Kind kind, int count) {
        int sender = 0;
        int receiver = size - 1;
        String what = "window of " + kind + " x " + count;
        Request[] requests = new Request[WINDOW];
        int[] ack = new int[1];
        if (rank == sender) {
            Vec out = messages(kind, rank, WINDOW, count);
            for (int k = 0; k < WINDOW; k++) {
                requests[k] = kind.isend(comm, out, k * count, count, receiver, 30);
            }
            comm.waitAll(requests, WINDOW);
            comm.recv(ack, 0, 1, receiver, 31);
            check(ack[0] == WINDOW, what + ": acknowledged " + ack[0] + " messages");
            out.checkGuards(what);
        } else if (rank == receiver) {
            Vec in = kind.allocate(WINDOW * count);
            for (int k = 0; k < WINDOW; k++) {
                requests[k] = kind.irecv(comm, in, k * count, count, sender, 30);
            }
            comm.waitAll(requests, WINDOW);
            checkMessages(kind, in, sender, WINDOW, count, what);
            ack[0] = WINDOW;
            comm.send(ack, 0, 1, sender, 31);
        }
    }

    /**
     * OSU bibw, one window of {@code int[]} messages of {@code count} each way with {@code partner}, which calls this
     * at the same time; every element received is checked.
     */
    public static void windowOfIntsBothWays(Communicator comm, int partner, int count) {
        windowBothWays(comm, partner, Kind.INTS, count);
    }

    private void windowsBothWays(Kind kind, int count) {
        if (partner >= 0) {
            windowBothWays(comm, partner, kind, count);
        }
    }

    /** OSU bibw: both ranks of a pair post a window of irecvs and one of isends, then wait for all of them. */
    private static void windowBothWays(Communicator comm, int partner, Kind kind, int count) {
        String what = "windows both ways of " + kind + " x " + count + " with rank " + partner;
        Vec out = messages(kind, comm.rank(), WINDOW, count);
        Vec in = kind.allocate(WINDOW * count);
        Request[] requests = new Request[2 * WINDOW];
        for (int k = 0; k < WINDOW; k++) {
            requests[k] = kind.irecv(comm, in, k * count, count, partner, 32);
        }
        for (int k = 0; k < WINDOW; k++) {
            requests[WINDOW + k] = kind.isend(comm, out, k * count, count, partner, 32);
        }
        comm.waitAll(requests, 2 * WINDOW);
        checkMessages(kind, in, partner, WINDOW, count, what);
        out.checkGuards(what);
    }

    private void largeBothWays() {
        if (partner >= 0) {
            Vec out = messages(Kind.INTS, rank, 1, HUGE_INTS);
            Vec in = Kind.INTS.allocate(HUGE_INTS);
            Request[] requests = {
                Kind.INTS.irecv(comm, in, 0, HUGE_INTS, partner, 33),
                Kind.INTS.isend(comm, out, 0, HUGE_INTS, partner, 33)
            };
            comm.waitAll(requests, 2);
            checkMessages(Kind.INTS, in, partner, 1, HUGE_INTS, HUGE_INTS + " ints from rank " + partner);
        }
        comm.barrier();
        int count = ConformanceRank.LARGE_COUNT;
        Kind kind = Kind.DIRECT_DOUBLES;
        Vec out = kind.allocate(count);
        for (int i = 0; i < count; i++) {
            out.set(i, kind.value(value(rank, 0, i)));
        }
        Vec in = kind.allocate(size * count);
        Request[] requests = new Request[2 * size];
        int n = 0;
        for (int peer = 0; peer < size; peer++) {
            if (peer != rank) {
                requests[n++] = kind.irecv(comm, in, peer * count, count, peer, 34);
            }
        }
        for (int peer = 0; peer < size; peer++) {
            if (peer != rank) {
                requests[n++] = kind.isend(comm, out, 0, count, peer, 34);
            }
        }
        comm.waitAll(requests, n);
        for (int peer = 0; peer < size; peer++) {
            for (int i = 0; peer != rank && i < count; i++) {
                Expect.element(
                        kind.value(value(peer, 0, i)),
                        in.get(peer * count + i),
                        kind + " x " + count + " from rank " + peer,
                        i);
            }
        }
        comm.barrier();
    }

    /** Half the limit in irecvs, half in isends, on three tags, all outstanding before the first wait. */
    private void manyOutstanding() {
        if (partner >= 0) {
            int half = Communicator.MAX_OUTSTANDING_REQUESTS / 2;
            int[] in = new int[half];
            int[] out = new int[half];
            Request[] requests = new Request[2 * half];
            for (int k = 0; k < half; k++) {
                requests[k] = comm.irecv(in, k, 1, partner, 40 + k % 3);
            }
            for (int k = 0; k < half; k++) {
                out[k] = value(rank, k % 64, k);
                requests[half + k] = comm.isend(out, k, 1, partner, 40 + k % 3);
            }
            comm.waitAll(requests, 2 * half);
            for (int k = 0; k < half; k++) {
                check(
                        in[k] == value(partner, k % 64, k),
                        "request " + k + " received " + in[k] + ", expected " + value(partner, k % 64, k)
                                + " (messages of one tag must match irecvs in posting order)");
            }
        }
        comm.barrier();
    }

    private void matchingAndCounts() {
        if (rank == 0) {
            comm.send(new int[] {1}, 0, 1, 1, 50);
            Request six = comm.isend(new double[] {2.5}, 0, 1, 1, 51);
            comm.send(new int[] {3}, 0, 1, 1, 50);
            check(six.await() == 1, "await of an isend of 1 double did not return 1");
            Request empty = comm.isend(new int[0], 0, 0, 1, 52);
            check(empty.await() == 0, "await of an empty isend did not return 0");
            comm.send(new int[] {4, 5, 6, 7}, 0, 4, 1, 53);
        } else if (rank == 1) {
            int[] first = new int[1];
            double[] other = new double[1];
            Request early = comm.irecv(first, 0, 1, 0, 50);
            Request otherTag = comm.irecv(other, 0, 1, 0, 51);
            int[] later = new int[1];
            comm.recv(later, 0, 1, 0, 50);
            check(
                    later[0] == 3,
                    "a blocking recv posted after an irecv of the same tag received " + later[0]
                            + ", expected the second message (3)");
            check(otherTag.await() == 1 && other[0] == 2.5, "irecv of tag 51 received " + other[0]);
            check(
                    early.await() == 1 && first[0] == 1,
                    "the irecv posted first received " + first[0] + ", expected the first message (1)");
            int[] room = new int[10];
            check(comm.irecv(room, 0, 4, 0, 52).await() == 0, "an empty message did not complete with 0");
            Request four = comm.irecv(room, 0, 10, 0, 53);
            check(four.await() == 4, "irecv with room for 10 did not return the 4 ints that arrived");
            Expect.equal(new int[] {4, 5, 6, 7, 0, 0, 0, 0, 0, 0}, room, "the 4 ints, the rest untouched");
        }
        comm.barrier();
    }

    private void testAndWaitAll() {
        if (rank == 0) {
            int[] go = new int[1];
            comm.recv(go, 0, 1, 1, 60);
            Request[] sends = {null, comm.isend(new int[] {61}, 0, 1, 1, 61), null};
            comm.waitAll(sends, 3);
            comm.send(new int[] {62}, 0, 1, 1, 62);
        } else if (rank == 1) {
            int[] in = new int[1];
            Request pending = comm.irecv(in, 0, 1, 0, 61);
            check(!pending.test(), "test() of an irecv whose message was never sent returned true");
            comm.send(new int[] {1}, 0, 1, 0, 60);
            long deadline = System.nanoTime() + WAIT_LIMIT_NS;
            while (!pending.test()) {
                check(System.nanoTime() - deadline < 0, "test() did not see the message within 60 s");
            }
            check(pending.await() == 1 && in[0] == 61, "after test() returned true the irecv holds " + in[0]);
            int[] last = new int[1];
            Request[] recvs = {comm.irecv(last, 0, 1, 0, 62), null};
            comm.waitAll(recvs, 1);
            check(last[0] == 62, "waitAll(requests, 1) did not complete the first request");
        }
        comm.barrier();
    }

    private void overtakeLargeIsend() {
        int count = ConformanceRank.LARGE_COUNT;
        if (rank == 0) {
            Vec big = messages(Kind.INTS, rank, 1, count);
            Request large = Kind.INTS.isend(comm, big, 0, count, 1, 70);
            comm.send(new int[] {71}, 0, 1, 1, 71);
            int[] reply = new int[1];
            comm.recv(reply, 0, 1, 1, 72);
            check(reply[0] == 72, "reply " + reply[0]);
            check(large.await() == count, "await of the large isend did not return its count");
        } else if (rank == 1) {
            int[] small = new int[1];
            comm.recv(small, 0, 1, 0, 71);
            check(small[0] == 71, "tag 71 received " + small[0]);
            comm.send(new int[] {72}, 0, 1, 0, 72);
            Vec in = Kind.INTS.allocate(count);
            Kind.INTS.irecv(comm, in, 0, count, 0, 70).await();
            checkMessages(Kind.INTS, in, 0, 1, count, "the large message after the small ones");
        }
        comm.barrier();
    }
}
