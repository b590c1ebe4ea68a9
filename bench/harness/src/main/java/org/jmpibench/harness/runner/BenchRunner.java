package org.jmpibench.harness.runner;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.job.PlantedSlowdown;
import org.jmpibench.harness.job.RankMetricsProfiler;
import org.jmpibench.harness.job.Watchdog;
import org.jmpibench.launcher.ProcessReaper;
import org.jmpibench.report.OsuTable;
import org.jmpibench.results.GitState;
import org.jmpibench.results.Machine;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.Root;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunContext.FailedJob;
import org.jmpibench.results.RunContext.Placement;
import org.jmpibench.results.RunFiles;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Idle;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * Runs the benchmark matrix: for every selected available backend, every idle strategy it supports, every JDK
 * ({@link RunJdk}) and every np, one JMH {@link Runner} whose {@code jvm} is a {@link WrapperScript} for that (backend,
 * idle, JDK, np), so every JMH fork runs as a fresh job with that strategy in its {@code JobSpec}, its ranks (JMH's
 * forked VM included) on that JDK, on the run's hosts ({@link RunHosts}: this machine, or a hostfile's hosts; the
 * group's layout is a JMH parameter). JMH fails the group on the first failed fork ({@code -foe true}); the group is
 * recorded as failed (with what the job launcher said) and the run goes on with the next group. The run's files
 * ({@link RunSaver}) are claimed and saved empty before the first benchmark, saved again after every group, and an
 * OSU-style table is printed at the end.
 */
public final class BenchRunner {

    private final BenchSettings settings;
    private final RunHosts hosts;
    private final PrintStream console;
    private final RunFiles.Writer writer;

    /** A run on this machine only. */
    public BenchRunner(BenchSettings settings, PrintStream console) {
        this(settings, RunHosts.thisMachine(), console);
    }

    /** A run on {@code hosts}. */
    BenchRunner(BenchSettings settings, RunHosts hosts, PrintStream console) {
        this(settings, hosts, console, RunFiles::replaceAtomically);
    }

    /** A runner on this machine whose files are written by {@code writer}: tests simulate a disk that fills up. */
    BenchRunner(BenchSettings settings, PrintStream console, RunFiles.Writer writer) {
        this(settings, RunHosts.thisMachine(), console, writer);
    }

    private BenchRunner(BenchSettings settings, RunHosts hosts, PrintStream console, RunFiles.Writer writer) {
        this.settings = settings;
        this.hosts = hosts;
        this.console = console;
        this.writer = writer;
    }

    /**
     * What a run produced.
     *
     * @param copy the copy of the results in the format of {@code -rf}, or null for {@code -rf json}
     * @param saveProblems saves that failed, one line each naming the file and the cause
     */
    public record Outcome(
            Path json,
            Path context,
            Path copy,
            Path log,
            List<RunResult> results,
            List<FailedJob> failedJobs,
            List<String> backendsRun,
            List<String> saveProblems) {

        /** 0 when every job succeeded, something ran and every save worked; 1 otherwise. */
        public int exitStatus() {
            return failedJobs.isEmpty() && !backendsRun.isEmpty() && saveProblems.isEmpty() ? 0 : 1;
        }
    }

    /**
     * @throws IllegalArgumentException when a requested backend does not exist, or the results directory cannot hold
     *     the run's files (both found before anything runs)
     * @throws IOException when the run's scratch files cannot be made
     */
    public Outcome run() throws IOException {
        try (Session session = open(1)) {
            for (Variant variant : session.variants) {
                for (int np : settings.nps()) {
                    session.runGroup(variant, np);
                    // Save after every group: a run stopped half-way (Ctrl-C, a crash) keeps what finished.
                    session.save(false);
                }
            }
            return session.finish(true);
        }
    }

    /**
     * Starts a run without running anything: checks the backends, claims the run's files (an unusable results directory
     * is bad input, found here), saves the empty run and prints what will run. {@link #run()} runs the matrix through
     * it; {@code calibrate} runs single benchmarks, each {@code repeats} times, between its plain programs.
     *
     * @param repeats how many times each benchmark of the matrix will run (the progress counts them all)
     * @throws IllegalArgumentException as {@link #run()}
     * @throws IOException when the run's scratch files cannot be made
     */
    public Session open(int repeats) throws IOException {
        List<Backend> all = Backends.all();
        List<String> known = all.stream().map(Backend::name).toList();
        for (String name : settings.backends()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown backend '" + name + "'; known backends: " + String.join(", ", known));
            }
        }
        // Other JMH runs on this machine (other users, other checkouts) must not block or be blocked by ours.
        System.setProperty("jmh.ignoreLock", "true");

