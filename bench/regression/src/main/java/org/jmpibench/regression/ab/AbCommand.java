package org.jmpibench.regression.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jmpibench.regression.AbSide;
import org.jmpibench.regression.BlockDesign;
import org.jmpibench.regression.BlockedComparison;
import org.jmpibench.regression.ComparisonOptions;
import org.jmpibench.regression.ThresholdConverter;
import org.jmpibench.regression.Thresholds;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.Machine;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ab --base REV [--head REV] [-- BENCH OPTIONS]}: the same-machine A/B regression gate. Builds both revisions
 * ({@link RevisionBuilder}), measures them together in blocks of forks ({@link AbRun}), compares them
 * ({@link org.jmpibench.regression.BlockedComparison}) and writes both sides as JMH JSON and the comparison as text,
 * Markdown and JSON. Why the design and the defaults: {@code bench/regression/README.md}.
 */
@Command(
        name = "ab",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "A/B regression gate: builds two revisions and measures them on this machine in one run, "
                    + "interleaved fork by fork in ABBA/BAAB blocks, then compares them per benchmark.",
            "Bench options after -- replace those of the CI matrix of the same name (default matrix: "
                    + "send on loopback and shm, 1 and 64Ki ints, np 2)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression",
            "1:a regression, or a fork failed (what it measured is kept and said)",
            "2:bad input: an unknown revision, a revision that does not build, a dirty work tree with "
                    + "--require-clean, bench options a side refuses"
        })
public final class AbCommand implements Callable<Integer> {

