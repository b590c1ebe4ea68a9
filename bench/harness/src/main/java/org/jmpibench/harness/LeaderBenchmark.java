package org.jmpibench.harness;

import java.util.concurrent.TimeUnit;
import org.jmpibench.harness.job.LeaderSession;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Layout;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What every benchmark shares: the parameters (named as {@link org.jmpibench.results.Param} lists them), and the
 * fixtures that make rank 0 (this JVM, JMH's fork) lead the job's other ranks through {@link LeaderSession}. A subclass
 * names its {@link Operation} and has one {@code @Benchmark} method that calls {@code session.operation()}.
 *
 * <p>Run through {@code jmpi-bench bench} (the runner): a fork must be started inside a job whose backend and size
 * match {@code backend} and {@code np} (the runner's wrapper does that); with {@code -f 0} there is no job and the
 * benchmark stops with an error.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public abstract class LeaderBenchmark {

    /** Backend name (as in {@code Backends}); must be the backend of the job this fork runs in. */
    @Param("loopback")
    public String backend;

    /** Ranks in the job, including this one. */
    @Param("2")
    public int np;

    /**
     * Elements per message: ints (4 bytes each) sent, broadcast or gathered; for the block collectives the block of one
     * rank (see each benchmark); {@value Operation#NO_SIZE} for barrier, which moves no data.
     */
    @Param({"1", "1024", "65536", "1048576"})
    public int size;

    /** {@code array} (int[]) or {@code direct} (direct ByteBuffer in native order). */
    @Param("array")
    public String buffer;

    /**
     * The backend's idle (waiting) strategy; the runner started the job with it (its {@code JobSpec}), so it is only a
     * label here, but one that keeps the variants apart in the results.
     */
    @Param("default")
    public String idle;

    /** How the job's ranks are spread over hosts ({@link Layout}); the runner placed them, so a label too. */
    @Param(Layout.ONE_HOST)
    public String layout;

    /**
     * The Java feature release this JVM and the job's other ranks run on ({@link JdkRelease}); the runner started them
     * on it, so a label too.
     */
    @Param(JdkRelease.BEFORE_CHOICE)
    public String jdk;

    protected LeaderSession session;

    /** The operation this benchmark times. */
    protected abstract Operation operation();

    /** The root of the operation ({@link Root}); {@link RootedBenchmark} has it as a parameter. */
    protected String root() {
        return Root.NEUTRAL;
    }

    @Setup(Level.Trial)
    public void joinJob() {
        if (!JdkRelease.of(Runtime.version().feature()).equals(jdk)) {
            // A label that lies would file these numbers under another JDK.
            throw new IllegalStateException("this fork runs on Java " + Runtime.version() + ", not on the JDK of "
                    + "its jdk parameter (" + jdk + ")");
        }
        session = LeaderSession.start(operation(), backend, np, size, buffer, root());
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        session.startIteration(params);
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams params) {
        session.endIteration(params);
    }

    @TearDown(Level.Trial)
    public void leaveJob() {
        session.close();
    }
}