        ZonedDateTime started = ZonedDateTime.now();
        String host = Machine.hostName();
        Map<String, Object> jmh = jmhSettings();
        if (repeats > 1) {
            jmh.put("runsPerBenchmark", repeats);
        }
        RunContext.Builder context = new RunContext.Builder(started, host, GitState.of(codeSource()))
                .matrix(settings.profile().cliName(), settings.ops(), matrix())
                .jmh(jmh);
        hosts.describeIn(context);
        BackendChoice choice = BackendChoice.choose(all, settings.backends(), hosts, context);
        List<Backend> toRun = choice.toRun();
        List<String> lines = new ArrayList<>(choice.lines());
        for (int np : settings.nps()) {
            if (hosts.fromHostfile()) {
                lines.add("  placement np=" + np + ": " + hosts.placement(np) + ", layout " + hosts.layout(np));
            }
            for (Backend backend : toRun) {
                context.placement(new Placement(backend.name(), np, hosts.layout(np), hosts.placement(np)));
            }
        }
        List<Variant> variants = variants(toRun, lines);
        context.variants(variants.stream().map(Variant::label).distinct().toList());
        for (RunJdk jdk : settings.jdks()) {
            context.jdk(jdk.describe());
            if (jdk.chosen()) {
                lines.add("  jdk   " + jdk.release() + ": " + jdk.jdk());
            }
        }
        int total = variants.size() * settings.nps().size() * settings.benchmarksPerGroup() * repeats;
        // Before anything is printed or run: an unusable results directory is bad input.
        RunSaver saver = RunSaver.open(
                settings.resultsDir(), started, host, writer, context, total, console, settings.resultFormat());
        RunFiles files = saver.files();

        console.println("jmpi-bench: " + settings);
        lines.forEach(console::println);
        console.println("  " + total + " benchmarks x " + settings.forks() + " fork(s), one job each; results in "
                + files.json());

