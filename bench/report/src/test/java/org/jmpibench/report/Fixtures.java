package org.jmpibench.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jmpibench.results.GitState;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.RunContext;
import picocli.CommandLine;

/**
 * Two runs shaped like the harness's, made with the shared fixture builder from a latency + bandwidth model per backend
 * and seeded noise: NOT measurements. The shape is what matters: a secondary metric per operation as the harness writes
 * it, a result measured once (JMH then has no error), a very noisy one (its 99.9% interval reaches below zero: log
 * axes!), and missing combinations (a failed job leaves no entry). And a way to run {@code plot}.
 */
final class Fixtures {
    /**
     * 207 results: send np=2; bcast, gather and gather-average (with its phases) np=2,4; 4 backends, openmpi with both
     * buffer kinds.
     */
    static final String RUN_A = "results-2026-11-30.json";

    /** The context of RUN_A, as the harness's writer writes it, with three failed jobs. */
    static final String RUN_A_CONTEXT = "results-2026-11-30.context.json";

    /** 83 results of loopback and shm only, no context file. */
    static final String RUN_B = "results-2026-12-01.json";

    static final long[] SIZES = {1, 16, 256, 4096, 65536, 1048576};

    /** backend -> {latency us, bandwidth GB/s} */
    private static final Map<String, double[]> MODEL = Map.of(
            "loopback",
            new double[] {14.0, 1.4},
            "shm",
            new double[] {0.9, 4.5},
            "openmpi",
            new double[] {0.7, 3.0},
            "mpj-niodev",
            new double[] {28.0, 0.7});

    /** (operation, np, backend, buffer, size) of the failed jobs of RUN_A. */
    private static final Set<String> MISSING_A = Set.of(
            "bcast 4 mpj-niodev array 1048576", // a failed job at the end of a line
            "gather-average 4 openmpi array 4096", // a failed job in the middle: a gap
            "send 2 loopback array 256");

    private static final Set<String> MISSING_B = Set.of("bcast 2 shm array 65536");

    private Fixtures() {}

    /** Writes the fixture {@code name} into {@code directory} and returns its path. */
    static Path copy(String name, Path directory) throws IOException {
        Path file = directory.resolve(name);
        switch (name) {
            case RUN_A ->
                run(42, List.of("loopback", "shm", "openmpi", "mpj-niodev"), MISSING_A)
                        .writeTo(file);
            case RUN_B -> run(7, List.of("loopback", "shm"), MISSING_B).writeTo(file);
            case RUN_A_CONTEXT -> Files.write(file, contextOfRunA().toJson());
            default -> throw new IllegalArgumentException("no fixture " + name);
        }
        return file;
    }

    /** The operations of the runs these fixtures model: the seed's, the suite's operations before the OSU set. */
    static final List<Operation> SEED_OPERATIONS =
            List.of(Operation.SEND, Operation.BCAST, Operation.GATHER, Operation.GATHER_AVERAGE);

    private static ResultsFileBuilder run(long seed, List<String> backends, Set<String> missing) {
        Random rng = new Random(seed);
        Random handRng = new Random(99);
        Random phaseRng = new Random(5);
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (Operation op : SEED_OPERATIONS) {
            for (int np : op == Operation.SEND ? List.of(2) : List.of(2, 4)) {
                for (String backend : backends) {
                    for (String buffer : backend.equals("openmpi") ? List.of("array", "direct") : List.of("array")) {
                        double latency = MODEL.get(backend)[0];
                        double bandwidth = MODEL.get(backend)[1] * (buffer.equals("direct") ? 1.7 : 1);
                        for (long size : SIZES) {
                            if (missing.contains(op.cliName() + " " + np + " " + backend + " " + buffer + " " + size)) {
                                continue;
                            }
                            double t = latency + size * 4 / (bandwidth * 1e3);
                            double steps = Math.log(np) / Math.log(2);
                            if (op == Operation.BCAST) {
                                t *= steps;
                            } else if (op == Operation.GATHER_AVERAGE) {
                                t = t * (np - 1) + latency * steps;
                            }
                            boolean single = backend.equals("shm") && op == Operation.BCAST && np == 4 && size == 16;
                            boolean noisy = backend.equals("mpj-niodev")
                                    && op == Operation.GATHER_AVERAGE
                                    && np == 2
                                    && size == 1;
                            int forks = single ? 1 : 2;
                            int iterations = single ? 1 : 5;
                            ResultsFileBuilder.Result result = file.add(
                                            op, noisy ? outliers(t, forks) : forks(rng, t, forks, iterations))
                                    .params(backend, np, size)
                                    .param(Param.BUFFER, buffer);
                            double secondary = op.shape() == Operation.Shape.PAIR
                                    ? t * between(handRng, 0.95, 1.05)
                                    : t * between(rng, 1.1, 1.4);
                            Random secondaryRng = op.shape() == Operation.Shape.PAIR ? handRng : rng;
                            result.secondary(
                                    op.shape().secondaryMetric(), forks(secondaryRng, secondary, forks, iterations));
                            // gather-average's phases: gather and bcast most of the time, the average a tenth
                            double[] shares = {0.45, 0.1, 0.4};
                            for (int i = 0; i < op.phases().size(); i++) {
                                result.secondary(op.phases().get(i), forks(phaseRng, t * shares[i], forks, iterations));
                            }
                            result.done();
                        }
                    }
                }
            }
        }
        return file;
    }

