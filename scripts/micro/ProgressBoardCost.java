package org.jmpibench.micro;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;
import org.jmpibench.spi.progress.ProgressBoard;
import org.jmpibench.spi.progress.ProgressCommunicator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording a call on the progress board costs: the same do-nothing communicator called directly and through
 * ProgressCommunicator: a send, a recv and a bcast per operation ({@code direct}, {@code recorded}), and an
 * isend, an irecv and a waitAll of both ({@code directNonBlocking}, {@code recordedNonBlocking}: the requests go
 * through the decorator's pool). Each difference is the board's price for three calls, to be compared with the
 * cheapest real operation (a 1-int ping-pong on shm is about a microsecond).
 * Run by scripts/micro/progress-board-cost.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class ProgressBoardCost {

    private final int[] one = new int[1];
    private final int[] two = new int[1];
    private final Request[] requests = new Request[2];
    private Communicator direct;
    private Communicator recorded;

    @Setup
    public void setUp() throws Exception {
        direct = new Idle();
        Path file = Files.createTempFile("jmpi-progress-cost-", "");
        Files.delete(file);
        ProgressBoard.create(file, 2);
        recorded = new ProgressCommunicator(new Idle(), ProgressBoard.open(file).join(1));
    }

    @Benchmark
    public int direct() {
        return threeCalls(direct);
    }

    @Benchmark
    public int recorded() {
        return threeCalls(recorded);
    }

    @Benchmark
    public int directNonBlocking() {
        return threeNonBlockingCalls(direct);
    }

    @Benchmark
    public int recordedNonBlocking() {
        return threeNonBlockingCalls(recorded);
    }

    private int threeNonBlockingCalls(Communicator comm) {
        requests[0] = comm.isend(one, 0, 1, 0, 7);
        requests[1] = comm.irecv(two, 0, 1, 0, 7);
        comm.waitAll(requests, 2);
        return two[0];
    }

    private int threeCalls(Communicator comm) {
        comm.send(one, 0, 1, 0, 7);
        int got = comm.recv(one, 0, 1, 0, 7);
        comm.bcast(one, 0, 1, 0);
        return got;
    }

    /**
     * Does nothing but a release fence, as a real backend's call has a fence or a native call in it: without one
     * the compiler could merge the board's two stores around the call, and this would under-measure. Its
     * requests are done at once and reused, as a backend's pooled ones are.
     */
    static final class Idle implements Communicator {
        private final Request done = new Request() {
            public int await() { VarHandle.releaseFence(); return 1; }
            public boolean test() { return true; }
        };
        public int rank() { return 1; }
        public int size() { return 2; }
        public void send(int[] b, int o, int c, int d, int t) { VarHandle.releaseFence(); }
        public void send(double[] b, int o, int c, int d, int t) { }
        public void send(ByteBuffer b, int d, int t) { }
        public int recv(int[] b, int o, int c, int s, int t) { VarHandle.releaseFence(); return c; }
        public int recv(double[] b, int o, int c, int s, int t) { return c; }
        public int recv(ByteBuffer b, int s, int t) { return b.remaining(); }
        public void bcast(int[] b, int o, int c, int r) { VarHandle.releaseFence(); }
        public void bcast(double[] b, int o, int c, int r) { }
        public void bcast(ByteBuffer b, int r) { }
        public void gather(int[] s, int so, int c, int[] r, int ro, int root) { }
        public void gather(double[] s, int so, int c, double[] r, int ro, int root) { }
        public void gather(ByteBuffer s, ByteBuffer r, int root) { }
        public Request isend(int[] b, int o, int c, int d, int t) { VarHandle.releaseFence(); return done; }
        public Request isend(double[] b, int o, int c, int d, int t) { return done; }
        public Request isend(ByteBuffer b, int d, int t) { return done; }
        public Request irecv(int[] b, int o, int c, int s, int t) { VarHandle.releaseFence(); return done; }
        public Request irecv(double[] b, int o, int c, int s, int t) { return done; }
        public Request irecv(ByteBuffer b, int s, int t) { return done; }
        public void waitAll(Request[] r, int c) { VarHandle.releaseFence(); }
        public void allreduce(int[] s, int so, int c, int[] r, int ro, ReduceOp op) { }
        public void allreduce(double[] s, int so, int c, double[] r, int ro, ReduceOp op) { }
        public void allreduce(ByteBuffer s, ByteBuffer r, DataType t, ReduceOp op) { }
        public void reduce(int[] s, int so, int c, int[] r, int ro, ReduceOp op, int root) { }
        public void reduce(double[] s, int so, int c, double[] r, int ro, ReduceOp op, int root) { }
        public void reduce(ByteBuffer s, ByteBuffer r, DataType t, ReduceOp op, int root) { }
        public void reduceScatter(int[] s, int so, int c, int[] r, int ro, ReduceOp op) { }
        public void reduceScatter(double[] s, int so, int c, double[] r, int ro, ReduceOp op) { }
        public void reduceScatter(ByteBuffer s, ByteBuffer r, DataType t, ReduceOp op) { }
        public void allgather(int[] s, int so, int c, int[] r, int ro) { }
        public void allgather(double[] s, int so, int c, double[] r, int ro) { }
        public void allgather(ByteBuffer s, ByteBuffer r) { }
        public void alltoall(int[] s, int so, int c, int[] r, int ro) { }
        public void alltoall(double[] s, int so, int c, double[] r, int ro) { }
        public void alltoall(ByteBuffer s, ByteBuffer r) { }
        public void scatter(int[] s, int so, int c, int[] r, int ro, int root) { }
        public void scatter(double[] s, int so, int c, double[] r, int ro, int root) { }
        public void scatter(ByteBuffer s, ByteBuffer r, int root) { }
        public void barrier() { }
        public void close() { }
    }
}
