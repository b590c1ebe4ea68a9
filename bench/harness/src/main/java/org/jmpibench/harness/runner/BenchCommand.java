package org.jmpibench.harness.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jmpibench.results.Param;
import org.jmpibench.results.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jmpi-bench bench}: runs the benchmark matrix ({@link BenchRunner}). Every option but the host options
 * ({@link HostOptions}, shared with {@code demo} and {@code run}) has a {@code -Dbench.*} property of the same meaning
 * (for Maven), and a profile supplies what neither gives. JMH's habits work too ({@code -p size=1,1Ki}, {@code -prof
 * gc}, {@code -jvmArgs}, {@code -rf}), and mpirun's ({@code -np}, {@code -n}). Bad input is one line on stderr and
 * status 2; a failed job makes the status 1.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        resourceBundle = BenchHelp.NAME,
        description = {
            "Run the JMH benchmarks (OSU's set: send, bw, bibw and the collectives; the seed's "
                    + "gather-average and allreduce-average) on every available backend.",
            "Scores are us per operation: send = one-way latency (half a round trip); bw, bibw = time per "
                    + "message of a window; collectives = rank 0's time, with the slowest rank's as "
                    + "'slowestRank'. Every option has a property of the "
                    + "same meaning for Maven (-Dbench.<name>, in brackets), but the host options."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every job ran and every file was saved",
            "1:a job or a save failed, or no selected backend is available (the files keep what finished)",
            "2:bad input, an unusable --results-dir included; found before anything runs"
        })
public final class BenchCommand implements Callable<Integer> {

    /** Exit status for bad input. */
    public static final int USAGE = 2;
    /** Exit status when a job failed or nothing could run. */
    public static final int FAILED = 1;

    @Option(
            names = "--backends",
            paramLabel = "LIST",
            description = "Backends to run, e.g. loopback,shm " + "(default: all available) [bench.backends].")
    String backends;

    @Option(
            names = "--ops",
            paramLabel = "LIST",
            description = "Operations, e.g. send,bw,allreduce, or all: send, "
                    + "bw, bibw, bcast, gather, gather-average, allreduce-average, allreduce, reduce, allgather, alltoall, "
                    + "scatter, reduce-scatter, barrier (default: ${bundle:default.ops}) [bench.ops].")
    String ops;

    @Option(
            names = "--root",
            paramLabel = "RANK|rotate",
            description = "Root of bcast, gather, gather-average, "
                    + "reduce and scatter: a rank of every job, or rotate (the root changes with every operation, as IMB's "
                    + "-root_shift) (default: 0) [bench.root].")
    String root;

    @Option(
            names = "--sizes",
            paramLabel = "LIST",
            description =
                    "Message sizes: " + Sizes.SYNTAX + " (default: ${bundle:default.sizes} elements) [bench.sizes].")
    String sizes;

    @Option(
            names = {"--np", "-np", "-n"},
            paramLabel = "LIST",
            description = "Rank counts, 2..64 " + "(default: ${bundle:default.np}) [bench.np].")
    String nps;

    @Option(
            names = "--buffer",
            paramLabel = "LIST",
            description = "array (int[]), direct (direct ByteBuffer) "
                    + "(default: ${bundle:default.buffer}) [bench.buffer].")
    String buffers;

    @Option(
            names = "--idle",
            paramLabel = "LIST",
            description = "Idle (waiting) strategies: default,spin,yield,"
                    + "block; each is its own variant of shm and loopback, skipped on backends without the knob "
                    + "(default: default) [bench.idle].")
    String idles;