    private static double[][] forks(Random rng, double mean, int forks, int iterations) {
        double[][] raw = new double[forks][iterations];
        for (double[] fork : raw) {
            for (int i = 0; i < iterations; i++) {
                fork[i] = mean * between(rng, 0.93, 1.09);
            }
        }
        return raw;
    }

    /** One outlier per fork, as a GC pause or a descheduled rank would give. */
    private static double[][] outliers(double mean, int forks) {
        double[][] raw = new double[forks][];
        for (int f = 0; f < forks; f++) {
            raw[f] = ResultsFileBuilder.scaled(mean, 0.3, 0.25, 0.3, 0.35, 4.0);
        }
        return raw;
    }

    private static double between(Random rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    private static RunContext contextOfRunA() {
        Map<Param, List<?>> matrix = new LinkedHashMap<>();
        matrix.put(Param.NP, List.of(2, 4));
        List<Long> sizes = new ArrayList<>();
        for (long size : SIZES) {
            sizes.add(size);
        }
        matrix.put(Param.SIZE, sizes);
        matrix.put(Param.BUFFER, List.of("array", "direct"));
        ZonedDateTime started = ZonedDateTime.of(2026, 11, 30, 9, 12, 3, 0, ZoneOffset.UTC);
        RunContext.Builder context = new RunContext.Builder(
                        started, "bench-vm", new GitState("4b825dc642cb6eb9a060e54bf8d69288fbee4904", false, null))
                .backend("loopback", true, "TCP 127.0.0.1, jmpi-bench (Java 17)", null, true)
                .backend("mpj-niodev", true, "MPJ Express 0.44 (niodev)", null, true)
                .backend("openmpi", true, "Open MPI 4.1.4 (Debian)", null, true)
                .backend("shm", true, "/dev/shm, jmpi-bench (Java 17)", null, true)
                .matrix("full", SEED_OPERATIONS, matrix)
                .jmh(Map.of("version", "1.37", "forks", 2))
                .failed(new RunContext.FailedJob(
                        "mpj-niodev",
                        4,
                        Operation.BCAST.benchmarkName(),
                        "backend=mpj-niodev,buffer=array,np=4,size=1048576",
                        "backend mpj-niodev: job timed out after 300 s"))
                .failed(new RunContext.FailedJob(
                        "openmpi",
                        4,
                        Operation.GATHER_AVERAGE.benchmarkName(),
                        "backend=openmpi,buffer=array,np=4,size=4096",
                        "backend openmpi: rank 2 exited with status 1: CommunicatorException: gather failed"))
                .failed(new RunContext.FailedJob(
                        "loopback",
                        2,
                        Operation.SEND.benchmarkName(),
                        "backend=loopback,buffer=array,np=2,size=256",
                        "backend loopback: rank 1 exited with status 3: watchdog"));
        context.progress(started.plusHours(2), RUN_A, true, 210, 210);
        return context.build();
    }

    /** What one {@code plot} invocation did. */
    record Outcome(int exitCode, String out, String err) {}

    static Outcome plot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new PlotCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }
}
