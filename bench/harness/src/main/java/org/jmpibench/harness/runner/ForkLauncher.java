package org.jmpibench.harness.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmpibench.launcher.Jdks;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * The JVM that JMH believes is its fork (started by the {@link WrapperScript}): turns JMH's fork command into an N-rank
 * job of one backend whose rank 0 is JMH's real forked VM, waits for it, forwards its output and exits 0 only when
 * every rank succeeded. A failed job is also appended as one line to the failures file, which {@link BenchRunner} reads
 * to list failed jobs.
 *
 * <p>Arguments: {@code --backend NAME [--idle STRATEGY] --np N --timeout-seconds S --failures FILE [host options]
 * [--jdk HOME] -- <JMH's command after the executable>}. The job's ranks run on the JDK at {@code HOME}, else on this
 * JVM's. The idle strategy ({@link Idle}, default {@code default}) goes into the job's {@link JobSpec}; the backend's
 * launcher sets it up for every rank. The host options are {@link HostOptions}' ({@code --hostfile}, {@code --map-by},
 * {@code --interface}, {@code --launch-agent}): the job's hosts and what they add to its environment. Anything that is
 * not a JMH fork (JMH's properties probe) runs as plain {@code java}.
 */
public final class ForkLauncher {

    /** Exit status when the job hit the launcher's time limit. */
    static final int TIMED_OUT = 124;

    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The option naming the home of the JDK the job's ranks run on. */
    static final String JDK = "--jdk";

    private ForkLauncher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0) {
            System.err.println("jmpi-bench ForkLauncher: usage: --backend NAME [--idle STRATEGY] --np N "
                    + "--timeout-seconds S --failures FILE [--hostfile FILE --map-by POLICY --interface IF "
                    + "--launch-agent CMD] [--jdk HOME] -- <JVM command>");
            return USAGE;
        }
        List<String> command = List.of(args).subList(separator + 1, args.length);
        String jdkHome = optionalOption(args, separator, JDK);
        if (!ForkCommand.isFork(command)) {
            return runPlainJava(jdkHome == null ? RankCommand.currentJava() : Path.of(jdkHome, "bin", "java"), command);
        }
        String backendName = option(args, separator, "--backend");
        int np = Integer.parseInt(option(args, separator, "--np"));
        long timeoutSeconds = Long.parseLong(option(args, separator, "--timeout-seconds"));
        Path failures = Path.of(option(args, separator, "--failures"));
        String idleName = optionalOption(args, separator, "--idle");

        ForkCommand fork = ForkCommand.parse(command);
        JobOutcome outcome;
        try {
            Backend backend = Backends.byName(backendName);
            Idle idle = idleName == null ? Idle.DEFAULT : Idle.byName(idleName);
            HostOptions hostOptions = HostOptions.of(
                    optionalOption(args, separator, HostOptions.HOSTFILE),
                    optionalOption(args, separator, HostOptions.MAP_BY),
                    optionalOption(args, separator, HostOptions.INTERFACE),
                    optionalOption(args, separator, HostOptions.LAUNCH_AGENT));
            Jdk jdk = jdkHome == null ? null : Jdks.at(Path.of(jdkHome));
            JobSpec spec = jobSpec(idle, np, fork.follower(), fork.leader(), timeoutSeconds, hostOptions, jdk);
            outcome = backend.launcher().run(spec);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a class path that changed under us (a jar rebuilt while the run was going).
            String failure = "backend " + backendName + " np " + np + ": job could not start: " + e;
            report(failures, failure);
            return FAILED;
        }
        if (outcome.succeeded()) {
            return 0;
        }
        String failure = outcome.failure().isEmpty()
                ? "backend " + backendName + ": job failed, exit codes " + outcome.exitCodes()
                : outcome.failure();
        report(failures, failure);
        return outcome.timedOut() ? TIMED_OUT : FAILED;
    }

    /**
     * The job of one fork: {@code leader} as rank 0, {@code follower} elsewhere, on the hosts of {@code hosts}, with
     * the idle strategy and the host options' environment, every rank on {@code jdk} (null: this JVM's).
     */
    public static JobSpec jobSpec(
            Idle idle,
            int np,
            RankProgram follower,
            RankProgram leader,
            long timeoutSeconds,
            HostOptions hosts,
            Jdk jdk) {
        return new JobSpec(
                np,
                follower,
                leader,
                Duration.ofSeconds(timeoutSeconds),
                hosts.env(),
                hosts.hosts(),
                ForkLauncher::forward,
                jdk,
                idle);
    }

    /** Rank 0's stdout stays stdout (JMH reads it); everything else goes to stderr, tagged with its rank. */
    private static void forward(JobSpec.RankLine line) {
        if (line.rank() == 0 && !line.stderr()) {
            System.out.println(line.text());
        } else {
            System.err.println((line.rank() >= 0 ? "[rank " + line.rank() + "] " : "") + line.text());
        }
    }

    private static void report(Path failures, String failure) {
        System.err.println("jmpi-bench: job failed: " + failure);
        try {
            Files.writeString(
                    failures,
                    failure.replace('\n', ' ') + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("jmpi-bench: could not record the failure in " + failures + ": " + e.getMessage());
        }
    }

    private static int runPlainJava(Path java, List<String> command) {
        List<String> full = new ArrayList<>();
        full.add(java.toString());
        full.addAll(command);
        try {
            return new ProcessBuilder(full).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("jmpi-bench ForkLauncher: cannot run java: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static String option(String[] args, int end, String name) {
        String value = optionalOption(args, end, name);
        if (value == null) {
            throw new IllegalArgumentException("ForkLauncher: missing option " + name);
        }
        return value;
    }

    private static String optionalOption(String[] args, int end, String name) {
        for (int i = 0; i + 1 < end; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