    @Option(
            names = JdkOption.OPTION,
            paramLabel = "LIST",
            description = "JDKs the ranks run on, each a path or a "
                    + "name under /usr/lib/jvm, e.g. 17,25 or temurin-25; each is its own value of the jdk parameter "
                    + "(default: the JDK running this command) [bench.jdk].")
    String jdks;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=LIST",
            description = "JMH's way to give a parameter: "
                    + "-p size=1,1Ki is --sizes 1,1Ki; NAME is backend, np, size, buffer, idle, jdk or root (repeatable); the "
                    + "layout follows from the host options.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--results-dir",
            paramLabel = "DIR",
            description = "Where result files go (default: " + "results) [bench.resultsDir].")
    String resultsDir;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "Defaults for what is not given: quick, " + "full or osu (default: quick) [bench.profile].")
    String profile;

    @Option(
            names = {"-f", "--forks"},
            paramLabel = "N",
            description = "JMH forks, each a fresh job " + "(default: ${bundle:default.forks}) [bench.forks].")
    String forks;

    @Option(
            names = {"-wi", "--warmup-iterations"},
            paramLabel = "N",
            description =
                    "Warm-up iterations (default: ${bundle:default.warmupIterations}) " + "[bench.warmupIterations].")
    String warmupIterations;

    @Option(
            names = {"-w", "--warmup-time"},
            paramLabel = "TIME",
            description = "Warm-up iteration time, e.g. "
                    + "200ms, 1s (default: ${bundle:default.warmupTime}) [bench.warmupTime].")
    String warmupTime;

    @Option(
            names = {"-i", "--iterations"},
            paramLabel = "N",
            description = "Measurement iterations (default: ${bundle:default.iterations}) [bench.iterations].")
    String iterations;

    @Option(
            names = {"-r", "--time"},
            paramLabel = "TIME",
            description = "Measurement iteration time, e.g. 200ms " + "(default: ${bundle:default.time}) [bench.time].")
    String time;

    @Option(
            names = "-prof",
            paramLabel = "PROFILER",
            description = "A JMH profiler, as JMH's -prof takes it: gc, "
                    + "stack, comp, cl, perfnorm, gc:churn=true (repeatable) [bench.profilers, comma-separated]. Profilers "
                    + "inside the JVM see rank 0; external ones (perf...) wrap the job's launcher.")
    List<String> profilers = new ArrayList<>();

    @Option(
            names = "-jvmArgs",
            paramLabel = "'OPTIONS'",
            description = "Options for every rank's JVM, split at "
                    + "spaces, e.g. '-Xss2m -XX:+UseParallelGC'; they come after the harness's, so a later -Xmx wins "
                    + "[bench.jvmArgs].")
    String jvmArgs;

    @Option(
            names = "-rf",
            paramLabel = "FORMAT",
            description = "A copy of the results beside the JSON (which is "
                    + "always written): csv, scsv, text, latex, or json for none (default: ${bundle:default.resultFormat}) "
                    + "[bench.resultFormat].")
    String resultFormat;

    @Option(
            names = MpirunArgsOption.OPTION,
            paramLabel = "'ARGS'",
            description = "Extra mpirun arguments for the "
                    + "openmpi backend, split at spaces, e.g. '--bind-to none' (default: the -Djmpi.openmpi.mpirunArgs "
                    + "property, if set) [bench.mpirunArgs].")
    String mpirunArgs;

    @Option(
            names = "--watchdog-seconds",
            paramLabel = "S",
            description =
                    "A rank stuck this long in one step "
                            + "dumps its stacks and halts (default: ${bundle:default.watchdogSeconds}) [bench.watchdogSeconds].")
    String watchdogSeconds;

    @Mixin
    HostOptions hostOptions;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        return new BenchRunner(settings, RunHosts.of(hostOptions, settings.nps()), System.out)
                .run()
                .exitStatus();
    }

    /** The settings these options (then {@code bench.*} properties, then the profile) give. */
    BenchSettings settings() {
        Map<Param, String> given = jmhParams();
        return new BenchSettings.Builder()
                .profile(profile)
                .backends(either(backends, "--backends", given.get(Param.BACKEND), Param.BACKEND))
                .ops(ops)
                .sizes(either(sizes, "--sizes", given.get(Param.SIZE), Param.SIZE))
                .nps(either(nps, "--np", given.get(Param.NP), Param.NP))
                .buffers(either(buffers, "--buffer", given.get(Param.BUFFER), Param.BUFFER))
                .idles(either(idles, "--idle", given.get(Param.IDLE), Param.IDLE))
                .jdks(either(jdks, JdkOption.OPTION, given.get(Param.JDK), Param.JDK))
                .root(either(root, "--root", given.get(Param.ROOT), Param.ROOT))
                .resultsDir(resultsDir)
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(iterations)
                .measurementTime(time)
                .watchdogSeconds(watchdogSeconds)
                .profilers(profilers)
                .jvmArgs(jvmArgs)
                .resultFormat(resultFormat)
                .mpirunArgs(mpirunArgs)
                .build();
    }

    /** The {@code -p NAME=LIST} options by parameter; each parameter at most once. */
    private Map<Param, String> jmhParams() {
        Map<Param, String> given = new EnumMap<>(Param.class);
        String known = Arrays.stream(Param.values())
                .filter(p -> p != Param.LAYOUT)
                .map(Param::jmhName)
                .collect(Collectors.joining(", "));
        for (String assignment : params) {
            int eq = assignment.indexOf('=');
            if (eq <= 0 || assignment.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException(
                        "bad -p '" + assignment + "': expected NAME=VALUE[,VALUE...] " + "with NAME one of " + known);
            }
            String name = assignment.substring(0, eq).strip();
            Param param = Param.byJmhName(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown " + "parameter '" + name + "' in -p " + assignment + "; parameters: " + known));
            if (param == Param.LAYOUT) {
                throw new IllegalArgumentException("-p " + name + ": the layout follows from the host options ("
                        + HostOptions.HOSTFILE + ", " + HostOptions.MAP_BY + "), it cannot be given");
            }
            if (given.put(param, assignment.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("-p " + name + " is given twice; give each parameter once");
            }
        }
        return given;
    }

    /** The option's value or the {@code -p} one; both is a conflict rather than a silent choice. */
    private static String either(String option, String optionName, String fromParam, Param param) {
        if (option != null && fromParam != null) {
            throw new IllegalArgumentException(optionName + " and -p " + param.jmhName() + " both given; give one");
        }
        return option != null ? option : fromParam;
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