        return new Session(saver, context, variants, total);
    }

    /**
     * A run in progress ({@link #open}): its files, what ran and what failed. Results of a benchmark that runs again in
     * the same run (calibrate's rounds) join its earlier result as further forks, so the results file keeps one entry
     * per benchmark, as JMH's readers expect.
     */
    public final class Session implements AutoCloseable {
        private final RunSaver saver;
        private final RunContext.Builder context;
        private final List<Variant> variants;
        private final int total;
        private final List<RunResult> results = new ArrayList<>();
        private final List<FailedJob> failed = new ArrayList<>();
        private final Path work;
        private final List<String> hostArgs;
        private final PrintStream log;
        private final RunProgress progress;
        private final JmhLinkGuard guard;

        private Session(RunSaver saver, RunContext.Builder context, List<Variant> variants, int total)
                throws IOException {
            this.saver = saver;
            this.context = context;
            this.variants = variants;
            this.total = total;
            this.work = Files.createTempDirectory("jmpi-bench-");
            this.hostArgs = hosts.forkArgs(work);
            this.log = new PrintStream(
                    new FileOutputStream(saver.files().log().toFile(), true), true, StandardCharsets.UTF_8);
            this.progress = new RunProgress(total, settings.plannedSecondsPerBenchmark(), System::nanoTime);
            this.guard = JmhLinkGuard.watch(this::stopForStranger);
        }

        /**
         * A stranger broke JMH's link ({@link JmhLinkGuard}): no fork can report to JMH any more and JMH would wait for
         * the stranger, so the run ends here, with one line, its forks and their jobs stopped. What finished is in the
         * results file already (saved after every group).
         */
        private void stopForStranger() {
            System.err.println("jmpi-bench: bench stopped: a connection that was not a JMH fork reached JMH's link "
                    + "port in this JVM, and JMH 1.37 then serves no fork any more (see bench/reliability/README.md); "
                    + "results of what finished: " + saver.files().json());
            ProcessHandle.current().children().forEach(fork -> ProcessReaper.killTree(fork, STOP_GRACE_MILLIS));
            Runtime.getRuntime().exit(BenchCommand.FAILED);
        }

        public RunFiles files() {
            return saver.files();
        }

        /**
         * The backends that run (available, selected, with at least one idle strategy), by name: a backend whose every
         * idle variant was skipped does not.
         */
        public List<String> backends() {
            return variants.stream().map(Variant::backend).distinct().toList();
        }

        /**
         * Runs one benchmark of the default idle strategy as its own JMH run, {@code settings.forks()} jobs.
         *
         * @return its result (this run's forks only), or empty when its job failed (recorded with the reason)
         */
        public Optional<RunResult> runOne(String backend, int np, Operation op, int size, BufferKind buffer)
                throws IOException {
            Variant variant = new Variant(backend, Idle.DEFAULT, settings.jdks().get(0));
            Attempt attempt =
                    attempt(variant, np, List.of(new BenchKey(op, size, buffer)), work, hostArgs, log, progress);
            attempt.results.forEach(this::add);
            if (attempt.failure != null) {
                failed(attempt.failure);
            }
            return attempt.failure == null ? attempt.results.stream().findFirst() : Optional.empty();
        }

        /** The reason of the last failed job, if any job failed. */
        public Optional<String> lastFailure() {
            return failed.isEmpty()
                    ? Optional.empty()
                    : Optional.of(failed.get(failed.size() - 1).reason());
        }

        private void runGroup(Variant variant, int np) throws IOException {
            List<FailedJob> groupFailures = new ArrayList<>();
            List<RunResult> groupResults = new ArrayList<>();
            BenchRunner.this.runGroup(variant, np, work, hostArgs, log, progress, groupResults, groupFailures);
            groupResults.forEach(this::add);
            groupFailures.forEach(this::failed);
        }

        private void add(RunResult result) {
            for (int i = 0; i < results.size(); i++) {
                RunResult earlier = results.get(i);
                if (sameBenchmark(earlier.getParams(), result.getParams())) {
                    List<org.openjdk.jmh.results.BenchmarkResult> forks =
                            new ArrayList<>(earlier.getBenchmarkResults());
                    forks.addAll(result.getBenchmarkResults());
                    results.set(i, new RunResult(earlier.getParams(), forks));
                    return;
                }
            }
            results.add(result);
        }

        private void failed(FailedJob job) {
            failed.add(job);
            context.failed(job);
        }

        /** Saves what ran so far, each file whole. */
        public void save(boolean complete) {
            saver.save(results, complete, progress.started(), total);
        }

        /**
         * Saves the run as complete and prints its end: the OSU-style table of the results file (bench's; calibrate
         * prints its own), failed jobs and failed saves, the run's time, the files.
         */
        public Outcome finish(boolean summaryTable) {
            save(true);
            RunFiles files = saver.files();
            if (summaryTable) {
                if (!results.isEmpty()) {
                    // The table of exactly what the results file holds, read as any reader of the file reads it.
                    console.print(OsuTable.render(
                            ResultsFile.parse(files.json(), "results", RunSaver.json(results))
                                    .results(),
                            OsuTable.Format.TEXT));
                }
                console.println();
            }
            if (!failed.isEmpty()) {
                console.println("failed jobs (" + failed.size() + "):");
                for (FailedJob job : failed) {
                    console.println("  " + job.backend() + " np=" + job.np() + " " + job.benchmark() + " "
                            + job.params() + ": " + job.reason());
                }
            }
            if (!saver.problems().isEmpty()) {
                console.println("saves that failed (" + saver.problems().size() + "):");
                saver.problems().forEach(problem -> console.println("  " + problem));
            }
            console.println("time:    " + progress.elapsed() + " for " + progress.started() + " benchmarks");
            console.println("results: " + files.json());
            console.println("         " + files.context());
            if (saver.copy() != null) {
                console.println("         " + saver.copy());
            }
            return new Outcome(
                    files.json(),
                    files.context(),
                    saver.copy(),
                    files.log(),
                    List.copyOf(results),
                    List.copyOf(failed),
                    backends(),
                    saver.problems());
        }

        @Override
        public void close() {
            guard.close();
            log.close();
            deleteTree(work);
        }
    }

    /** Same benchmark and parameters: a later run of it is more forks of the same result. */
    private static boolean sameBenchmark(BenchmarkParams a, BenchmarkParams b) {
        if (!a.getBenchmark().equals(b.getBenchmark()) || !a.getParamsKeys().equals(b.getParamsKeys())) {
            return false;
        }
        return a.getParamsKeys().stream().allMatch(key -> a.getParam(key).equals(b.getParam(key)));
    }

    /** The requested values of every parameter the runner sets, for the context. */
    private Map<Param, List<?>> matrix() {
        Map<Param, List<?>> matrix = new LinkedHashMap<>();
        matrix.put(Param.BACKEND, settings.backends());
        matrix.put(Param.NP, settings.nps());
        matrix.put(Param.SIZE, settings.sizes());
        matrix.put(
                Param.BUFFER,
                settings.buffers().stream().map(BufferKind::cliName).toList());
        matrix.put(Param.IDLE, settings.idles().stream().map(Idle::cliName).toList());
        matrix.put(
                Param.LAYOUT,
                settings.nps().stream().map(hosts::layout).distinct().toList());
        matrix.put(Param.JDK, settings.jdks().stream().map(RunJdk::release).toList());
        matrix.put(Param.ROOT, List.of(settings.root()));
        return matrix;
    }

    /** JMH's settings as the runner passes them in {@link #options}, for the context. */
    private Map<String, Object> jmhSettings() {
        Map<String, Object> jmh = new LinkedHashMap<>();
        jmh.put("version", Version.getPlainVersion());
        jmh.put("mode", "avgt");
        jmh.put("timeUnit", "us");
        jmh.put("forks", settings.forks());
        jmh.put("warmupIterations", settings.warmupIterations());
        jmh.put("warmupTime", settings.warmupTime().toString());
        jmh.put("measurementIterations", settings.measurementIterations());
        jmh.put("measurementTime", settings.measurementTime().toString());
        jmh.put("failOnError", true);
        Map<String, List<String>> jvmArgsPerNp = new LinkedHashMap<>();
        settings.nps().forEach(np -> jvmArgsPerNp.put(Integer.toString(np), jvmArgs(np)));
        jmh.put("jvmArgsPerNp", jvmArgsPerNp);
        List<String> profilers = new ArrayList<>(List.of(RankMetricsProfiler.class.getName()));
        profilers.addAll(settings.profilers());
        jmh.put("profilers", profilers);
        jmh.put("resultFormat", settings.resultFormat());
        jmh.put("mpirunArgs", settings.mpirunArgs());
        jmh.put("watchdogSeconds", settings.watchdogSeconds());
        jmh.put("jobTimeoutSeconds", settings.jobTimeoutSeconds());
        return jmh;
    }

    /** Where the harness's code is loaded from: its checkout's git state is the run's. */
    private static Path codeSource() {
        try {
            return Path.of(BenchRunner.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }

    /** A backend run with one idle strategy on one JDK: a column of the table, a series of the charts. */
    record Variant(String backend, Idle idle, RunJdk jdk) {
        /** {@code shm}, {@code shm/spin}: backend and idle strategy, whatever the JDK ({@link Param#variantLabel}). */
        String label() {
            return Param.variantLabel(backend, idle.cliName());
        }
    }

    /**
     * Every (backend, idle, JDK) to run, backend by backend; a non-default strategy on a backend without an idle knob
     * is skipped with a line saying so, since running it would only repeat the default under another name.
     */
    private List<Variant> variants(List<Backend> backends, List<String> lines) {
        List<Variant> variants = new ArrayList<>();
        for (Backend backend : backends) {
            List<String> skipped = new ArrayList<>();
            for (Idle idle : settings.idles()) {
                if (backend.idleStrategies().contains(idle)) {
                    settings.jdks().forEach(jdk -> variants.add(new Variant(backend.name(), idle, jdk)));
                } else {
                    skipped.add(idle.cliName());
                }
            }
            if (!skipped.isEmpty()) {
                lines.add("  skip  " + backend.name() + " idle=" + String.join(",", skipped) + ": " + backend.name()
                        + " has no idle strategy knob for it");
            }
        }
        return variants;
    }

    /**
     * One (backend, idle, JDK, np) group: first all its benchmarks in one JMH run (two when it has a size-less
     * operation, which runs at its own size: {@link BenchKey#jmhRuns}); if a job fails there, the benchmarks that did
     * not run yet get one JMH run each, so one broken size or buffer kind does not hide the rest; after
     * {@value #FAILURES_BEFORE_GIVING_UP} failures in a row the group is given up (a backend that hangs every job would
     * otherwise cost a watchdog period per benchmark).
     */
    private void runGroup(
            Variant variant,
            int np,
            Path work,
            List<String> hostArgs,
            PrintStream log,
            RunProgress progress,
            List<RunResult> results,
            List<FailedJob> failed)
            throws IOException {
        List<BenchKey> all = BenchKey.matrix(settings);
        List<BenchKey> done = new ArrayList<>();
        FailedJob firstFailure = null;
        for (List<BenchKey> run : BenchKey.jmhRuns(all)) {
            Attempt attempt = attempt(variant, np, run, work, hostArgs, log, progress);
            results.addAll(attempt.results);
            done.addAll(attempt.ran);
            if (attempt.failure != null) {
                firstFailure = attempt.failure;
                break;
            }
        }
        if (firstFailure == null) {
            return;
        }
        failed.add(firstFailure);
        int failuresInARow = 1;
        for (BenchKey key : all) {
            if (done.contains(key)) {
                continue;
            }
            if (failuresInARow >= FAILURES_BEFORE_GIVING_UP) {
                failed.add(new FailedJob(
                        variant.label(),
                        np,
                        key.op().benchmarkName(),
                        key.describe(variant, np, hosts.layout(np), settings.root()),
                        "not run: " + FAILURES_BEFORE_GIVING_UP + " jobs of this group failed in a row"));
                progress.skipped(1);
                continue;
            }
            Attempt single = attempt(variant, np, List.of(key), work, hostArgs, log, progress);
            results.addAll(single.results);
            done.addAll(single.ran);
            if (single.failure == null) {
                failuresInARow = 0;
            } else {
                failed.add(single.failure);
                failuresInARow++;
            }
        }
    }

    static final int FAILURES_BEFORE_GIVING_UP = 2;
    /** How long a fork (and the job it runs) may take to stop on SIGTERM when the run is stopped. */
    private static final long STOP_GRACE_MILLIS = 3000;

    /** What one JMH run of part of a group gave: results, the benchmarks it started, its failure or null. */
    private record Attempt(List<RunResult> results, List<BenchKey> ran, FailedJob failure) {}

    private Attempt attempt(
            Variant variant,
            int np,
            List<BenchKey> keys,
            Path work,
            List<String> hostArgs,
            PrintStream log,
            RunProgress progress)
            throws IOException {
        String backend = variant.backend();
        Path failures = Files.createTempFile(
                work,
                "failures-" + backend + "-" + variant.idle().cliName() + "-np" + np + "-jdk"
                        + variant.jdk().release() + "-",
                ".log");
        Path wrapper = WrapperScript.write(
                work,
                backend,
                variant.idle(),
                np,
                settings.jobTimeoutSeconds(),
                failures,
                System.getProperty("java.class.path"),
                hostArgs,
                variant.jdk().forJob(),
                settings.mpirunArgs());
        ProgressFormat format = new ProgressFormat(
                OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL),
                console,
                progress,
                settings.jdks().size() > 1);
        try {
            List<RunResult> results = new ArrayList<>(new Runner(options(variant, np, keys, wrapper), format).run());
            return new Attempt(results, format.started(), null);
        } catch (RunnerException | RuntimeException e) {
            BenchmarkParams running = format.running();
            String reason = failureReason(failures, e);
            format.failed(reason);
            FailedJob job = new FailedJob(
                    variant.label(),
                    np,
                    running == null ? "" : running.getBenchmark(),
                    running == null ? "" : describe(running),
                    reason);
            // Keep what finished before the failure.
            return new Attempt(format.finished(), format.started(), job);
        }
    }

    /** JMH options running {@code keys} (a full matrix, or one benchmark) for one (backend, idle, JDK, np). */
    private org.openjdk.jmh.runner.options.Options options(Variant variant, int np, List<BenchKey> keys, Path wrapper) {
        ChainedOptionsBuilder builder = new OptionsBuilder();
        keys.stream().map(BenchKey::op).distinct().forEach(op -> builder.include(op.includePattern()));
        builder.param(Param.BACKEND.jmhName(), variant.backend())
                .param(Param.IDLE.jmhName(), variant.idle().cliName())
                .param(Param.NP.jmhName(), Integer.toString(np))
                .param(Param.LAYOUT.jmhName(), hosts.layout(np))
                .param(Param.JDK.jmhName(), variant.jdk().release())
                // Only the rooted operations' benchmarks have this parameter; JMH leaves it out of the others'.
                .param(Param.ROOT.jmhName(), settings.root())
                .param(
                        Param.SIZE.jmhName(),
                        keys.stream()
                                .map(k -> String.valueOf(k.size()))
                                .distinct()
                                .toArray(String[]::new))
                .param(
                        Param.BUFFER.jmhName(),
                        keys.stream().map(k -> k.buffer().cliName()).distinct().toArray(String[]::new))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .threads(1)
                .forks(settings.forks())
                .warmupForks(0)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.warmupTime())
                .measurementIterations(settings.measurementIterations())
                .measurementTime(settings.measurementTime())
                .jvm(wrapper.toString())
                .jvmArgs(jvmArgs(np).toArray(String[]::new))
                .addProfiler(RankMetricsProfiler.class);
        for (String profiler : settings.profilers()) {
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                builder.addProfiler(profiler);
            } else {
                builder.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        return builder.shouldFailOnError(true).shouldDoGC(false).build();
    }

    /**
     * Every rank's JVM options (JMH's {@code jvmArgs}, which the wrapper passes to every rank of a fork's job): heap
     * and direct memory for the largest message, the watchdog's limit, then the user's {@code -jvmArgs} (later options
     * win in HotSpot), a planted slowdown. {@code calibrate} gives its plain programs exactly these.
     */
    public List<String> jvmArgs(int np) {
        int maxSize = settings.sizes().stream().max(Integer::compare).orElseThrow();
        long heapMiB = MemoryPlan.heapBytes(settings.ops(), maxSize, np, Root.rank(settings.root())) >> 20;
        List<String> args = new ArrayList<>(List.of(
                "-Xms" + Math.min(heapMiB, 256) + "m",
                "-Xmx" + heapMiB + "m",
                "-XX:MaxDirectMemorySize=" + heapMiB + "m",
                "-D" + Watchdog.TIMEOUT_PROPERTY + "=" + settings.watchdogSeconds()));
        args.addAll(settings.jvmArgs());
        String planted = System.getenv(PlantedSlowdown.ENV);
        if (planted != null && !planted.isBlank()) {
            PlantedSlowdown.fraction(planted, "", Operation.SEND); // a bad value is bad input, not a failed rank
            args.add("-D" + PlantedSlowdown.PROPERTY + "=" + planted.strip());
        }
        return args;
    }

    /** The job launcher's words when the wrapper recorded them, else JMH's. */
    static String failureReason(Path failures, Exception e) {
        try {
            if (Files.exists(failures)) {
                List<String> lines = Files.readAllLines(failures, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank())
                        .toList();
                if (!lines.isEmpty()) {
                    return lines.get(lines.size() - 1);
                }
            }
        } catch (IOException ignored) {
            // Fall back to JMH's message below.
        }
        return "JMH: " + innermostMessage(e);
    }

    /** JMH wraps the real error as a suppressed exception of its BenchmarkException: find the deepest one. */
    static String innermostMessage(Throwable e) {
        Throwable inner = e;
        for (int depth = 0; depth < 10; depth++) {
            Throwable next = inner.getCause() != null
                    ? inner.getCause()
                    : inner.getSuppressed().length > 0 ? inner.getSuppressed()[0] : null;
            if (next == null) {
                break;
            }
            inner = next;
        }
        return inner.getMessage() == null ? inner.toString() : inner.getMessage();
    }

    private static String describe(BenchmarkParams params) {
        return params.getParamsKeys().stream()
                .map(key -> key + "=" + params.getParam(key))
                .collect(Collectors.joining(","));
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp dir left behind is harmless.
        }
    }
}
