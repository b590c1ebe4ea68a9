package org.jmpibench.collectives;

import java.nio.ByteBuffer;
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

/**
 * Ranks as threads of the test JVM and messages as copies in queues: the algorithms alone, without a transport. Sends
 * never wait (unbounded buffering), so a schedule bug shows up as a wrong result or a receive that times out, not as a
 * transport's deadlock.
 */
final class InMemoryJob {

    interface RankBody {
        void run(Algorithms algorithms, int rank, int size) throws Exception;
    }

    private final int size;
    private final Map<String, BlockingQueue<Object>> queues = new ConcurrentHashMap<>();

    private InMemoryJob(int size) {
        this.size = size;
    }

    /** Runs {@code body} on every rank; rethrows the first failure. */
    static void run(int size, RankBody body) throws Exception {
        InMemoryJob job = new InMemoryJob(size);
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            List<Future<?>> ranks = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                int rank = r;
                ranks.add(threads.submit(() -> {
                    body.run(new Algorithms(job.new Rank(rank)), rank, size);
                    return null;
                }));
            }
            for (Future<?> rank : ranks) {
                rank.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private BlockingQueue<Object> queue(int source, int dest, int tag) {
        return queues.computeIfAbsent(source + ">" + dest + "#" + tag, key -> new LinkedBlockingQueue<>());
    }

    private final class Rank implements PointToPoint {
        private final int rank;

        Rank(int rank) {
            this.rank = rank;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void send(Region buf, int offset, int count, int dest, int tag) {
            Object copy = switch (buf.kind()) {
                case INTS ->
                    java.util.Arrays.copyOfRange(
                            buf.intArray(), buf.arrayIndex(offset), buf.arrayIndex(offset) + count);
                case DOUBLES ->
                    java.util.Arrays.copyOfRange(
                            buf.doubleArray(), buf.arrayIndex(offset), buf.arrayIndex(offset) + count);
                case BYTES -> {
                    byte[] bytes = new byte[count * buf.elementBytes()];
                    buf.byteBuffer().get(buf.byteIndex(offset), bytes);
                    yield bytes;
                }
            };
            queue(rank, dest, tag).add(copy);
        }

        @Override
        public void recv(Region buf, int offset, int count, int source, int tag) {
            Object message;
            try {
                message = queue(source, rank, tag).poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (message == null) {
                throw new AssertionError("rank " + rank + " waited in vain for " + Algorithms.operationName(tag)
                        + " from rank " + source);
            }
            switch (buf.kind()) {
                case INTS -> {
                    int[] m = (int[]) message;
                    check(m.length, count, source, tag);
                    System.arraycopy(m, 0, buf.intArray(), buf.arrayIndex(offset), count);
                }
                case DOUBLES -> {
                    double[] m = (double[]) message;
                    check(m.length, count, source, tag);
                    System.arraycopy(m, 0, buf.doubleArray(), buf.arrayIndex(offset), count);
                }
                case BYTES -> {
                    byte[] m = (byte[]) message;
                    check(m.length, count * buf.elementBytes(), source, tag);
                    ByteBuffer target = buf.byteBuffer();
                    target.put(buf.byteIndex(offset), m);
                }
            }
        }

        private void check(int arrived, int expected, int source, int tag) {
            if (arrived != expected) {
                throw new AssertionError("rank " + rank + ": " + Algorithms.operationName(tag) + " from rank " + source
                        + " brought " + arrived + ", expected " + expected);
            }
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
}