    static final int DEFAULT_BLOCKS = 16;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--base",
            required = true,
            paramLabel = "REV",
            description = "The reference: any git revision (main, a tag, a commit, HEAD~3).")
    private String base;

    @Option(
            names = "--head",
            paramLabel = "REV",
            description = "The revision under test (default: the work tree as it is, built in place).")
    private String head;

    @Option(
            names = "--blocks",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_BLOCKS,
            description = "Blocks of 4 forks (A B B A, then B A A B, ...) (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(
            names = "--time-budget",
            paramLabel = "DURATION",
            defaultValue = "12m",
            description = "Start no block that would end after this much measuring (builds not counted); 0 for "
                    + "none (default: ${DEFAULT-VALUE}). E.g. 90s, 12m, 1h.")
    private String timeBudget;

    @Option(
            names = "--threshold",
            paramLabel = "[SELECTOR=]PERCENT",
            converter = ThresholdConverter.class,
            description = "Smallest change that counts (default: 5%%); repeat with SELECTOR=PERCENT for some "
                    + "benchmarks, e.g. op:send,backend:shm=15%%.")
    private List<Thresholds.Rule> thresholds = new ArrayList<>();

    @Option(
            names = "--alpha",
            paramLabel = "P",
            defaultValue = "" + BlockedComparison.DEFAULT_ALPHA,
            description = "Chance that a run of unchanged code flags any benchmark, shared among them "
                    + "(Bonferroni) (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--secondary", description = "Also compare secondary metrics (slowestRank, handTimed).")
    private boolean secondary;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the run's files go (default: results/ab/<yyyyMMdd-HHmmss>-<host>).")
    private Path out;

    @Option(names = "--changed-only", description = "Leave the unchanged rows out of the table printed.")
    private boolean changedOnly;

    @Option(
            names = "--require-clean",
            description = "Refuse a work tree with uncommitted changes to tracked files (when head is the work tree).")
    private boolean requireClean;

    @Option(
            names = "--base-env",
            paramLabel = "NAME=VALUE",
            description = "Environment for base's forks only. For validating the gate, e.g. "
                    + "JMPI_BENCH_TEST_SLOWDOWN=shm:send:0.25 plants a known slowdown; the verdict says so.")
    private Map<String, String> baseEnv = new LinkedHashMap<>();

    @Option(
            names = "--head-env",
            paramLabel = "NAME=VALUE",
            description = "Environment for head's forks only (as --base-env).")
    private Map<String, String> headEnv = new LinkedHashMap<>();

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The git repository (default: the one holding " + "the current directory).")
    private Path repo;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Where commits are checked out and built, once each (default: ~/.cache/jmpi-bench/ab).")
    private Path cache;

    @Option(
            names = "--mvn",
            paramLabel = "CMD",
            defaultValue = "mvn",
            description = "The Maven executable for the builds (default: ${DEFAULT-VALUE}).")
    private String mvn;

    @Option(names = "--mvn-arg", paramLabel = "ARG", description = "An extra argument for every build, e.g. -o.")
    private List<String> mvnArgs = new ArrayList<>();

    @Option(
            names = "--fork-timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "Stop a fork that runs longer (default: ${DEFAULT-VALUE}).")
    private String forkTimeout;

    @Parameters(
            paramLabel = "BENCH_OPTION",
            arity = "0..*",
            description = "After --: options for every fork's 'bench', e.g. -- --backends shm --sizes 1,1Ki")
    private List<String> benchArgs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream console = System.out;
        try {
            if (blocks < 1) {
                throw new AbInputException("--blocks must be at least 1, not " + blocks);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new AbInputException("--alpha must be in (0, 1), not " + alpha);
            }
            Duration budget = duration("--time-budget", timeBudget, true);
            Duration forkLimit = duration("--fork-timeout", forkTimeout, false);
            BenchArgs.check(benchArgs);
            checkOut();
            Path repository = Git.topLevel(repo == null ? Path.of("").toAbsolutePath() : repo.toAbsolutePath());
            Path running = FromCopy.runningJar();
            if (head == null && FromCopy.needed(running, repository)) {
                List<String> original = spec.commandLine().getParseResult().originalArgs();
                int name = original.indexOf(spec.name());
                FromCopy.runAndExit(running, original.subList(name + 1, original.size()));
            }
            List<String> maven = new ArrayList<>(List.of(mvn));
            maven.addAll(mvnArgs);
            ChildProcess builds = new ChildProcess();
            RevisionBuilder builder = new RevisionBuilder(
                    repository,
                    cache == null ? RevisionBuilder.defaultCache() : cache.toAbsolutePath(),
                    maven,
                    console,
                    builds);
            // Stopped while building (SIGTERM): stop the build too, not leave it writing into the cache.
            Thread stopBuild = new Thread(builds::close, "ab-stop-build");
            Runtime.getRuntime().addShutdownHook(stopBuild);
            Revision baseRevision;
            Revision headRevision;
            try {
                baseRevision = builder.commit(base, "--base");
                headRevision = head == null ? builder.workTree(requireClean) : builder.commit(head, "--head");
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopBuild);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is stopping the build
                }
            }
            Path outDir = outDir();
            Map<AbSide, Map<String, String>> env = new EnumMap<>(AbSide.class);
            env.put(AbSide.BASE, baseEnv);
            env.put(AbSide.HEAD, headEnv);
            ComparisonOptions options = new ComparisonOptions(
                    Thresholds.from(thresholds, BlockedComparison.DEFAULT_THRESHOLD), alpha, secondary);
            console.println("ab: base " + baseRevision.describe() + " (" + base + "), head " + headRevision.describe()
                    + " (" + (head == null ? Revision.WORK_TREE : head) + "); " + blocks + " blocks x "
                    + BlockDesign.FORKS_PER_BLOCK + " forks of: bench "
                    + String.join(" ", BenchArgs.forFork(benchArgs, "FORK_DIR"))
                    + (budget == null ? "" : "; time budget " + timeBudget) + "; files in " + outDir);
            return new AbRun(
                            new AbRun.Settings(
                                    baseRevision,
                                    headRevision,
                                    benchArgs,
                                    blocks,
                                    budget,
                                    forkLimit,
                                    options,
                                    env,
                                    outDir,
                                    changedOnly),
                            console)
                    .run();
        } catch (AbInputException | ResultsFileException e) {
            err.println("jmpi-bench ab: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("jmpi-bench ab: " + IoCause.of(e));
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("jmpi-bench ab: interrupted while building");
            err.flush();
            return 1;
        }
    }

    /** A given {@code --out} must be new or empty: checked before anything is built. */
    private void checkOut() throws IOException {
        if (out == null) {
            return;
        }
        Path dir = out.toAbsolutePath();
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new AbInputException("--out " + out + " is not empty; give a new directory");
                }
            }
        } else if (Files.exists(dir)) {
            throw new AbInputException("--out " + out + " is a file, not a directory");
        }
    }

    /** The run's directory, claimed: a name no other run has. */
    private Path outDir() throws IOException {
        if (out != null) {
            Path dir = out.toAbsolutePath();
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AbInputException("--out " + out + ": cannot be created (" + IoCause.of(e) + ")");
            }
        }
        Path parent = Path.of("results", "ab").toAbsolutePath();
        String stem = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + RunFiles.fileSafe(Machine.hostName());
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new AbInputException("cannot create " + parent + " (" + IoCause.of(e) + "); give --out");
        }
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(parent.resolve(n == 1 ? stem : stem + "-" + n));
            } catch (FileAlreadyExistsException taken) {
                // the next name
            }
        }
    }

    /** {@code 90s}, {@code 12m}, {@code 1h}, {@code 0} (none, where allowed). */
    static Duration duration(String option, String text, boolean zeroMeansNone) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long value;
            Duration unit;
            if (t.endsWith("ms")) {
                value = Long.parseLong(t.substring(0, t.length() - 2));
                unit = Duration.ofMillis(1);
            } else if (t.endsWith("s")) {
                value = Long.parseLong(t.substring(0, t.length() - 1));
                unit = Duration.ofSeconds(1);
            } else if (t.endsWith("m")) {
                value = Long.parseLong(t.substring(0, t.length() - 1));
                unit = Duration.ofMinutes(1);
            } else if (t.endsWith("h")) {
                value = Long.parseLong(t.substring(0, t.length() - 1));
                unit = Duration.ofHours(1);
            } else {
                value = Long.parseLong(t);
                unit = Duration.ofSeconds(1);
            }
            if (value == 0 && zeroMeansNone) {
                return null;
            }
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return unit.multipliedBy(value);
        } catch (NumberFormatException e) {
            throw new AbInputException(option + " '" + text + "' is not a duration such as 90s, 12m, 1h"
                    + (zeroMeansNone ? " (or 0 for none)" : ""));
        }
    }

    /** Runs {@code ab} by itself. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AbCommand()).execute(args));
    }
}
