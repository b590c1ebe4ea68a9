package org.jmpibench.shm;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.launcher.Jdks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * A hand-timed ping-pong between ranks 0 and 1 of a shm job, for quick checks of this backend alone (the JMH suite is
 * the real measurement). Times half a round trip (OSU's latency): for each size, several runs of many round trips after
 * a discarded warm-up run; prints the minimum and the median of the runs. At np > 2 the other ranks wait in a barrier
 * meanwhile, so they compete for the cores as idle ranks of a real job would.
 *
 * <p>Usage, outside a job: {@code ShmPingPongMain <np> <spin|yield|park> [runs] [bytes,bytes,...] [jdk]} starts the job
 * itself (it runs each rank with this JVM's class path, on {@code jdk} as {@code Jdks.resolve} takes it, e.g.
 * {@code 17} or {@code 25}, else on this JVM's JDK; ring geometry from the usual environment variables) and prints the
 * effective configuration and one line per size. Rank 0 prints {@code RESULT java=.. np=.. idle=.. bytes=.. min_us=..
 * median_us=..}, after a line saying how its JVM maps the file and copies ({@link MemoryAccess#describe()}).
 */
public final class ShmPingPongMain {

    private static final String DEFAULT_SIZES = "4,4096,65536,1048576";
    private static final int TAG = 1;

    private ShmPingPongMain() {}

    public static void main(String[] args) throws Exception {
        if (System.getenv(Job.BACKEND_ENV) == null) {
            launch(args);
        } else {
            rank(
                    Integer.parseInt(args[0]),
                    Arrays.stream(args[1].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray());
        }
    }

    private static void launch(String[] args) {
        int np = Integer.parseInt(args[0]);
        String idle = args[1];
        String runs = args.length > 2 ? args[2] : "7";
        String sizes = args.length > 3 ? args[3] : DEFAULT_SIZES;
        Jdk jdk = Jdk.current();
        try {
            jdk = args.length > 4 ? Jdks.resolve(args[4]) : jdk;
        } catch (IllegalArgumentException e) {
            System.err.println("jdk: " + e.getMessage());
            System.exit(2);
        }
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        RankProgram program = RankProgram.of(classpath, ShmPingPongMain.class.getName(), runs, sizes)
                .withJvmOptions(List.of("-Xmx1g", "-XX:+UseSerialGC"));
        Map<String, String> env = new HashMap<>();
        env.put(ShmConfig.IDLE_ENV, idle);
        JobSpec spec = JobSpec.of(np, program, Duration.ofMinutes(10))
                .withEnv(env)
                .withJdk(jdk)
                .withOutput(line -> {
                    if (line.stderr() || line.text().startsWith("RESULT")) {
                        System.out.println(line.text());
                    }
                });
        ShmConfig config = ShmConfig.from(name -> env.getOrDefault(name, System.getenv(name)));
        System.out.println("np=" + np + " java=" + jdk + " " + config.describe());
        JobOutcome outcome = new ShmBackend().launcher().run(spec);
        if (!outcome.succeeded()) {
            System.err.println("job failed: " + outcome.failure());
            System.exit(1);
        }
    }

    private static void rank(int runs, int[] sizes) {
        Communicator comm = Job.communicator();
        int rank = comm.rank();
        String idle = ShmConfig.from(System::getenv).idle().name().toLowerCase(Locale.ROOT);
        int[] buf = new int[Arrays.stream(sizes).max().orElse(4) / Integer.BYTES];
        if (rank == 0) {
            System.out.println("RESULT java=" + Runtime.version() + " memory: " + MemoryAccess.describe());
        }
        for (int bytes : sizes) {
            comm.barrier();
            if (rank > 1) {
                continue;
            }
            int count = bytes / Integer.BYTES;
            int iterations = iterationsFor(bytes);
            double[] halfRoundTripUs = new double[runs];
            for (int run = -1; run < runs; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    if (rank == 0) {
                        comm.send(buf, 0, count, 1, TAG);
                        comm.recv(buf, 0, count, 1, TAG);
                    } else {
                        comm.recv(buf, 0, count, 0, TAG);
                        comm.send(buf, 0, count, 0, TAG);
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (run >= 0) {
                    halfRoundTripUs[run] = elapsed / 1e3 / iterations / 2;
                }
            }
            if (rank == 0) {
                Arrays.sort(halfRoundTripUs);
                System.out.printf(
                        Locale.ROOT,
                        "RESULT java=%s np=%d idle=%s bytes=%d min_us=%.3f median_us=%.3f%n",
                        Runtime.version(),
                        comm.size(),
                        idle,
                        bytes,
                        halfRoundTripUs[0],
                        halfRoundTripUs[runs / 2]);
            }
        }
        comm.close();
        System.exit(0);
    }

    /** Enough round trips per run to last tens of milliseconds at the expected speed of each size. */
    private static int iterationsFor(int bytes) {
        if (bytes <= 64) {
            return 50_000;
        } else if (bytes <= (4 << 10)) {
            return 20_000;
        } else if (bytes <= (64 << 10)) {
            return 2_000;
        }
        return 200;
    }
}
