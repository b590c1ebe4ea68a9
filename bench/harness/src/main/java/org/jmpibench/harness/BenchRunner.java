package org.jmpibench.harness;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import org.jmpibench.launcher.ProcessReaper;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs the benchmark matrix: for every selected available backend, every idle strategy it supports and every np,
 * one JMH {@link Runner} whose {@code jvm} is a {@link WrapperScript} for that (backend, idle, np), so every JMH
 * fork runs as a fresh job with that strategy's environment ({@link IdleEnv}). JMH
 * fails the group on the first failed fork ({@code -foe true}); the group is recorded as failed (with what
 * the job launcher said) and the run goes on with the next group. At the end one combined JSON, CSV and
 * context file are written and an OSU-style table printed.
 */
public final class BenchRunner {

    private final BenchSettings settings;
    private final PrintStream console;

    public BenchRunner(BenchSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /** What a run produced. */
    public record Outcome(Path json, Path context, Path csv, Path log, List<RunResult> results,
                          List<FailedJob> failedJobs, List<String> backendsRun) {

        /** 0 when every job succeeded and something ran; 1 otherwise. */
        public int exitStatus() {
            return failedJobs.isEmpty() && !backendsRun.isEmpty() ? 0 : 1;
        }
    }

    /**
     * @throws IllegalArgumentException when a requested backend does not exist
     * @throws IOException              when the result files cannot be written
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
        String host = hostName();
        ResultFiles files = ResultFiles.create(settings.resultsDir(), started, host);
        Map<String, List<String>> jvmArgsPerNp = new LinkedHashMap<>();
        settings.nps().forEach(np -> jvmArgsPerNp.put(Integer.toString(np), jvmArgs(np)));
        RunContext context = new RunContext(started, host, settings, jvmArgsPerNp);

        List<Backend> toRun = new ArrayList<>();
        console.println("jmpi-bench: " + settings);
        for (Backend backend : all) {
            boolean selected = settings.backends().isEmpty() || settings.backends().contains(backend.name());
            Availability availability = backend.availability();
            context.backend(backend.name(), availability, selected);
            if (!selected) {
                continue;
            }
            if (availability.available()) {
                console.println("  run   " + backend.name() + " " + availability.version());
                toRun.add(backend);
            } else {
                console.println("  skip  " + backend.name() + ": " + availability.reason());
            }
        }
        toRun.sort(Comparator.comparing(Backend::name));
        if (toRun.isEmpty()) {
            console.println("  no selected backend is available here: nothing to run");
        }
        List<Variant> variants = variants(toRun);
        context.variants(variants.stream().map(Variant::label).toList());
        int total = variants.size() * settings.nps().size() * settings.benchmarksPerGroup();
        console.println("  " + total + " benchmarks x " + settings.forks() + " fork(s), one job each; results in "
                + files.json());

        List<RunResult> results = new ArrayList<>();
        List<FailedJob> failed = new ArrayList<>();
        Path work = Files.createTempDirectory("jmpi-bench-");
        int[] counter = {0};
        try (JmhLinkGuard guard = JmhLinkGuard.watch(() -> stopForStranger(files));
             PrintStream log = new PrintStream(new FileOutputStream(files.log().toFile()), true,
                     StandardCharsets.UTF_8)) {
            for (Variant variant : variants) {
                for (int np : settings.nps()) {
                    int failedBefore = failed.size();
                    runGroup(variant, np, work, log, counter, total, results, failed);
                    failed.subList(failedBefore, failed.size()).forEach(context::failed);
                    // Save after every group: a run stopped half-way (Ctrl-C, a crash) keeps what finished.
                    save(files, context, results, false, counter[0], total);
                }
            }
        } finally {
            deleteTree(work);
        }
        save(files, context, results, true, counter[0], total);

        // A backend whose every idle variant was skipped did not run.
        List<String> backendsRun = variants.stream().map(Variant::backend).distinct().toList();
        console.print(SummaryTable.render(results, variants.stream().map(Variant::label).toList(), settings));
        console.println();
        if (!failed.isEmpty()) {
            console.println("failed jobs (" + failed.size() + "):");
            for (FailedJob job : failed) {
                console.println("  " + job.backend() + " np=" + job.np() + " " + job.benchmark() + " "
                        + job.params() + ": " + job.reason());
            }
        }
        console.println("results: " + files.json());
        console.println("         " + files.context());
        console.println("         " + files.csv());
        return new Outcome(files.json(), files.context(), files.csv(), files.log(), results, failed, backendsRun);
    }

    /**
     * A stranger broke JMH's link ({@link JmhLinkGuard}): no fork can report to JMH any more and JMH would wait
     * for the stranger, so the run ends here, with one line, its forks and their jobs stopped.
     */
    private static void stopForStranger(ResultFiles files) {
        System.err.println("jmpi-bench: bench stopped: a connection that was not a JMH fork reached JMH's link port "
                + "in this JVM, and JMH 1.37 then serves no fork any more (see README, Who can connect); "
                + (Files.exists(files.json()) ? "results of the groups that finished: " + files.json()
                : "no group had finished"));
        ProcessHandle.current().children().forEach(fork -> ProcessReaper.killTree(fork, STOP_GRACE_MILLIS));
        Runtime.getRuntime().exit(BenchCommand.FAILED);
    }

    private static void save(ResultFiles files, RunContext context, List<RunResult> results, boolean complete,
                             int done, int total) throws IOException {
        context.progress(ZonedDateTime.now(), files.json().getFileName().toString(), complete, done, total);
        files.writeResults(results);
        files.writeContext(context.toJson());
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
    private List<Variant> variants(List<Backend> backends) {
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
                console.println("  skip  " + backend.name() + " idle=" + String.join(",", skipped) + ": "
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
    private void runGroup(Variant variant, int np, Path work, PrintStream log, int[] counter, int total,
                          List<RunResult> results, List<FailedJob> failed) throws IOException {
        List<BenchKey> all = BenchKey.matrix(settings);
        Attempt first = attempt(variant, np, all, work, log, counter, total);
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
                continue;
            }
            Attempt single = attempt(variant, np, List.of(key), work, log, counter, total);
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
    private record Attempt(List<RunResult> results, List<BenchKey> ran, FailedJob failure) {
    }

    private Attempt attempt(Variant variant, int np, List<BenchKey> keys, Path work, PrintStream log,
                            int[] counter, int total) throws IOException {
        String backend = variant.backend();
        Path failures = Files.createTempFile(work, "failures-" + backend + "-" + variant.idle().cliName() + "-np"
                + np + "-", ".log");
        Path wrapper = WrapperScript.write(work, backend, variant.idle(), np, settings.jobTimeoutSeconds(),
                failures, System.getProperty("java.class.path"));
        ProgressFormat progress = new ProgressFormat(OutputFormatFactory.createFormatInstance(log,
                VerboseMode.NORMAL), console, counter, total);
        try {
            List<RunResult> results = new ArrayList<>(new Runner(options(variant, np, keys, wrapper), progress).run());
            return new Attempt(results, progress.started(), null);
        } catch (RunnerException | RuntimeException e) {
            BenchmarkParams running = progress.running();
            String reason = failureReason(failures, e);
            progress.failed(reason);
            FailedJob job = new FailedJob(variant.label(), np, running == null ? "" : running.getBenchmark(),
                    running == null ? "" : describe(running), reason);
            // Keep what finished before the failure.
            return new Attempt(progress.finished(), progress.started(), job);
        }
    }

    /** JMH options running {@code keys} (a full matrix, or one benchmark) for one (backend, idle, np). */
    private org.openjdk.jmh.runner.options.Options options(Variant variant, int np, List<BenchKey> keys,
                                                           Path wrapper) {
        ChainedOptionsBuilder builder = new OptionsBuilder();
        keys.stream().map(BenchKey::op).distinct().forEach(op -> builder.include(op.includePattern()));
        return builder
                .param("backend", variant.backend())
                .param("idle", variant.idle().cliName())
                .param("np", Integer.toString(np))
                .param("size", keys.stream().map(k -> String.valueOf(k.size())).distinct().toArray(String[]::new))
                .param("buffer", keys.stream().map(k -> k.buffer().cliName()).distinct().toArray(String[]::new))
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
                .addProfiler(RankMetricsProfiler.class)
                .shouldFailOnError(true)
                .shouldDoGC(false)
                .build();
    }

    /** Every rank's JVM options: heap and direct memory for the largest message, the watchdog's limit. */
    List<String> jvmArgs(int np) {
        int maxSize = settings.sizes().stream().max(Integer::compare).orElseThrow();
        long heapMiB = MemoryPlan.heapBytes(maxSize, np) >> 20;
        return List.of("-Xms" + Math.min(heapMiB, 256) + "m", "-Xmx" + heapMiB + "m",
                "-XX:MaxDirectMemorySize=" + heapMiB + "m",
                "-D" + Watchdog.TIMEOUT_PROPERTY + "=" + settings.watchdogSeconds());
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

    static String hostName() {
        // From the kernel, not DNS: the machine may have no resolver, and we talk to 127.0.0.0/8 only.
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not Linux: fall through.
        }
        String env = System.getenv().getOrDefault("HOSTNAME", "");
        return env.isBlank() ? "localhost" : env;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp dir left behind is harmless.
        }
    }
}
