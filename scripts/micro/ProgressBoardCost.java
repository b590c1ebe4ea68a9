package org.jmpibench.micro;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmpibench.spi.Communicator;
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
 * ProgressCommunicator (a send, a recv, a bcast per operation). The difference is the board's price for three
 * calls, to be compared with the cheapest real operation (a 1-int ping-pong on shm is about a microsecond).
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

    private int threeCalls(Communicator comm) {
        comm.send(one, 0, 1, 0, 7);
        int got = comm.recv(one, 0, 1, 0, 7);
        comm.bcast(one, 0, 1, 0);
        return got;
    }

    /**
     * Does nothing but a release fence, as a real backend's call has a fence or a native call in it: without one
     * the compiler could merge the board's two stores around the call, and this would under-measure.
     */
    static final class Idle implements Communicator {
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
        public void barrier() { }
        public void close() { }
    }
}
