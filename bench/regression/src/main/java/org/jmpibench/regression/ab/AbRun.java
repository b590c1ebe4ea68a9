package org.jmpibench.regression.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jmpibench.regression.AbSide;
import org.jmpibench.regression.BlockDesign;
import org.jmpibench.regression.BlockedComparison;
import org.jmpibench.regression.ComparisonOptions;
import org.jmpibench.regression.ComparisonReport;
import org.jmpibench.regression.JsonReport;
import org.jmpibench.regression.MarkdownReport;
import org.jmpibench.regression.TextTableReport;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.ForkMerge;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;

/**
 * Measures two built revisions on this machine in one run: blocks of four forks in {@link BlockDesign}'s order, each
 * fork a fresh {@code java -jar <side's jar> bench -f 1 ...} over the whole matrix, in its own results directory. After
 * every fork it rewrites the run's files, so a run stopped at any point keeps what it measured and says how far it got:
 *
 * <pre>
 *  OUT/base.json, head.json                 every fork of a side in one JMH JSON file ({@link ForkMerge})
 *  OUT/base.context.json, head.context.json the forks' context, plus what ab knows of the side ("ab")
 *  OUT/comparison.txt, .md, .json           the comparison ({@link BlockedComparison})
 *  OUT/forks/bNN-P-SIDE/                     each fork's own run files
 *  OUT/ab.log                                every fork's output
 * </pre>
 *
 * Ctrl-C or SIGTERM stops the fork running (its finished groups stay), writes the files once more with the reason, and
 * ends. A budget of time stops it between blocks, never in one.
 */
final class AbRun {

    /**
     * What to run.
     *
     * @param benchArgs the user's {@code bench} options ({@link BenchArgs})
     * @param timeBudget the time the measurement may take; null for none
     * @param env environment added to each side's forks (gate validation: a planted slowdown)
     */
    record Settings(
            Revision base,
            Revision head,
            List<String> benchArgs,
            int blocks,
            Duration timeBudget,
            Duration forkTimeout,
            ComparisonOptions options,
            Map<AbSide, Map<String, String>> env,
            Path out,
            boolean changedOnly) {}

    /** How the run ended. */
    private enum End {
        RUNNING("in progress"),
        COMPLETE("complete"),
        BUDGET("the time budget ran out"),
        INTERRUPTED("interrupted");

        private final String words;

        End(String words) {
            this.words = words;
        }
    }

    /** What a shell reports for a command ended by SIGINT; the JVM is exiting by then anyway. */
    private static final int INTERRUPTED_STATUS = 130;

    private final Settings settings;
    private final PrintStream console;
    private final ChildProcess child = new ChildProcess();
    private final List<ForkRecord> forks = new ArrayList<>();
    private volatile boolean interrupted;
    private volatile boolean finished;
    private int blocksDone;

