package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.jmpibench.collectives.BaseCommunicator;
import org.jmpibench.collectives.PointToPoint;
import org.jmpibench.collectives.Region;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Request;

/**
 * A job whose ranks are threads of the test JVM, for unit tests of the workloads: messages are copies in queues (sends
 * never wait), bcast, gather and barrier are linear, every other collective is the collectives module's algorithm, as
 * our own backends run it. Nothing here is fast or allocation-free; it is correct and cannot hang a test (every wait
 * has a ceiling).
 */
final class ThreadJob {

    interface RankBody {
        void run(Communicator comm) throws Exception;
    }

    /** How long any one receive may wait: only a bug reaches it. */
    private static final long RECEIVE_CEILING_SECONDS = 30;

    private final int np;
    private final Map<String, BlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();

    private ThreadJob(int np) {
        this.np = np;
    }

    /**
     * Runs {@code body} on every rank, each through the communicator {@code wrap} makes of its own (identity for a
     * plain job).
     *
     * @return what each rank threw, by rank (null when it finished)
     */
    static List<Throwable> run(int np, UnaryOperator<Communicator> wrap, RankBody body) throws Exception {
        ThreadJob job = new ThreadJob(np);
        ExecutorService threads = Executors.newFixedThreadPool(np, runnable -> {
            Thread thread = new Thread(runnable, "thread-job-rank");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Throwable>> ranks = new ArrayList<>();
            for (int r = 0; r < np; r++) {
                Communicator comm = wrap.apply(job.new Rank(r));
                ranks.add(threads.submit(() -> {
                    try {
                        body.run(comm);
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> rank : ranks) {
                try {
                    outcomes.add(rank.get(2 * RECEIVE_CEILING_SECONDS, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    outcomes.add(new AssertionError("rank " + outcomes.size() + " hung", e));
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code body} on every rank of a plain job; rethrows the first rank's failure. */
    static void run(int np, RankBody body) throws Exception {
        List<Throwable> outcomes = run(np, UnaryOperator.identity(), body);
        for (Throwable failure : outcomes) {
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }
    }

    private BlockingQueue<byte[]> queue(int source, int dest, String channel, int tag) {
        return queues.computeIfAbsent(source + ">" + dest + "#" + channel + tag, key -> new LinkedBlockingQueue<>());
    }

    /** The elements {@code offset ..< offset + count} of {@code region}, as bytes in native order. */
    private static byte[] copyOut(Region region, int offset, int count) {
        ByteBuffer out = ByteBuffer.allocate(count * region.elementBytes()).order(ByteOrder.nativeOrder());
        switch (region.kind()) {
            case INTS -> out.asIntBuffer().put(region.intArray(), region.arrayIndex(offset), count);
            case DOUBLES -> out.asDoubleBuffer().put(region.doubleArray(), region.arrayIndex(offset), count);
            case BYTES -> out.put(0, region.byteBuffer(), region.byteIndex(offset), count * region.elementBytes());
        }
        return out.array();
    }

    /** Copies a message into {@code region} from element {@code offset}; returns its elements. */
    private static int copyIn(byte[] message, Region region, int offset, int maxCount) {
        int count = message.length / region.elementBytes();
        if (count > maxCount) {
            throw new CommunicatorException("a message of " + count + " elements for a receive of " + maxCount);
        }
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.nativeOrder());
        switch (region.kind()) {
            case INTS -> in.asIntBuffer().get(region.intArray(), region.arrayIndex(offset), count);
            case DOUBLES -> in.asDoubleBuffer().get(region.doubleArray(), region.arrayIndex(offset), count);
            case BYTES -> region.byteBuffer().put(region.byteIndex(offset), message);
        }
        return count;
    }

    /** A region of its own over the same memory, for a request that outlives the caller's reused one. */
    private static Region keep(Region region) {
        return switch (region.kind()) {
            case INTS -> new Region().ints(region.intArray(), region.arrayIndex(0));
            case DOUBLES -> new Region().doubles(region.doubleArray(), region.arrayIndex(0));
            case BYTES -> new Region().bytes(region.byteBuffer(), region.byteIndex(0), region.type());
        };
    }

    /** The point-to-point layer under the algorithms, on a channel of its own. */
    private final class Internal implements PointToPoint {
        private final int rank;

        Internal(int rank) {
            this.rank = rank;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public int size() {
            return np;
        }

        @Override
        public void send(Region buf, int offset, int count, int dest, int tag) {
            queue(rank, dest, "internal", tag).add(copyOut(buf, offset, count));
        }

        @Override
        public void recv(Region buf, int offset, int count, int source, int tag) {
            byte[] message = take(source, rank, "internal", tag);
            if (message.length != count * buf.elementBytes()) {
                throw new CommunicatorException("rank " + rank + ": internal message of " + message.length
                        + " bytes, expected " + count * buf.elementBytes());
            }
            copyIn(message, buf, offset, count);
        }

        @Override
        public void sendRecv(
                Region sendBuf,
                int sendOffset,
                int sendCount,
                int dest,
                Region recvBuf,
                int recvOffset,
                int recvCount,
                int source,
                int tag) {
            send(sendBuf, sendOffset, sendCount, dest, tag);
            recv(recvBuf, recvOffset, recvCount, source, tag);
        }
    }

    private byte[] take(int source, int dest, String channel, int tag) {
        try {
            byte[] message = queue(source, dest, channel, tag).poll(RECEIVE_CEILING_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new CommunicatorException("rank " + dest + " waited " + RECEIVE_CEILING_SECONDS
                        + " s in vain for a message from rank " + source + " (" + channel + " tag " + tag + ")");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommunicatorException("rank " + dest + " interrupted");
        }
    }

    private final class Rank extends BaseCommunicator {
        private static final String USER = "user";
        private static final String OWN = "own";
        /** Receives posted and not yet matched, per (source, tag): matched in the order they were posted. */
        private final Map<String, ArrayDeque<Pending>> pending = new ConcurrentHashMap<>();

        Rank(int rank) {
            super(new Internal(rank));
        }

        @Override
        public void send(int[] buf, int offset, int count, int dest, int tag) {
            checkUsable();
            Checks.range(buf, offset, count, "buf");
            userSend(new Region().ints(buf, offset), count, dest, tag);
        }

        @Override
        public void send(double[] buf, int offset, int count, int dest, int tag) {
            checkUsable();
            Checks.range(buf, offset, count, "buf");
            userSend(new Region().doubles(buf, offset), count, dest, tag);
        }

        @Override
        public void send(ByteBuffer buf, int dest, int tag) {
            checkUsable();
            userSend(new Region().bytes(buf, buf.position(), null), buf.remaining(), dest, tag);
        }

        @Override
        public int recv(int[] buf, int offset, int count, int source, int tag) {
            checkUsable();
            Checks.range(buf, offset, count, "buf");
            return startRecv(new Region().ints(buf, offset), count, source, tag).await();
        }

        @Override
        public int recv(double[] buf, int offset, int count, int source, int tag) {
            checkUsable();
            Checks.range(buf, offset, count, "buf");
            return startRecv(new Region().doubles(buf, offset), count, source, tag)
                    .await();
        }

        @Override
        public int recv(ByteBuffer buf, int source, int tag) {
            checkUsable();
            return startRecv(new Region().bytes(buf, buf.position(), null), buf.remaining(), source, tag)
                    .await();
        }

        private void userSend(Region buf, int count, int dest, int tag) {
            Checks.rank(dest, np, "dest");
            queue(rank, dest, USER, tag).add(copyOut(buf, 0, count));
        }

        @Override
        protected Request startSend(Region buf, int count, int dest, int tag) {
            userSend(buf, count, dest, tag);
            return new Request() {
                private boolean done;

                @Override
                public int await() {
                    if (!done) {
                        done = true;
                        requestDone();
                    }
                    return count;
                }

                @Override
                public boolean test() {
                    return true;
                }
            };
        }

        @Override
        protected Request startRecv(Region buf, int count, int source, int tag) {
            Pending request = new Pending(keep(buf), count, source, tag);
            pending.computeIfAbsent(source + "#" + tag, key -> new ArrayDeque<>())
                    .add(request);
            return request;
        }

        /** A receive: matched, in posting order, when it or a later one of its (source, tag) is awaited. */
        private final class Pending implements Request {
            private final Region target;
            private final int max;
            private final int source;
            private final int tag;
            private int received = -1;
            private boolean counted;

            Pending(Region target, int max, int source, int tag) {
                this.target = target;
                this.max = max;
                this.source = source;
                this.tag = tag;
            }

            @Override
            public int await() {
                ArrayDeque<Pending> line = pending.get(source + "#" + tag);
                while (received < 0) {
                    Pending first = line.poll();
                    first.received = copyIn(take(source, rank, USER, first.tag), first.target, 0, first.max);
                }
                if (!counted) {
                    counted = true;
                    requestDone();
                }
                return received;
            }

            @Override
            public boolean test() {
                return received >= 0;
            }
        }

        @Override
        public void bcast(int[] buf, int offset, int count, int root) {
            checkUsable();
            bcast(new Region().ints(buf, offset), count, root);
        }

        @Override
        public void bcast(double[] buf, int offset, int count, int root) {
            checkUsable();
            bcast(new Region().doubles(buf, offset), count, root);
        }

        @Override
        public void bcast(ByteBuffer buf, int root) {
            checkUsable();
            bcast(new Region().bytes(buf, buf.position(), null), buf.remaining(), root);
        }

        private void bcast(Region buf, int count, int root) {
            Checks.rank(root, np, "root");
            if (rank == root) {
                for (int r = 0; r < np; r++) {
                    if (r != root) {
                        queue(rank, r, OWN, 0).add(copyOut(buf, 0, count));
                    }
                }
            } else {
                copyIn(take(root, rank, OWN, 0), buf, 0, count);
            }
        }

        @Override
        public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
            checkUsable();
            gather(
                    new Region().ints(send, sendOffset),
                    count,
                    recv == null ? null : new Region().ints(recv, recvOffset),
                    root);
        }

        @Override
        public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
            checkUsable();
            gather(
                    new Region().doubles(send, sendOffset),
                    count,
                    recv == null ? null : new Region().doubles(recv, recvOffset),
                    root);
        }

        @Override
        public void gather(ByteBuffer send, ByteBuffer recv, int root) {
            checkUsable();
            gather(
                    new Region().bytes(send, send.position(), null),
                    send.remaining(),
                    recv == null ? null : new Region().bytes(recv, recv.position(), null),
                    root);
        }

        private void gather(Region send, int count, Region recv, int root) {
            Checks.rank(root, np, "root");
            if (rank != root) {
                queue(rank, root, OWN, 1).add(copyOut(send, 0, count));
                return;
            }
            for (int r = 0; r < np; r++) {
                byte[] block = r == rank ? copyOut(send, 0, count) : take(r, rank, OWN, 1);
                copyIn(block, recv, r * count, count);
            }
        }

        @Override
        public void barrier() {
            checkUsable();
            byte[] token = new byte[0];
            if (rank == 0) {
                for (int r = 1; r < np; r++) {
                    take(r, 0, OWN, 2);
                }
                for (int r = 1; r < np; r++) {
                    queue(0, r, OWN, 3).add(token);
                }
            } else {
                queue(rank, 0, OWN, 2).add(token);
                take(0, rank, OWN, 3);
            }
        }

        @Override
        public void close() {
            markClosed();
        }
    }
}
