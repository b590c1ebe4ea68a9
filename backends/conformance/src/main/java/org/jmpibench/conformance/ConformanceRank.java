package org.jmpibench.conformance;

import static org.jmpibench.conformance.Expect.check;
import static org.jmpibench.conformance.Expect.doubles;
import static org.jmpibench.conformance.Expect.equal;
import static org.jmpibench.conformance.Expect.ints;
import static org.jmpibench.conformance.Expect.pattern;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * What every rank of a conformance job runs: each SPI operation with data that tells sender, tag and position apart,
 * checked on the receiving side. Any wrong element throws, the rank exits 1, and the job fails naming the rank and the
 * check. The blocking operations are checked here; the non-blocking ones, the reductions, the other collectives and the
 * "Errors" section in {@link NonBlockingChecks}, {@link ReductionChecks}, {@link DataMovementChecks} and
 * {@link ErrorChecks}, all in the same job.
 *
 * <p>Usage: {@code ConformanceRank <expected-np> <shared-dir> [big-message-MiB]}. The shared directory lets the barrier
 * check prove, without any timing, that no rank left the barrier before every rank had entered it.
 */
public final class ConformanceRank {

    /** Printed by every rank that passed every check; the suite counts these lines. */
    public static final String PASSED = "CONFORMANCE PASSED rank ";
    /** Follows the rank in the {@link #PASSED} line, then the rank JVM's exact version. */
    public static final String ON_JAVA = " on Java ";
    /** Element counts of the collective checks: empty, one, and an odd count that no rank count divides. */
    static final int[] SMALL_COUNTS = {0, 1, 37};
    /** Over 1 Mi elements, odd: takes the large-message algorithms, with blocks of unequal length where split. */
    static final int LARGE_COUNT = (1 << 20) + 3;

    /**
     * The large count per block of an operation with one block per rank (allgather, alltoall, reduce-scatter, scatter):
     * odd, and {@code size} of them make at least {@link #LARGE_COUNT} elements.
     */
    static int largeBlock(int size) {
        return (LARGE_COUNT + size - 1) / size | 1;
    }

    private final Communicator comm;
    private final int rank;
    private final int size;
    private final Steps steps;

    private ConformanceRank(Communicator comm) {
        this.comm = comm;
        this.rank = comm.rank();
        this.size = comm.size();
        this.steps = new Steps(rank);
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            int expectedNp = Integer.parseInt(args[0]);
            Path shared = Path.of(args[1]);
            int bigMiB = args.length > 2 ? Integer.parseInt(args[2]) : 64;
            Communicator comm = Job.communicator();
            int rank = comm.rank();
            int size = comm.size();
            new ConformanceRank(comm).runAll(expectedNp, shared, bigMiB);
            comm.close();
            new Steps(rank)
                    .run(
                            "every operation after close() throws IllegalStateException; close() again is "
                                    + "harmless",
                            () -> ErrorChecks.afterClose(comm, rank, size));
            System.out.println(PASSED + rank + ON_JAVA + Runtime.version());
        } catch (Throwable t) {
            System.err.println("conformance check failed: " + t);
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // Some backends keep non-daemon threads: leave explicitly, with the status that says how it went.
        System.exit(status);
    }