    AbRun(Settings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /**
     * Runs every block and writes the comparison.
     *
     * @return 0 no regression, 1 a regression or a fork that failed
     * @throws AbInputException when a side refuses the bench options
     */
    int run() throws IOException {
        Files.createDirectories(settings.out().resolve("forks"));
        Thread hook = new Thread(this::onShutdown, "ab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        End end = End.COMPLETE;
        int total = settings.blocks() * BlockDesign.FORKS_PER_BLOCK;
        long start = System.nanoTime();
        try {
            blocks:
            for (int block = 0; block < settings.blocks(); block++) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (block > 0
                        && settings.timeBudget() != null
                        && elapsed + elapsed / block > settings.timeBudget().toSeconds()) {
                    end = End.BUDGET;
                    console.println("ab: time budget " + minutes(settings.timeBudget()) + ": stopping after "
                            + block + " of " + settings.blocks() + " blocks (one more would take about "
                            + Math.round(elapsed / block) + " s)");
                    break;
                }
                List<AbSide> order = BlockDesign.order(block);
                for (int position = 0; position < order.size(); position++) {
                    if (interrupted) {
                        break blocks;
                    }
                    int number = block * BlockDesign.FORKS_PER_BLOCK + position + 1;
                    ForkRecord fork;
                    try {
                        fork = runFork(block, position, order.get(position), number, total);
                    } catch (InterruptedException e) {
                        break blocks;
                    }
                    synchronized (this) {
                        forks.add(fork);
                        update(End.RUNNING);
                    }
                    if (fork.status() == 2) {
                        throw new AbInputException(fork.side().label() + " ("
                                + revision(fork.side()).describe() + ") refused the bench options: " + fork.problem());
                    }
                }
                blocksDone = block + 1;
            }
        } finally {
            removeHook(hook);
        }
        if (interrupted) {
            return INTERRUPTED_STATUS;
        }
        ComparisonReport report;
        synchronized (this) {
            finished = true;
            report = update(end);
        }
        if (report == null) {
            console.println("ab: nothing to compare: no fork of " + (hasResults(AbSide.BASE) ? "head" : "base")
                    + " wrote results; see " + settings.out().resolve("ab.log"));
            return 1;
        }
        console.println("ab: files in " + settings.out() + ": base.json, head.json (+ .context.json), "
                + "comparison.txt, comparison.md, comparison.json, forks/, ab.log");
        console.println();
        console.print(TextTableReport.render(report, settings.changedOnly()));
        console.flush();
        return report.hasRegression() || failedForks() > 0 ? 1 : 0;
    }

    private ForkRecord runFork(int block, int position, AbSide side, int number, int total)
            throws IOException, InterruptedException {
        Revision revision = revision(side);
        Path dir = settings.out()
                .resolve("forks")
                .resolve(String.format(Locale.ROOT, "b%02d-%d-%s", block + 1, position + 1, side.label()));
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                revision.jar().toString(),
                "bench"));
        command.addAll(BenchArgs.forFork(settings.benchArgs(), dir.toString()));
        Path log = settings.out().resolve("ab.log");
        String title = String.format(
                Locale.ROOT,
                "[%2d/%d] block %d/%d %s, fork %d: %s %s",
                number,
                total,
                block + 1,
                settings.blocks(),
                BlockDesign.pattern(block),
                position + 1,
                side.label(),
                revision.describe());
        Files.writeString(
                log,
                "\n=== " + title + ": " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        console.print("ab: " + title + " ... ");
        console.flush();
        long started = System.nanoTime();
        ChildProcess.Result result = child.run(
                command, revision.checkout(), settings.env().getOrDefault(side, Map.of()), log, settings.forkTimeout());
        double seconds = (System.nanoTime() - started) / 1e9;
        String problem = result.timedOut()
                ? "no end after " + minutes(settings.forkTimeout()) + "; stopped"
                : result.status() == 0 ? null : problem(dir, result);
        console.println(
                String.format(Locale.ROOT, "%.1f s ", seconds) + (problem == null ? "ok" : "failed: " + problem));
        return new ForkRecord(block, position, side, dir, result.timedOut() ? -1 : result.status(), problem, seconds);
    }

    /** Why a fork failed: its first failed job as its context lists it, else the last lines it printed. */
    private static String problem(Path dir, ChildProcess.Result result) {
        Path json = resultsFileIn(dir);
        if (json != null && result.status() == 1) {
            try {
                List<RunContext.FailedJob> failed = RunContext.besideResults(json)
                        .map(RunContext::failedJobs)
                        .orElse(List.of());
                if (!failed.isEmpty()) {
                    RunContext.FailedJob job = failed.get(0);
                    return "job failed: " + job.backend() + " np=" + job.np() + " " + job.params() + ": " + job.reason()
                            + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
                }
            } catch (ResultsFileException unreadable) {
                // fall back to what it printed
            }
        }
        return "status " + result.status() + ": " + result.lastLines();
    }

    /** Merges each side's forks, compares, and writes every file; null while a side has no results yet. */
    private ComparisonReport update(End end) {
        if (interrupted && end != End.INTERRUPTED) {
            return null;
        }
        try {
            List<BlockedComparison.Fork> compared = new ArrayList<>();
            Map<AbSide, List<Path>> files = new LinkedHashMap<>();
            Map<AbSide, List<RunContext>> contexts = new LinkedHashMap<>();
            Map<AbSide, List<String>> names = new LinkedHashMap<>();
            for (ForkRecord fork : forks) {
                List<BenchmarkResult> results = List.of();
                Path json = resultsFileIn(fork.dir());
                if (json != null) {
                    try {
                        results = ResultsFile.read(json).results();
                        files.computeIfAbsent(fork.side(), s -> new ArrayList<>())
                                .add(json);
                        RunContext.besideResults(json).ifPresent(context -> {
                            contexts.computeIfAbsent(fork.side(), s -> new ArrayList<>())
                                    .add(context);
                            names.computeIfAbsent(fork.side(), s -> new ArrayList<>())
                                    .add(settings.out().relativize(json).toString());
                        });
                    } catch (ResultsFileException noResults) {
                        // a fork whose every job failed: it measured nothing
                    }
                }
                compared.add(new BlockedComparison.Fork(fork.block(), fork.position(), fork.side(), results));
            }
            if (!files.containsKey(AbSide.BASE) || !files.containsKey(AbSide.HEAD)) {
                return null;
            }
            ComparisonReport.Side base = writeSide(AbSide.BASE, files, contexts, names, end);
            ComparisonReport.Side head = writeSide(AbSide.HEAD, files, contexts, names, end);
            ComparisonReport report = BlockedComparison.of(
                    compared,
                    base,
                    head,
                    ResultsFile.read(base.file()).results(),
                    ResultsFile.read(head.file()).results(),
                    settings.options());
            for (String warning : warnings(end)) {
                report = report.withWarning(warning);
            }
            write("comparison.txt", TextTableReport.render(report));
            write("comparison.md", MarkdownReport.render(report));
            write("comparison.json", JsonReport.render(report));
            return report;
        } catch (IOException e) {
            console.println("ab: cannot write the run's files in " + settings.out() + " (" + IoCause.of(e)
                    + "); the next fork tries again");
            return null;
        }
    }

