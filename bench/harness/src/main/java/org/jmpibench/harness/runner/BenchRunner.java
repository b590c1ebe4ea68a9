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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.job.PlantedSlowdown;
import org.jmpibench.harness.job.RankMetricsProfiler;
import org.jmpibench.harness.job.Watchdog;
import org.jmpibench.results.GitState;
import org.jmpibench.results.Machine;
import org.jmpibench.results.Operation;
import org.jmpibench.report.OsuTable;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunContext.FailedJob;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
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
 * Runs the benchmark matrix: for every selected available backend, every idle strategy it supports and every np,
 * one JMH {@link Runner} whose {@code jvm} is a {@link WrapperScript} for that (backend, idle, np), so every JMH
 * fork runs as a fresh job with that strategy's environment ({@link IdleEnv}). JMH
 * fails the group on the first failed fork ({@code -foe true}); the group is recorded as failed (with what
 * the job launcher said) and the run goes on with the next group. The run's files ({@link RunSaver}) are
 * claimed and saved empty before the first benchmark, saved again after every group, and an OSU-style table is
 * printed at the end.
 */
public final class BenchRunner {

    private final BenchSettings settings;
    private final PrintStream console;
    private final RunFiles.Writer writer;

    public BenchRunner(BenchSettings settings, PrintStream console) {
        this(settings, console, RunFiles::replaceAtomically);
    }

    /** A runner whose files are written by {@code writer}: tests simulate a disk that fills up. */
    BenchRunner(BenchSettings settings, PrintStream console, RunFiles.Writer writer) {
        this.settings = settings;
        this.console = console;
        this.writer = writer;
    }

    /**
     * What a run produced.
     *
     * @param copy         the copy of the results in the format of {@code -rf}, or null for {@code -rf json}
     * @param saveProblems saves that failed, one line each naming the file and the cause
     */
    public record Outcome(Path json, Path context, Path copy, Path log, List<RunResult> results,
                          List<FailedJob> failedJobs, List<String> backendsRun, List<String> saveProblems) {

        /** 0 when every job succeeded, something ran and every save worked; 1 otherwise. */
        public int exitStatus() {
            return failedJobs.isEmpty() && !backendsRun.isEmpty() && saveProblems.isEmpty() ? 0 : 1;
        }
    }