    private void runAll(int expectedNp, Path shared, int bigMiB) throws Exception {
        check(size == expectedNp, "size() is " + size + ", the job has " + expectedNp + " ranks");
        check(rank >= 0 && rank < size, "rank() " + rank + " is outside 0.." + (size - 1));
        steps.run("rank and size", () -> {});
        steps.run("barrier waits for every rank", () -> barrierWaitsForAll(shared));
        steps.run("send/recv int[] echo through rank 0", this::echoInts);
        steps.run("send/recv double[] with offsets", this::doublesWithOffsets);
        steps.run("send/recv direct ByteBuffer", this::directBuffers);
        steps.run("send/recv heap ByteBuffer", this::heapBuffers);
        steps.run("recv returns the count that arrived; empty messages", this::countsAndEmpty);
        steps.run("tags are matched; order kept per (source, tag)", this::tagsAndOrdering);
        steps.run("1000 messages in order", this::manyInOrder);
        steps.run(bigMiB + " MiB message", () -> bigMessage(bigMiB));
        for (int count : new int[] {1, 1000, 1 << 18}) {
            steps.run("bcast int[" + count + "] from every root", () -> bcastInts(count));
            steps.run("bcast double[" + count + "] from every root", () -> bcastDoubles(count));
            steps.run("bcast direct ByteBuffer of " + 4 * count + " bytes from every root", () -> bcastBuffer(count));
            steps.run("gather int[" + count + "] to every root", () -> gatherInts(count));
            steps.run("gather double[" + count + "] to every root", () -> gatherDoubles(count));
            steps.run("gather direct ByteBuffer of " + 4 * count + " bytes to every root", () -> gatherBuffers(count));
        }
        steps.run("gather-average (the seed's gather_reduce_broadcast)", this::gatherAverage);
        new NonBlockingChecks(comm).run(steps);
        new ReductionChecks(comm).run(steps);
        new DataMovementChecks(comm).run(steps);
        steps.run(
                "each misuse throws IllegalArgumentException and leaves the communicator usable",
                new ErrorChecks(comm)::illegalArguments);
        steps.run("barrier after everything", comm::barrier);
    }

    private void barrierWaitsForAll(Path shared) throws Exception {
        Files.createFile(shared.resolve("entered-" + rank));
        comm.barrier();
        for (int r = 0; r < size; r++) {
            check(
                    Files.exists(shared.resolve("entered-" + r)),
                    "left the barrier before rank " + r + " had entered it");
        }
        comm.barrier();
    }

    private void echoInts() {
        if (rank == 0) {
            for (int peer = 1; peer < size; peer++) {
                int[] out = ints(37, 0, peer);
                comm.send(out, 0, out.length, peer, 11);
                int[] back = new int[37];
                int n = comm.recv(back, 0, back.length, peer, 12);
                check(n == 37, "echo from rank " + peer + " returned " + n + " ints");
                for (int i = 0; i < 37; i++) {
                    out[i] += peer;
                }
                equal(out, back, "echo from rank " + peer);
            }
        } else {
            int[] in = new int[37];
            comm.recv(in, 0, in.length, 0, 11);
            equal(ints(37, 0, rank), in, "message from rank 0");
            for (int i = 0; i < in.length; i++) {
                in[i] += rank;
            }
            comm.send(in, 0, in.length, 0, 12);
        }
    }

    private void doublesWithOffsets() {
        int last = size - 1;
        if (rank == 0) {
            double[] out = doubles(100, 0, 3);
            comm.send(out, 10, 50, last, 21);
        } else if (rank == last) {
            double[] in = new double[80];
            Arrays.fill(in, -1);
            int n = comm.recv(in, 5, 70, 0, 21);
            check(n == 50, "received " + n + " doubles, 50 were sent");
            double[] expected = new double[80];
            Arrays.fill(expected, -1);
            System.arraycopy(doubles(100, 0, 3), 10, expected, 5, 50);
            equal(expected, in, "doubles placed at offset 5, the rest untouched");
        }
    }

    private void directBuffers() {
        bufferRoundTrip(true);
    }

    private void heapBuffers() {
        bufferRoundTrip(false);
    }

