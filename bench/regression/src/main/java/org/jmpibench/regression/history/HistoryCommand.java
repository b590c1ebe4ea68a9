package org.jmpibench.regression.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jmpibench.regression.BenchmarkSelector;
import org.jmpibench.report.TrendChart;
import org.jmpibench.results.Git;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.ResultsFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history [--select SELECTOR]... [--out DIR] RESULTS...}: a benchmark's score across many runs, in commit order
 * ({@link CommitOrder}), with its step changes found by E-divisive means ({@link EDivisive}); a table on standard
 * output, and a trend chart per benchmark with a change point (or picked with {@code --select}) in
 * {@code DIR/index.html}, with {@code DIR/history.json} for tools.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draws benchmarks' scores across many runs in commit order and flags step changes "
                    + "(E-divisive means with a permutation test, as Apache Otava and MongoDB's CI do).",
            "RESULTS are results files, or directories whose *.json files are (not their subdirectories)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (whether or not a change was found)",
            "1:the charts or the page could not be written",
            "2:bad input: a missing or unreadable results file, a bad option"
        })
public final class HistoryCommand implements Callable<Integer> {

    /** Marks a directory {@code history} wrote, so it may write there again. */
    static final String MARKER = ".jmpi-history";

    private static final int MAX_CHARTS = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "Results files or directories of them.")
    private List<Path> inputs;

    @Option(
            names = "--select",
            paramLabel = "SELECTOR",
            description = "Only these benchmarks, e.g. "
                    + "op:send,backend:shm,size:1 (repeatable); each gets a chart, changed or not.")
    private List<String> selectors = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "plots/history",
            description = "Where the charts, index.html and history.json go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The git repository that orders the commits "
                    + "(default: the one holding the current directory, if any).")
    private Path repo;

    @Option(
            names = "--significance",
            paramLabel = "P",
            defaultValue = "0.05",
            description = "A change point needs a permutation p-value of at most this (default: ${DEFAULT-VALUE}).")
    private double significance;

    @Option(
            names = "--permutations",
            paramLabel = "N",
            defaultValue = "199",
            description = "Permutations per test (default: ${DEFAULT-VALUE}).")
    private int permutations;

    @Option(
            names = "--min-runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "The fewest runs on either side of a change (default: ${DEFAULT-VALUE}).")
    private int minRuns;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<BenchmarkSelector> select = new ArrayList<>();
            for (String selector : selectors) {
                select.add(BenchmarkSelector.parse(selector));
            }
            EDivisive detector;
            try {
                detector = new EDivisive(significance, permutations, minRuns, 14);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--significance must be in (0, 1), --permutations at least 1, " + "--min-runs at least 2");
            }
            HistoryLoader.Loaded loaded = HistoryLoader.load(inputs);
            if (loaded.runs().isEmpty()) {
                throw new ResultsFileException("no results files in " + inputs);
            }
            CommitOrder.Ordered ordered = CommitOrder.of(loaded.runs(), repository());
            List<BenchmarkHistory> histories = BenchmarkHistory.of(ordered.runs(), select, detector);
            checkOut();
            stdout.print(HistoryText.render(ordered, histories, significance, permutations, minRuns));
            loaded.notes().forEach(note -> stdout.println("note: " + note));
            writeOut(histories, ordered, select.isEmpty() ? null : select);
            stdout.println("charts and page: " + out.resolve("index.html"));
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | ResultsFileException e) {
            err.println("jmpi-bench history: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("jmpi-bench history: " + out + ": " + IoCause.of(e));
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("jmpi-bench history: interrupted");
            return 1;
        }
    }

    private Path repository() throws InterruptedException {
        Path dir = repo == null ? Path.of("").toAbsolutePath() : repo.toAbsolutePath();
        try {
            Git.Output top = Git.run(dir, 60, "rev-parse", "--show-toplevel");
            if (top.ok()) {
                return Path.of(top.out().strip());
            }
        } catch (IOException noGit) {
            // ordered by time then
        }
        if (repo != null) {
            throw new IllegalArgumentException("--repo " + repo + " is not a git checkout");
        }
        return null;
    }

    /** A directory that is not empty and was not written by history is not ours to write into. */
    private void checkOut() throws IOException {
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            "--out " + out + " holds files history did not write; give " + "an empty or new directory");
                }
            }
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
    }

    private void writeOut(List<BenchmarkHistory> histories, CommitOrder.Ordered ordered, List<BenchmarkSelector> select)
            throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "written by jmpi-bench history\n");
        try (Stream<Path> old = Files.list(out)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("trend-"))
                    .toList()) {
                Files.delete(file);
            }
        }
        List<String> charts = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        for (BenchmarkHistory history : histories) {
            boolean wanted = !history.changes().isEmpty() || select != null;
            if (!wanted || charts.size() == MAX_CHARTS) {
                continue;
            }
            String stem = String.format(Locale.ROOT, "trend-%03d", charts.size() + 1);
            List<TrendChart.Point> points = new ArrayList<>();
            for (int i = 0; i < history.values().length; i++) {
                points.add(new TrendChart.Point(history.runs().get(i).label(), history.values()[i]));
            }
            String title = HistoryText.name(history);
            TrendChart.write(
                    out,
                    stem,
                    title,
                    "score (" + history.unit().label() + ")",
                    points,
                    history.changes().stream()
                            .map(BenchmarkHistory.Change::index)
                            .toList(),
                    history.levels());
            charts.add(stem);
            page.append("<h2>")
                    .append(html(title))
                    .append("</h2>\n<p>")
                    .append(html(HistoryText.changesText(history)))
                    .append("</p>\n<img src=\"")
                    .append(stem)
                    .append(".png\" alt=\"")
                    .append(html(title))
                    .append("\" width=\"1000\">\n");
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>jmpi-bench history"
                + "</title></head>\n<body style=\"font-family: sans-serif; max-width: 1040px; margin: auto\">\n"
                + "<h1>jmpi-bench history</h1>\n<p>"
                + html(ordered.runs().size() + " runs " + ordered.how()
                        + ". Each point is a run's median score; flat lines are the levels between change points (dashed)."
                        + " Labels are short commits, * for a dirty tree.")
                + "</p>\n"
                + (charts.isEmpty()
                        ? "<p>No change point" + (select == null ? "" : " and no benchmark selected") + ".</p>\n"
                        : "")
                + page + "</body></html>\n";
        Files.writeString(out.resolve("index.html"), html, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("history.json"), json(histories, ordered), StandardCharsets.UTF_8);
    }

    private static String json(List<BenchmarkHistory> histories, CommitOrder.Ordered ordered) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("order", ordered.how());
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (BenchmarkHistory history : histories) {
            ObjectNode node = benchmarks.addObject();
            node.put("benchmark", history.key().benchmark());
            history.key().params().forEach(node.putObject("params")::put);
            node.put("unit", history.unit().label());
            ArrayNode runs = node.putArray("runs");
            for (int i = 0; i < history.values().length; i++) {
                HistoryRun run = history.runs().get(i);
                runs.addObject()
                        .put("file", run.file().toString())
                        .put("commit", run.commit())
                        .put("dirty", run.dirty())
                        .put(
                                "started",
                                DateTimeFormatter.ISO_INSTANT.format(
                                        run.started().atZone(ZoneOffset.UTC)))
                        .put("score", history.values()[i]);
            }
            ArrayNode changes = node.putArray("changes");
            for (BenchmarkHistory.Change change : history.changes()) {
                HistoryRun run = history.runs().get(change.index());
                changes.addObject()
                        .put("index", change.index())
                        .put("commit", run.commit())
                        .put("before", change.before())
                        .put("after", change.after())
                        .put("change", change.ratio() - 1)
                        .put("pValue", change.pValue())
                        .put("machineChanged", change.machine());
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Runs {@code history} by itself. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new HistoryCommand()).execute(args));
    }
}
