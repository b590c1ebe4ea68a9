package org.jmpibench.harness.runner;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code jmpi-bench bench}: runs the benchmark matrix ({@link BenchRunner}). Every option but the host options
 * ({@link HostOptions}, shared with {@code demo} and {@code run}) has a {@code -Dbench.*} property of the same
 * meaning (for Maven), and a profile supplies what neither gives.
 * Bad input is one line on stderr and status 2; a failed job makes the status 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks (send, bcast, gather, gather-average) on every available backend.",
                "Scores are us per operation: send = one-way latency (half a round trip); collectives = rank 0's "
                        + "time, with the slowest rank's as 'slowestRank'."})
public final class BenchCommand implements Callable<Integer> {

    /** Exit status for bad input. */
    public static final int USAGE = 2;
    /** Exit status when a job failed or nothing could run. */
    public static final int FAILED = 1;

    @Option(names = "--backends", paramLabel = "LIST", description = "Backends to run, e.g. loopback,shm "
            + "(default: all available; property bench.backends).")
    String backends;

    @Option(names = "--ops", paramLabel = "LIST", description = "send,bcast,gather,gather-average (default: all; "
            + "bench.ops).")
    String ops;

    @Option(names = "--sizes", paramLabel = "LIST", description = "Elements per message: 1,1Ki,64Ki,1Mi,4Mi "
            + "(default: from the profile; bench.sizes).")
    String sizes;

    @Option(names = "--np", paramLabel = "LIST", description = "Rank counts, 2..64 (default: 2,4; bench.np).")
    String nps;

    @Option(names = "--buffer", paramLabel = "LIST", description = "array,direct (default: from the profile; "
            + "bench.buffer).")
    String buffers;

    @Option(names = "--idle", paramLabel = "LIST", description = "Idle (waiting) strategies: default,spin,yield,"
            + "block; each is its own variant of shm and loopback, skipped on backends without the knob "
            + "(default: default; bench.idle).")
    String idles;

    @Option(names = JdkOption.OPTION, paramLabel = "LIST", description = "JDKs the ranks run on, each a path or a "
            + "name under /usr/lib/jvm, e.g. 17,25 or temurin-25; each is its own value of the jdk parameter "
            + "(default: the JDK running this command; bench.jdk).")
    String jdks;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "Where result files go (default: "
            + "results; bench.resultsDir).")
    String resultsDir;

    @Option(names = "--profile", paramLabel = "NAME", description = "quick or full (default: quick; "
            + "bench.profile).")
    String profile;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "JMH forks, each a fresh job (bench.forks).")
    String forks;

    @Option(names = {"-wi", "--warmup-iterations"}, paramLabel = "N",
            description = "Warm-up iterations (bench.warmupIterations).")
    String warmupIterations;

    @Option(names = {"-w", "--warmup-time"}, paramLabel = "TIME", description = "Warm-up iteration time, e.g. "
            + "200ms (bench.warmupTime).")
    String warmupTime;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N",
            description = "Measurement iterations (bench.iterations).")
    String iterations;

    @Option(names = {"-r", "--time"}, paramLabel = "TIME", description = "Measurement iteration time, e.g. 200ms "
            + "(bench.time).")
    String time;

    @Option(names = "--watchdog-seconds", paramLabel = "S", description = "A rank stuck this long in one step "
            + "dumps its stacks and halts (default 120; bench.watchdogSeconds).")
    String watchdogSeconds;

    @Mixin
    HostOptions hostOptions;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        return new BenchRunner(settings, RunHosts.of(hostOptions, settings.nps()), System.out).run().exitStatus();
    }

    /** The settings these options (then {@code bench.*} properties, then the profile) give. */
    BenchSettings settings() {
        return new BenchSettings.Builder().profile(profile).backends(backends).ops(ops).sizes(sizes).nps(nps)
                .buffers(buffers).idles(idles).jdks(jdks).resultsDir(resultsDir).forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime).measurementIterations(iterations).measurementTime(time)
                .watchdogSeconds(watchdogSeconds).build();
    }

    /** Runs {@code bench} by itself, with the same error handling as the {@code jmpi-bench} command. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A command line for this command alone: one-line errors, status 2 for bad input. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("jmpi-bench bench: " + ex.getMessage());
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException) {
                err.println("jmpi-bench bench: " + ex.getMessage());
                return USAGE;
            }
            err.println("jmpi-bench bench: " + ex);
            return FAILED;
        });
        return cli;
    }
}
