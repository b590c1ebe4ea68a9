package org.jmpibench.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the seed tutorial's three routines ({@link SeedDemo}) as an N-rank job of one backend. */
@Command(name = "demo", description = "Run the seed tutorial's demo: point-to-point, broadcast, "
        + "gather-average.")
final class DemoCommand implements Callable<Integer> {

    /** Ranks beyond this on one machine are a typo, not a plan. */
    static final int MAX_NP = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", required = true, description = "Backend name (see 'backends').")
    String backendName;

    @Option(names = "--np", defaultValue = "2", description = "Number of ranks, 2..64 (default ${DEFAULT-VALUE}).")
    int np;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds before the job is killed "
            + "(default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (np < 2 || np > MAX_NP) {
            throw new IllegalArgumentException("--np must be between 2 and " + MAX_NP + " (point-to-point needs "
                    + "ranks 0 and 1), got " + np);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        Backend backend = Backends.byName(backendName);
        Availability availability = backend.availability();
        if (!availability.available()) {
            throw new IllegalArgumentException("backend " + backendName + " is not available: "
                    + availability.reason());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RankProgram program = RankProgram.of(ownClasspath(), SeedDemo.class.getName());
        JobSpec job = JobSpec.of(np, program, Duration.ofSeconds(timeoutSeconds)).withOutput(line -> {
            PrintWriter to = line.stderr() ? err : out;
            synchronized (to) {
                to.println(line.text());
                to.flush();
            }
        });
        JobOutcome outcome = backend.launcher().run(job);
        if (!outcome.succeeded()) {
            err.println("jmpi-bench: demo failed: " + outcome.failure());
            err.flush();
            return JmpiBench.FAILED;
        }
        return 0;
    }

    /** The rank JVMs run this same jar (or, in tests, this same class path). */
    static List<Path> ownClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).collect(Collectors.toList());
    }
}