    private void bufferRoundTrip(boolean direct) {
        int last = size - 1;
        int bytes = 4096 + 3;
        if (rank == 0) {
            ByteBuffer out = allocate(direct, bytes + 16);
            for (int i = 0; i < out.capacity(); i++) {
                out.put(i, (byte) (i * 31 + 7));
            }
            out.position(16);
            comm.send(out, last, 31);
            check(out.position() == 16 && out.limit() == bytes + 16, "send moved the buffer's position or limit");
        } else if (rank == last) {
            ByteBuffer in = allocate(direct, bytes + 100);
            in.position(8).limit(8 + bytes + 50);
            int n = comm.recv(in, 0, 31);
            check(n == bytes, "received " + n + " bytes, " + bytes + " were sent");
            check(in.position() == 8, "recv moved the buffer's position");
            for (int i = 0; i < bytes; i++) {
                byte expected = (byte) ((i + 16) * 31 + 7);
                check(in.get(8 + i) == expected, "byte " + i + " is " + in.get(8 + i) + ", expected " + expected);
            }
            check(in.get(7) == 0 && in.get(8 + bytes) == 0, "recv wrote outside the bytes that arrived");
        }
    }

    private static ByteBuffer allocate(boolean direct, int bytes) {
        return (direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes)).order(ByteOrder.nativeOrder());
    }

    private void countsAndEmpty() {
        int last = size - 1;
        if (rank == 0) {
            comm.send(ints(5, 0, 41), 0, 5, last, 41);
            comm.send(new int[0], 0, 0, last, 42);
            comm.send(ByteBuffer.allocateDirect(0), last, 43);
        } else if (rank == last) {
            int[] in = new int[10];
            check(comm.recv(in, 0, 10, 0, 41) == 5, "recv of 5 ints into room for 10 did not return 5");
            equal(ints(5, 0, 41), Arrays.copyOf(in, 5), "the 5 ints");
            check(comm.recv(in, 0, 10, 0, 42) == 0, "an empty int message did not return 0");
            check(comm.recv(ByteBuffer.allocateDirect(8), 0, 43) == 0, "an empty buffer message did not return 0");
        }
    }

    private void tagsAndOrdering() {
        if (rank == 0) {
            comm.send(new int[] {1}, 0, 1, 1, 7);
            comm.send(new int[] {2}, 0, 1, 1, 9);
            comm.send(new int[] {3}, 0, 1, 1, 7);
            comm.send(new int[] {4}, 0, 1, 1, 8);
        } else if (rank == 1) {
            int[] in = new int[1];
            comm.recv(in, 0, 1, 0, 8);
            check(in[0] == 4, "tag 8 received " + in[0] + ", expected 4 (overtaking the other tags)");
            comm.recv(in, 0, 1, 0, 9);
            check(in[0] == 2, "tag 9 received " + in[0] + ", expected 2");
            comm.recv(in, 0, 1, 0, 7);
            check(in[0] == 1, "first tag 7 received " + in[0] + ", expected 1");
            comm.recv(in, 0, 1, 0, 7);
            check(in[0] == 3, "second tag 7 received " + in[0] + ", expected 3");
        }
    }

    private void manyInOrder() {
        int last = size - 1;
        int[] one = new int[2];
        if (rank == 0) {
            for (int i = 0; i < 1000; i++) {
                one[0] = i;
                one[1] = pattern(0, 5, i);
                comm.send(one, 0, 2, last, 5);
            }
        } else if (rank == last) {
            for (int i = 0; i < 1000; i++) {
                comm.recv(one, 0, 2, 0, 5);
                check(one[0] == i && one[1] == pattern(0, 5, i), "message " + i + " arrived as " + one[0]);
            }
        }
        comm.barrier();
    }

    private void bigMessage(int mib) {
        int count = mib * (1 << 20) / Integer.BYTES;
        int last = size - 1;
        if (rank == 0) {
            int[] out = ints(count, 0, 77);
            comm.send(out, 0, count, last, 77);
            int[] ack = new int[1];
            comm.recv(ack, 0, 1, last, 78);
            check(ack[0] == count, "rank " + last + " acknowledged " + ack[0] + " ints, " + count + " were sent");
        } else if (rank == last) {
            int[] in = new int[count];
            int n = comm.recv(in, 0, count, 0, 77);
            equal(ints(count, 0, 77), in, mib + " MiB of ints");
            comm.send(new int[] {n}, 0, 1, 0, 78);
        }
    }

    private void bcastInts(int count) {
        for (int root = 0; root < size; root++) {
            int[] buf = rank == root ? ints(count + 2, root, 13) : new int[count + 2];
            comm.bcast(buf, 1, count, root);
            int[] expected = ints(count + 2, root, 13);
            if (rank != root) {
                expected[0] = 0;
                expected[count + 1] = 0;
            }
            equal(expected, buf, "bcast from root " + root);
        }
    }

    private void bcastDoubles(int count) {
        for (int root = 0; root < size; root++) {
            double[] buf = rank == root ? doubles(count, root, 14) : new double[count];
            comm.bcast(buf, 0, count, root);
            equal(doubles(count, root, 14), buf, "bcast from root " + root);
        }
    }

    private void bcastBuffer(int count) {
        for (int root = 0; root < size; root++) {
            ByteBuffer buf = allocate(true, count * 4);
            if (rank == root) {
                buf.asIntBuffer().put(ints(count, root, 15));
            }
            comm.bcast(buf, root);
            int[] got = new int[count];
            buf.asIntBuffer().get(got);
            equal(ints(count, root, 15), got, "bcast from root " + root);
        }
    }

    private void gatherInts(int count) {
        for (int root = 0; root < size; root++) {
            int[] send = ints(count, rank, 16);
            int[] recv = rank == root ? new int[3 + size * count] : null;
            comm.gather(send, 0, count, recv, 3, root);
            if (rank == root) {
                int[] expected = new int[3 + size * count];
                for (int r = 0; r < size; r++) {
                    System.arraycopy(ints(count, r, 16), 0, expected, 3 + r * count, count);
                }
                equal(expected, recv, "gather at root " + root);
            }
        }
    }

    private void gatherDoubles(int count) {
        for (int root = 0; root < size; root++) {
            double[] send = doubles(count + 1, rank, 17);
            double[] recv = rank == root ? new double[size * count] : null;
            comm.gather(send, 1, count, recv, 0, root);
            if (rank == root) {
                double[] expected = new double[size * count];
                for (int r = 0; r < size; r++) {
                    System.arraycopy(doubles(count + 1, r, 17), 1, expected, r * count, count);
                }
                equal(expected, recv, "gather at root " + root);
            }
        }
    }

    private void gatherBuffers(int count) {
        for (int root = 0; root < size; root++) {
            ByteBuffer send = allocate(true, count * 4);
            send.asIntBuffer().put(ints(count, rank, 18));
            ByteBuffer recv = rank == root ? allocate(true, size * count * 4) : null;
            comm.gather(send, recv, root);
            if (rank == root) {
                int[] got = new int[size * count];
                recv.asIntBuffer().get(got);
                int[] expected = new int[size * count];
                for (int r = 0; r < size; r++) {
                    System.arraycopy(ints(count, r, 18), 0, expected, r * count, count);
                }
                equal(expected, got, "gather at root " + root);
            }
        }
    }

    /** The seed's routine: every rank gives ten copies of its rank; everyone ends with (n-1)/2, as doubles. */
    private void gatherAverage() {
        int n = 10;
        double[] mine = new double[n];
        Arrays.fill(mine, rank);
        double[] all = rank == 0 ? new double[size * n] : null;
        comm.gather(mine, 0, n, all, 0, 0);
        double[] avg = new double[n];
        if (rank == 0) {
            for (int r = 0; r < size; r++) {
                for (int i = 0; i < n; i++) {
                    avg[i] += all[r * n + i];
                }
            }
            for (int i = 0; i < n; i++) {
                avg[i] /= size;
            }
        }
        comm.bcast(avg, 0, n, 0);
        double[] expected = new double[n];
        Arrays.fill(expected, (size - 1) / 2.0);
        equal(expected, avg, "average of ranks");
    }
}
