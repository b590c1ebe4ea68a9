package org.jmpibench.harness.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.job.Watchdog;
import org.jmpibench.launcher.MpirunArgs;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.jmpibench.results.RunFiles;
import org.jmpibench.results.Sizes;
import org.jmpibench.spi.Idle;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Everything one run needs, validated: which backends, operations, sizes, rank counts and buffer kinds, where results
 * go, and JMH's iteration settings. Built from a {@link Profile}'s defaults, then {@code bench.*} system properties,
 * then explicit values (the command line), each later one winning.
 *
 * @param backends empty means every backend on the class path
 * @param idles the idle (waiting) strategies to run each backend with; {@code [default]} unless asked
 * @param jdks the JDKs the jobs' ranks run on, one per feature release; the harness's own unless asked
 * @param root the root of the rooted collectives ({@link Root}: a rank of every job, or {@code rotate})
 * @param profilers JMH profilers as JMH's {@code -prof} takes them ({@code gc}, {@code stack:lines=5}), beside the
 *     harness's own
 * @param jvmArgs options for every rank's JVM, after the harness's own (so a later {@code -Xmx} wins)
 * @param resultFormat the format of the copy written beside the JSON results ({@code -rf}): {@code json} for none, or a
 *     key of {@link RunFiles#COPY_SUFFIXES}
 * @param mpirunArgs extra {@code mpirun} arguments for the openmpi backend ({@link MpirunArgs})
 */
public record BenchSettings(
        List<String> backends,
        List<Operation> ops,
        List<Integer> sizes,
        List<Integer> nps,
        List<BufferKind> buffers,
        List<Idle> idles,
        List<RunJdk> jdks,
        String root,
        Path resultsDir,
        Profile profile,
        int forks,
        int warmupIterations,
        TimeValue warmupTime,
        int measurementIterations,
        TimeValue measurementTime,
        long watchdogSeconds,
        List<String> profilers,
        List<String> jvmArgs,
        String resultFormat,
        List<String> mpirunArgs) {

    /** The value of {@code -rf} that asks for no copy beside the JSON results. */
    public static final String JSON_ONLY = "json";
    /** The copy beside the JSON results unless asked otherwise: JMH's own default result format. */
    public static final String DEFAULT_RESULT_FORMAT = "csv";

    public static final int MIN_NP = 2;
    public static final int MAX_NP = 64;
    public static final int MAX_FORKS = 100;
    public static final int MAX_ITERATIONS = 10_000;
    /** The value of {@code --ops} that names every operation. */
    public static final String ALL_OPS = "all";

    public BenchSettings {
        backends = List.copyOf(backends);
        ops = List.copyOf(ops);
        sizes = List.copyOf(sizes);
        nps = List.copyOf(nps);
        buffers = List.copyOf(buffers);
        idles = List.copyOf(idles);
        profilers = List.copyOf(profilers);
        jvmArgs = List.copyOf(jvmArgs);
        mpirunArgs = List.copyOf(mpirunArgs);
        if (!resultFormat.equals(JSON_ONLY) && !RunFiles.COPY_SUFFIXES.containsKey(resultFormat)) {
            throw new IllegalArgumentException("unknown result format '" + resultFormat + "' (-rf); formats: "
                    + JSON_ONLY + ", " + String.join(", ", RunFiles.COPY_SUFFIXES.keySet()));
        }
        profilers.forEach(BenchSettings::checkProfiler);
        jdks = List.copyOf(jdks);
        if (ops.isEmpty()
                || sizes.isEmpty()
                || nps.isEmpty()
                || buffers.isEmpty()
                || idles.isEmpty()
                || jdks.isEmpty()) {
            throw new IllegalArgumentException(
                    "ops, sizes, np, buffer, idle and jdk must each name at least one " + "value");
        }
        for (int np : nps) {
            checkNp(np);
        }
        if (forks < 1 || forks > MAX_FORKS) {
            throw new IllegalArgumentException(
                    "forks must be 1.." + MAX_FORKS + " (every fork is a fresh job), got " + forks);
        }
        checkRange("warm-up iterations", warmupIterations, 0);
        checkRange("measurement iterations", measurementIterations, 1);
        if (watchdogSeconds < 1) {
            throw new IllegalArgumentException("watchdog seconds must be positive, got " + watchdogSeconds);
        }
        int minNp = nps.stream().min(Integer::compare).orElseThrow();
        int rootRank = Root.rank(root);
        if (rootRank >= minNp && ops.stream().anyMatch(Operation::rooted)) {
            throw new IllegalArgumentException(
                    "root " + root + " is not a rank of every job: np " + minNp + " has ranks 0.." + (minNp - 1));
        }
        int maxNp = nps.stream().max(Integer::compare).orElseThrow();
        int maxSize = sizes.stream().max(Integer::compare).orElseThrow();
        MemoryPlan.checkFits(ops, maxSize, maxNp, rootRank);
    }

    /** Builds settings from named values; a null value falls back to {@code bench.<key>}, then the profile. */
    public static final class Builder {
        private String profile;
        private String backends;
        private String ops;
        private String sizes;
        private String nps;
        private String buffers;
        private String idles;
        private String jdks;
        private String root;
        private String resultsDir;
        private String forks;
        private String warmupIterations;
        private String warmupTime;
        private String measurementIterations;
        private String measurementTime;
        private String watchdogSeconds;
        private List<String> profilers;
        private String jvmArgs;
        private String resultFormat;
        private String mpirunArgs;

        public Builder profile(String value) {
            profile = value;
            return this;
        }

        public Builder backends(String value) {
            backends = value;
            return this;
        }

        public Builder ops(String value) {
            ops = value;
            return this;
        }

        public Builder sizes(String value) {
            sizes = value;
            return this;
        }

        public Builder nps(String value) {
            nps = value;
            return this;
        }

        public Builder buffers(String value) {
            buffers = value;
            return this;
        }

        public Builder idles(String value) {
            idles = value;
            return this;
        }

        public Builder jdks(String value) {
            jdks = value;
            return this;
        }

        public Builder root(String value) {
            root = value;
            return this;
        }

        public Builder resultsDir(String value) {
            resultsDir = value;
            return this;
        }

        public Builder forks(String value) {
            forks = value;
            return this;
        }

        public Builder warmupIterations(String value) {
            warmupIterations = value;
            return this;
        }

        public Builder warmupTime(String value) {
            warmupTime = value;
            return this;
        }

        public Builder measurementIterations(String value) {
            measurementIterations = value;
            return this;
        }

        public Builder measurementTime(String value) {
            measurementTime = value;
            return this;
        }

        public Builder watchdogSeconds(String value) {
            watchdogSeconds = value;
            return this;
        }

        public Builder profilers(List<String> value) {
            profilers = value;
            return this;
        }

        public Builder jvmArgs(String value) {
            jvmArgs = value;
            return this;
        }

        public Builder resultFormat(String value) {
            resultFormat = value;
            return this;
        }

        public Builder mpirunArgs(String value) {
            mpirunArgs = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the option and the bad value */
        public BenchSettings build() {
            Profile chosen = Profile.byName(pick(profile, "profile", "quick"));
            String backendList = pick(backends, "backends", "");
            return new BenchSettings(
                    backendList.isBlank() ? List.of() : list(backendList, "backends", String::strip),
                    operations(pick(
                            ops,
                            "ops",
                            join(chosen.ops.stream().map(Operation::cliName).toList()))),
                    Sizes.parseList(pick(
                            sizes,
                            "sizes",
                            join(chosen.sizes.stream().map(Sizes::format).toList()))),
                    list(
                            pick(
                                    nps,
                                    "np",
                                    join(Profile.DEFAULT_NPS.stream()
                                            .map(String::valueOf)
                                            .toList())),
                            "np",
                            BenchSettings::parseNp),
                    list(
                            pick(
                                    buffers,
                                    "buffer",
                                    join(chosen.buffers.stream()
                                            .map(BufferKind::cliName)
                                            .toList())),
                            "buffer",
                            BufferKind::byName),
                    list(pick(idles, "idle", Idle.DEFAULT.cliName()), "idle", Idle::byName),
                    RunJdk.parse(pick(jdks, "jdk", "")),
                    rootValue(pick(root, "root", Root.NEUTRAL)),
                    Path.of(pick(resultsDir, "resultsDir", "results")),
                    chosen,
                    integer("forks", pick(forks, "forks", Integer.toString(chosen.forks))),
                    integer(
                            "warm-up iterations",
                            pick(warmupIterations, "warmupIterations", Integer.toString(chosen.warmupIterations))),
                    time("warm-up time", pick(warmupTime, "warmupTime", chosen.warmupTime)),
                    integer(
                            "measurement iterations",
                            pick(measurementIterations, "iterations", Integer.toString(chosen.measurementIterations))),
                    time("measurement time", pick(measurementTime, "time", chosen.measurementTime)),
                    integer(
                            "watchdog seconds",
                            pick(watchdogSeconds, "watchdogSeconds", Long.toString(Watchdog.DEFAULT_TIMEOUT_SECONDS))),
                    profilers != null && !profilers.isEmpty() ? profilers : words(pick(null, "profilers", ""), ","),
                    words(pick(jvmArgs, "jvmArgs", ""), "\\s+"),
                    pick(resultFormat, "resultFormat", DEFAULT_RESULT_FORMAT).strip(),
                    words(pick(mpirunArgs, "mpirunArgs", ""), "\\s+"));
        }

        /** The non-blank parts of {@code text} split at {@code separator}. */
        private static List<String> words(String text, String separator) {
            return Arrays.stream(text.strip().split(separator))
                    .map(String::strip)
                    .filter(w -> !w.isEmpty())
                    .toList();
        }

        private static String pick(String explicit, String key, String fallback) {
            if (explicit != null && !explicit.isBlank()) {
                return explicit;
            }
            String property = System.getProperty("bench." + key);
            return property != null && !property.isBlank() ? property : fallback;
        }
    }

    /**
     * Benchmarks of one (backend, np) group ({@link BenchKey#matrix}: operation x size x buffer, a size-less operation
     * once); each runs {@code forks} jobs.
     */
    public int benchmarksPerGroup() {
        return BenchKey.matrix(this).size();
    }

    /**
     * A first guess at one benchmark's time, before any has run: every fork is a fresh job whose JVMs take
     * {@value #JOB_START_SECONDS} s or so to start, then warm-up and measurement iterations. Progress lines replace it
     * with the measured average as soon as a benchmark has finished.
     */
    public double plannedSecondsPerBenchmark() {
        long iterationsNs = warmupIterations * warmupTime.convertTo(TimeUnit.NANOSECONDS)
                + measurementIterations * measurementTime.convertTo(TimeUnit.NANOSECONDS);
        return forks * (JOB_START_SECONDS + iterationsNs / 1e9);
    }

    /** Seconds to start one job's JVMs and connect its ranks, as seen on a 2-core machine. */
    static final double JOB_START_SECONDS = 3;

    /** Upper bound of one job's run time, for the launcher's last-resort time limit. */
    public long jobTimeoutSeconds() {
        long iterationsNs = warmupIterations * warmupTime.convertTo(TimeUnit.NANOSECONDS)
                + measurementIterations * measurementTime.convertTo(TimeUnit.NANOSECONDS);
        // Each iteration may overrun by a batch and runs a validation and a hand-timed loop; JVM start-up is
        // slow when the machine is loaded; the watchdog (per step) should always fire first.
        long iterations = warmupIterations + measurementIterations;
        return 120 + 3 * TimeUnit.NANOSECONDS.toSeconds(iterationsNs) + iterations * watchdogSeconds;
    }

    /** {@code --ops}: a list of operations, or {@value #ALL_OPS}. */
    private static List<Operation> operations(String text) {
        if (text.strip().equals(ALL_OPS)) {
            return List.of(Operation.values());
        }
        return list(text, "ops", Operation::byName);
    }

    /** {@code --root}: a rank or {@code rotate}, kept as the parameter's value. */
    private static String rootValue(String text) {
        return Root.value(Root.rank(text));
    }

    /** A profiler JMH cannot load or run here is bad input, found before anything runs. */
    private static void checkProfiler(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        ProfilerConfig config =
                colon < 0 ? new ProfilerConfig(spec) : new ProfilerConfig(name, spec.substring(colon + 1));
        try {
            ProfilerFactory.getProfilerOrException(config);
        } catch (ProfilerException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains(ClassNotFoundException.class.getSimpleName())) {
                throw new IllegalArgumentException("unknown profiler '" + name + "' (-prof); profilers that run here: "
                        + String.join(", ", supportedProfilers()));
            }
            throw new IllegalArgumentException("profiler '" + spec + "' (-prof) cannot run here: "
                    + why.strip().lines().findFirst().orElse(""));
        }
    }

    /** The names of the profilers JMH says run on this machine, from its own list. */
    private static List<String> supportedProfilers() {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        ProfilerFactory.listProfilers(new PrintStream(listing, true, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        boolean supported = false;
        for (String line : listing.toString(StandardCharsets.UTF_8).lines().toList()) {
            if (line.startsWith("Supported profilers")) {
                supported = true;
            } else if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                supported = false;
            } else if (supported && line.contains(":")) {
                names.add(line.substring(0, line.indexOf(':')).strip());
            }
        }
        return names;
    }

    static int parseNp(String text) {
        int np;
        try {
            np = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad np '" + text + "': expected a number of ranks, " + MIN_NP + ".." + MAX_NP);
        }
        checkNp(np);
        return np;
    }

    private static void checkNp(int np) {
        if (np < MIN_NP || np > MAX_NP) {
            throw new IllegalArgumentException("np must be " + MIN_NP + ".." + MAX_NP + ", got " + np);
        }
    }

    private static void checkRange(String what, int value, int min) {
        if (value < min || value > MAX_ITERATIONS) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + MAX_ITERATIONS + ", got " + value);
        }
    }

    private static int integer(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + text + "': expected a whole number");
        }
    }

    /** JMH-style durations: 200ms, 1s, 2min; a bare number means seconds, like JMH's -w and -r. */
    static TimeValue time(String what, String text) {
        String s = text.strip();
        try {
            TimeValue value = s.chars().allMatch(Character::isDigit) && !s.isEmpty()
                    ? TimeValue.seconds(Long.parseLong(s))
                    : TimeValue.fromString(s);
            if (value.convertTo(TimeUnit.NANOSECONDS) <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "bad " + what + " '" + text + "': expected a positive duration such " + "as 200ms, 1s");
        }
    }

    private static <T> List<T> list(String text, String what, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty value in " + what + " '" + text + "'");
            }
            T value = parse.apply(part.strip());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static String join(List<String> parts) {
        return String.join(",", parts);
    }

    @Override
    public String toString() {
        return "backends=" + (backends.isEmpty() ? "all" : backends) + " ops="
                + ops.stream().map(Operation::cliName).toList() + " sizes="
                + sizes.stream().map(Sizes::describe).toList() + " np=" + nps + " buffer="
                + buffers.stream().map(BufferKind::cliName).toList()
                + (idles.equals(List.of(Idle.DEFAULT))
                        ? ""
                        : " idle=" + idles.stream().map(Idle::cliName).toList())
                + (jdks.equals(List.of(RunJdk.harnessJdk()))
                        ? ""
                        : " jdk=" + jdks.stream().map(RunJdk::release).toList())
                + (Root.NEUTRAL.equals(root) ? "" : " root=" + root)
                + " profile=" + profile.cliName()
                + " -f " + forks + " -wi " + warmupIterations + " -w " + warmupTime + " -i " + measurementIterations
                + " -r " + measurementTime
                + (profilers.isEmpty() ? "" : " -prof " + String.join(",", profilers))
                + (jvmArgs.isEmpty() ? "" : " -jvmArgs '" + String.join(" ", jvmArgs) + "'")
                + " -rf " + resultFormat
                + (mpirunArgs.isEmpty() ? "" : " --mpirun-args '" + String.join(" ", mpirunArgs) + "'");
    }
}