    private ComparisonReport.Side writeSide(
            AbSide side,
            Map<AbSide, List<Path>> files,
            Map<AbSide, List<RunContext>> contexts,
            Map<AbSide, List<String>> names,
            End end)
            throws IOException {
        Path json = settings.out().resolve(side.label() + RunFiles.RESULTS_SUFFIX);
        RunFiles.replaceAtomically(json, ForkMerge.merge(files.get(side)));
        RunContext context = null;
        if (contexts.containsKey(side)) {
            context = RunContext.ofForks(
                    contexts.get(side), names.get(side), json.getFileName().toString(), abInfo(side, end));
            RunFiles.replaceAtomically(RunFiles.contextFileOf(json), context.toJson());
        }
        return new ComparisonReport.Side(side.label(), json, context);
    }

    /** What the context of a side records of the A/B run. */
    private Map<String, Object> abInfo(AbSide side, End end) {
        Revision revision = revision(side);
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("side", side.label());
        ab.put("requested", revision.requested());
        ab.put("commit", revision.commit());
        ab.put("dirty", revision.dirty());
        ab.put("checkout", revision.checkout().toString());
        ab.put("jar", revision.jar().toString());
        ab.put("env", settings.env().getOrDefault(side, Map.of()));
        ab.put("design", "blocks of 4 forks, ABBA and BAAB alternating");
        ab.put("blocksPlanned", settings.blocks());
        ab.put("blocksDone", blocksDone);
        ab.put("state", end.words);
        ab.put("benchArgs", BenchArgs.forFork(settings.benchArgs(), "FORK_DIR"));
        return ab;
    }

    private List<String> warnings(End end) {
        List<String> warnings = new ArrayList<>();
        if (end != End.COMPLETE) {
            warnings.add("incomplete (" + end.words + "): " + blocksDone + " of " + settings.blocks() + " blocks"
                    + (end == End.BUDGET ? " (--time-budget " + minutes(settings.timeBudget()) + ")" : ""));
        }
        int failed = failedForks();
        if (failed > 0) {
            ForkRecord first =
                    forks.stream().filter(f -> f.status() != 0).findFirst().orElseThrow();
            warnings.add(failed + (failed == 1 ? " fork" : " forks") + " failed (first: " + first.describe() + ": "
                    + first.problem() + "); benchmarks a fork lacks leave its pair of forks out");
        }
        for (AbSide side : AbSide.values()) {
            settings.env()
                    .getOrDefault(side, Map.of())
                    .forEach((name, value) -> warnings.add(side.label()
                            + " ran with " + name + "=" + value + " (--" + side.label()
                            + "-env: for validating the gate,"
                            + " not a change in the code)"));
        }
        return warnings;
    }

    private int failedForks() {
        return (int) forks.stream().filter(f -> f.status() != 0).count();
    }

    private boolean hasResults(AbSide side) {
        return forks.stream().anyMatch(f -> f.side() == side && resultsFileIn(f.dir()) != null);
    }

    private Revision revision(AbSide side) {
        return side == AbSide.BASE ? settings.base() : settings.head();
    }

    private void write(String name, String text) throws IOException {
        RunFiles.replaceAtomically(settings.out().resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The one results file a fork's directory holds, or null. */
    static Path resultsFileIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(RunFiles.RESULTS_SUFFIX)
                            && !f.getFileName().toString().endsWith(RunFiles.CONTEXT_SUFFIX))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Ctrl-C, SIGTERM: stop the fork, write the files once more with the reason. */
    private void onShutdown() {
        if (finished) {
            return;
        }
        interrupted = true;
        child.close();
        synchronized (this) {
            try {
                update(End.INTERRUPTED);
            } catch (RuntimeException e) {
                console.println("ab: the last save failed (" + e.getMessage() + "); the files hold the save before");
            }
        }
        console.println();
        console.println("ab: interrupted after " + blocksDone + " of " + settings.blocks() + " blocks; what was "
                + "measured is in " + settings.out());
        console.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it wrote the files
        }
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