    /**
     * @throws IllegalArgumentException when a requested backend does not exist, or the results directory cannot
     *                                  hold the run's files (both found before anything runs)
     * @throws IOException              when the run's scratch files cannot be made
     */
    public Outcome run() throws IOException {
        List<Backend> all = Backends.all();
        List<String> known = all.stream().map(Backend::name).toList();
        for (String name : settings.backends()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown backend '" + name + "'; known backends: "
                        + String.join(", ", known));
            }
        }
        // Other JMH runs on this machine (other users, other checkouts) must not block or be blocked by ours.
        System.setProperty("jmh.ignoreLock", "true");

        ZonedDateTime started = ZonedDateTime.now();
        String host = Machine.hostName();
        RunContext.Builder context = new RunContext.Builder(started, host, GitState.of(codeSource()))
                .matrix(settings.profile().cliName(), settings.ops(), matrix()).jmh(jmhSettings());
        List<String> lines = new ArrayList<>();
        List<Backend> toRun = new ArrayList<>();
        for (Backend backend : all) {
            boolean selected = settings.backends().isEmpty() || settings.backends().contains(backend.name());
            Availability availability = backend.availability();
            context.backend(backend.name(), availability.available(), availability.version(), availability.reason(),
                    selected);
            if (!selected) {
                continue;
            }
            if (availability.available()) {
                lines.add("  run   " + backend.name() + " " + availability.version());
                toRun.add(backend);
            } else {
                lines.add("  skip  " + backend.name() + ": " + availability.reason());
            }
        }
        toRun.sort(Comparator.comparing(Backend::name));
        if (toRun.isEmpty()) {
            lines.add("  no selected backend is available here: nothing to run");
        }
        List<Variant> variants = variants(toRun, lines);
        context.variants(variants.stream().map(Variant::label).toList());
        int total = variants.size() * settings.nps().size() * settings.benchmarksPerGroup();
        // Before anything is printed or run: an unusable results directory is bad input.
        RunSaver saver = RunSaver.open(settings.resultsDir(), started, host, writer, context, total, console,
                settings.resultFormat());
        RunFiles files = saver.files();

        console.println("jmpi-bench: " + settings);
        lines.forEach(console::println);
        console.println("  " + total + " benchmarks x " + settings.forks() + " fork(s), one job each; results in "
                + files.json());

        List<RunResult> results = new ArrayList<>();
        List<FailedJob> failed = new ArrayList<>();
        Path work = Files.createTempDirectory("jmpi-bench-");
        RunProgress progress = new RunProgress(total, settings.plannedSecondsPerBenchmark(), System::nanoTime);
        try (PrintStream log = new PrintStream(new FileOutputStream(files.log().toFile(), true), true,
                StandardCharsets.UTF_8)) {
            for (Variant variant : variants) {
                for (int np : settings.nps()) {
                    int failedBefore = failed.size();
                    runGroup(variant, np, work, log, progress, results, failed);
                    failed.subList(failedBefore, failed.size()).forEach(context::failed);
                    // Save after every group: a run stopped half-way (Ctrl-C, a crash) keeps what finished.
                    saver.save(results, false, progress.started(), total);
                }
            }
        } finally {
            deleteTree(work);
        }
        saver.save(results, true, progress.started(), total);

        // A backend whose every idle variant was skipped did not run.
        List<String> backendsRun = variants.stream().map(Variant::backend).distinct().toList();
        if (!results.isEmpty()) {
            // The table of exactly what the results file holds, read as any reader of the file reads it.
            console.print(OsuTable.render(ResultsFile.parse(files.json(), "results", RunSaver.json(results))
                    .results(), OsuTable.Format.TEXT));
        }
        console.println();
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
        return new Outcome(files.json(), files.context(), saver.copy(), files.log(), results, failed, backendsRun,
                saver.problems());
    }

    /** The requested values of every parameter the runner sets, for the context. */
    private Map<Param, List<?>> matrix() {
        Map<Param, List<?>> matrix = new LinkedHashMap<>();
        matrix.put(Param.BACKEND, settings.backends());
        matrix.put(Param.NP, settings.nps());
        matrix.put(Param.SIZE, settings.sizes());
        matrix.put(Param.BUFFER, settings.buffers().stream().map(BufferKind::cliName).toList());
        matrix.put(Param.IDLE, settings.idles().stream().map(Idle::cliName).toList());
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
            return Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }

    /** A backend run with one idle strategy: a column of the table, a series of the charts. */
    record Variant(String backend, Idle idle) {
        String label() {
            return idle.label(backend);
        }
    }

    /**
     * Every (backend, idle) pair to run, backend by backend; a non-default strategy on a backend without an idle
     * knob is skipped with a line saying so, since running it would only repeat the default under another name.
     */
    private List<Variant> variants(List<Backend> backends, List<String> lines) {
        List<Variant> variants = new ArrayList<>();
        for (Backend backend : backends) {
            List<String> skipped = new ArrayList<>();
            for (Idle idle : settings.idles()) {
                if (IdleEnv.supports(backend.name(), idle)) {
                    variants.add(new Variant(backend.name(), idle));
                } else {
                    skipped.add(idle.cliName());
                }
            }
            if (!skipped.isEmpty()) {
                lines.add("  skip  " + backend.name() + " idle=" + String.join(",", skipped) + ": "
                        + backend.name() + " has no idle strategy knob (only shm and loopback do)");
            }
        }
        return variants;
    }

    /**
     * One (backend, idle, np) group: first all its benchmarks in one JMH run; if a job fails there, the benchmarks
     * that did not run yet get one JMH run each, so one broken size or buffer kind does not hide the rest;
     * after {@value #FAILURES_BEFORE_GIVING_UP} failures in a row the group is given up (a backend that hangs
     * every job would otherwise cost a watchdog period per benchmark).
     */
    private void runGroup(Variant variant, int np, Path work, PrintStream log, RunProgress progress,
                          List<RunResult> results, List<FailedJob> failed) throws IOException {
        List<BenchKey> all = BenchKey.matrix(settings);
        Attempt first = attempt(variant, np, all, work, log, progress);
        results.addAll(first.results);
        if (first.failure == null) {
            return;
        }
        failed.add(first.failure);
        List<BenchKey> done = new ArrayList<>(first.ran);
        int failuresInARow = 1;
        for (BenchKey key : all) {
            if (done.contains(key)) {
                continue;
            }
            if (failuresInARow >= FAILURES_BEFORE_GIVING_UP) {
                failed.add(new FailedJob(variant.label(), np, key.op().benchmarkName(),
                        key.describe(variant.backend(), variant.idle(), np),
                        "not run: " + FAILURES_BEFORE_GIVING_UP + " jobs of this group failed in a row"));
                progress.skipped(1);
                continue;
            }
            Attempt single = attempt(variant, np, List.of(key), work, log, progress);
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

    /** What one JMH run of part of a group gave: results, the benchmarks it started, its failure or null. */
    private record Attempt(List<RunResult> results, List<BenchKey> ran, FailedJob failure) {
    }

    private Attempt attempt(Variant variant, int np, List<BenchKey> keys, Path work, PrintStream log,
                            RunProgress progress) throws IOException {
        String backend = variant.backend();
        Path failures = Files.createTempFile(work, "failures-" + backend + "-" + variant.idle().cliName() + "-np"
                + np + "-", ".log");
        Path wrapper = WrapperScript.write(work, backend, variant.idle(), np, settings.jobTimeoutSeconds(),
                failures, System.getProperty("java.class.path"), settings.mpirunArgs());
        ProgressFormat format = new ProgressFormat(OutputFormatFactory.createFormatInstance(log,
                VerboseMode.NORMAL), console, progress);
        try {
            List<RunResult> results = new ArrayList<>(new Runner(options(variant, np, keys, wrapper), format).run());
            return new Attempt(results, format.started(), null);
        } catch (RunnerException | RuntimeException e) {
            BenchmarkParams running = format.running();
            String reason = failureReason(failures, e);
            format.failed(reason);
            FailedJob job = new FailedJob(variant.label(), np, running == null ? "" : running.getBenchmark(),
                    running == null ? "" : describe(running), reason);
            // Keep what finished before the failure.
            return new Attempt(format.finished(), format.started(), job);
        }
    }

    /** JMH options running {@code keys} (a full matrix, or one benchmark) for one (backend, idle, np). */
    private org.openjdk.jmh.runner.options.Options options(Variant variant, int np, List<BenchKey> keys,
                                                           Path wrapper) {
        ChainedOptionsBuilder builder = new OptionsBuilder();
        keys.stream().map(BenchKey::op).distinct().forEach(op -> builder.include(op.includePattern()));
        builder.param(Param.BACKEND.jmhName(), variant.backend())
                .param(Param.IDLE.jmhName(), variant.idle().cliName())
                .param(Param.NP.jmhName(), Integer.toString(np))
                .param(Param.SIZE.jmhName(), keys.stream().map(k -> String.valueOf(k.size())).distinct()
                        .toArray(String[]::new))
                .param(Param.BUFFER.jmhName(), keys.stream().map(k -> k.buffer().cliName()).distinct()
                        .toArray(String[]::new))
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
        return builder.shouldFailOnError(true)
                .shouldDoGC(false)
                .build();
    }

    /**
     * Every rank's JVM options: heap and direct memory for the largest message, the watchdog's limit, then the
     * user's {@code -jvmArgs} (later options win in HotSpot).
     */
    List<String> jvmArgs(int np) {
        int maxSize = settings.sizes().stream().max(Integer::compare).orElseThrow();
        long heapMiB = MemoryPlan.heapBytes(maxSize, np) >> 20;
        List<String> args = new ArrayList<>(List.of("-Xms" + Math.min(heapMiB, 256) + "m", "-Xmx" + heapMiB + "m",
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
                        .filter(line -> !line.isBlank()).toList();
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
            Throwable next = inner.getCause() != null ? inner.getCause()
                    : inner.getSuppressed().length > 0 ? inner.getSuppressed()[0] : null;
            if (next == null) {
                break;
            }
            inner = next;
        }
        return inner.getMessage() == null ? inner.toString() : inner.getMessage();
    }

    private static String describe(BenchmarkParams params) {
        return params.getParamsKeys().stream().map(key -> key + "=" + params.getParam(key))
                .collect(Collectors.joining(","));
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp dir left behind is harmless.
        }
    }
}
