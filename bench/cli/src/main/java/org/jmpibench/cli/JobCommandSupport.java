package org.jmpibench.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands that start one job (demo, run) share: checks, rank output forwarding, the verdict. */
final class JobCommandSupport {

    /** Ranks beyond this on one machine are a typo, not a plan. */
    static final int MAX_NP = 64;
    /** Starts the line that says which ranks run on which host. */
    static final String PLACEMENT = "placement: ";

    private JobCommandSupport() {}

    /**
     * Checks the common options and finds the backend, which must be available here.
     *
     * @param hosts the hosts to run on, or null for this machine (then at most {@value #MAX_NP} ranks)
     */
    static Backend availableBackend(String name, int np, int minNp, int timeoutSeconds, Hosts hosts) {
        int maxNp = hosts == null ? MAX_NP : hosts.totalSlots();
        if (np < minNp || np > maxNp) {
            throw new IllegalArgumentException("--np must be between " + minNp + " and " + maxNp
                    + (hosts == null ? "" : " (the slots of " + hosts.describe() + ")")
                    + (minNp == 2 ? " (point-to-point needs ranks 0 and 1)" : "") + ", got " + np);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        Backend backend = Backends.byName(name);
        Availability availability = backend.availability();
        if (!availability.available()) {
            throw new IllegalArgumentException("backend " + name + " is not available: " + availability.reason());
        }
        if (!backend.spansHosts()) {
            LocalHost.requireOnlyThisHost(name, hosts);
        }
        return backend;
    }

    /**
     * Runs {@code program} as an {@code np}-rank job, forwarding the ranks' lines to the command's out and err. With
     * hosts, the placement of the ranks is printed first, on err.
     *
     * @param jdk the JDK the ranks run on, or null for the one running this command
     * @return 0, or {@link JmpiBench#FAILED} after one line saying what failed
     */
    static int run(
            CommandSpec spec,
            Backend backend,
            int np,
            RankProgram program,
            int timeoutSeconds,
            String what,
            Hosts hosts,
            Map<String, String> env,
            Jdk jdk) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (hosts != null) {
            err.println(PLACEMENT + hosts.describePlacement(np));
            err.flush();
        }
        JobSpec job = JobSpec.of(np, program, Duration.ofSeconds(timeoutSeconds))
                .withHostfile(hosts)
                .withEnv(env)
                .withJdk(jdk)
                .withOutput(line -> {
                    PrintWriter to = line.stderr() ? err : out;
                    synchronized (to) {
                        to.println(line.text());
                        to.flush();
                    }
                });
        JobOutcome outcome = backend.launcher().run(job);
        if (!outcome.succeeded()) {
            err.println("jmpi-bench: " + what + " failed: " + outcome.failure());
            err.flush();
            return JmpiBench.FAILED;
        }
        return 0;
    }

    /** The rank JVMs run this same jar (or, in tests, this same class path). */
    static List<Path> ownClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .collect(Collectors.toList());
    }
}
