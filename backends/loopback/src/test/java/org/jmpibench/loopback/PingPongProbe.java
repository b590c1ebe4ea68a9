package org.jmpibench.loopback;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * A hand-timed ping-pong between ranks 0 and 1 of a loopback job, to check the backend against its latency and
 * bandwidth goals while developing it (the real numbers come from the JMH suite). Not a test: it asserts nothing, it
 * prints. Ranks 2.. (if any) wait in a barrier meanwhile, so they show what idle peers cost.
 *
 * <p>What is timed: {@code reps} batches of {@code iterations} round trips, each batch timed as a whole; half round
 * trip = batch time / iterations / 2. Min and median over the batches are printed (the machine is shared: the minimum
 * is the backend, the median the backend plus its neighbours).
 *
 * <p>Run (from backends/loopback, after {@code mvn -o -q test-compile}):
 *
 * <pre>
 * CP=target/test-classes:target/classes:$HOME/.m2/repository/org/jmpibench/jmpi-spi/0.1.0-SNAPSHOT/jmpi-spi-0.1.0-SNAPSHOT.jar:$HOME/.m2/repository/org/jmpibench/jmpi-launcher/0.1.0-SNAPSHOT/jmpi-launcher-0.1.0-SNAPSHOT.jar
 * java -cp $CP org.jmpibench.loopback.PingPongProbe 2 spin-block     # np, idle mode [, spin [, iterations [, yield]]]
 * </pre>
 */
public final class PingPongProbe {

    /** Round trips per batch; override with the 4th argument (pure spin with more ranks than cores needs few). */
    private static final String ITERATIONS_ENV = "PROBE_ITERATIONS";

    private static final int SMALL_ITERATIONS = 20_000;
    private static final int LARGE_ITERATIONS = 300;
    private static final int REPS = 7;
    private static final int LARGE_INTS = (1 << 20) / Integer.BYTES;

    public static void main(String[] args) {
        if (System.getenv("JMPI_RANK") != null) {
            rank();
            return;
        }
        int np = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String idle = args.length > 1 ? args[1] : "spin-block";
        String spin = args.length > 2 ? args[2] : Long.toString(LoopbackConfig.DEFAULT_SPIN_TURNS);
        String iterations = args.length > 3 ? args[3] : Integer.toString(SMALL_ITERATIONS);
        String yields = args.length > 4 ? args[4] : Long.toString(LoopbackConfig.DEFAULT_YIELD_TURNS);
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        RankProgram program =
                new RankProgram(List.of("-Xmx1g", "-XX:+UseSerialGC"), cp, PingPongProbe.class.getName(), List.of());
        JobSpec spec = JobSpec.of(np, program, Duration.ofMinutes(5))
                .withEnv(Map.of(
                        LoopbackConfig.IDLE_ENV,
                        idle,
                        LoopbackConfig.SPIN_COUNT_ENV,
                        spin,
                        ITERATIONS_ENV,
                        iterations,
                        LoopbackConfig.YIELD_COUNT_ENV,
                        yields))
                .withOutput(
                        line -> System.out.println((line.stderr() ? "[err " : "[") + line.rank() + "] " + line.text()));
        System.out.println("loopback ping-pong, np=" + np + ", idle=" + idle + ", spin=" + spin + ", yield=" + yields
                + ", iterations=" + iterations);
        JobOutcome outcome = new LoopbackBackend().launcher().run(spec);
        if (!outcome.succeeded()) {
            System.out.println("FAILED: " + outcome.failure());
            System.exit(1);
        }
    }

    private static void rank() {
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        comm.barrier();
        if (rank < 2) {
            int[] small = new int[1];
            int[] large = new int[LARGE_INTS];
            int iterations = Integer.parseInt(System.getenv(ITERATIONS_ENV));
            double[] smallHalfRtt = measure(comm, small, 1, iterations);
            long allocated = allocatedBytes();
            measure(comm, small, 1, iterations);
            long smallAllocation = allocatedBytes() - allocated;
            int largeIterations = Math.max(10, iterations * LARGE_ITERATIONS / SMALL_ITERATIONS);
            double[] largeHalfRtt = measure(comm, large, LARGE_INTS, largeIterations);
            allocated = allocatedBytes();
            measure(comm, large, LARGE_INTS, largeIterations);
            long largeAllocation = allocatedBytes() - allocated;
            if (rank == 0) {
                report("4 B", smallHalfRtt, 4);
                report("1 MiB", largeHalfRtt, 1 << 20);
            }
            // Both ranks: the steady state must not allocate per message (a few bytes total is JIT/profiling).
            System.out.printf(
                    "rank %d allocated %.3f bytes per round trip (4 B), %.3f (1 MiB)%n",
                    rank,
                    smallAllocation / (double) ((REPS + 1) * iterations),
                    largeAllocation / (double) ((REPS + 1) * largeIterations));
        }
        comm.barrier();
        // Every rank busy: a barrier loop (with more ranks than cores this is where idle strategies differ).
        int barriers = Math.max(100, Integer.parseInt(System.getenv(ITERATIONS_ENV)) / 10);
        double[] barrierUs = new double[REPS];
        for (int rep = -1; rep < REPS; rep++) {
            long start = System.nanoTime();
            for (int i = 0; i < barriers; i++) {
                comm.barrier();
            }
            if (rep >= 0) {
                barrierUs[rep] = (System.nanoTime() - start) / 1e3 / barriers;
            }
        }
        Arrays.sort(barrierUs);
        if (rank == 0) {
            System.out.printf(
                    "barrier (all %d ranks) min %8.2f us  median %8.2f us%n",
                    comm.size(), barrierUs[0], barrierUs[REPS / 2]);
        }
        comm.close();
        System.exit(0);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /** Half round trips in microseconds, one per batch, sorted; the first batch is warm-up and dropped. */
    private static double[] measure(Communicator comm, int[] buf, int count, int iterations) {
        int rank = comm.rank();
        double[] halfRtt = new double[REPS];
        for (int rep = -1; rep < REPS; rep++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                if (rank == 0) {
                    comm.send(buf, 0, count, 1, 1);
                    comm.recv(buf, 0, count, 1, 1);
                } else {
                    comm.recv(buf, 0, count, 0, 1);
                    comm.send(buf, 0, count, 0, 1);
                }
            }
            long elapsed = System.nanoTime() - start;
            if (rep >= 0) {
                halfRtt[rep] = elapsed / 1e3 / iterations / 2;
            }
        }
        Arrays.sort(halfRtt);
        return halfRtt;
    }

    private static void report(String size, double[] sortedUs, int bytes) {
        double min = sortedUs[0];
        double median = sortedUs[sortedUs.length / 2];
        System.out.printf(
                "%-6s half RTT min %8.2f us  median %8.2f us  bandwidth(min) %6.2f GB/s  all %s%n",
                size,
                min,
                median,
                bytes / (min * 1e3),
                Arrays.toString(Arrays.stream(sortedUs)
                        .map(v -> Math.round(v * 100) / 100.0)
                        .toArray()));
    }
}
