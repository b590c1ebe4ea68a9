package org.jmpibench.regression;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.ResultsFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare BASELINE.json CURRENT.json}: the CI regression gate.
 *
 * <p>Prints an aligned table and a summary to standard output, optionally writes Markdown and JSON reports, and exits
 * with {@value ComparisonReport#EXIT_OK} when nothing regressed, {@value ComparisonReport#EXIT_REGRESSION} when
 * something did, and {@value ComparisonReport#EXIT_USAGE} for a usage error or an unusable input file, which is
 * reported in one line on standard error, never as a stack trace. How a verdict is reached is described in
 * {@link VerdictRule}.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Compares a JMH JSON result file against a baseline and fails on a real regression: one that is "
                + "significant (Mann-Whitney U on per-iteration scores, p < alpha) AND larger than the threshold.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression (or the baseline was updated with --update-baseline)",
            "1:at least one regression (or a missing benchmark with --fail-on-missing)",
            "2:usage error, or an input file that is missing, empty or not a JMH JSON result"
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE.json", description = "JMH JSON results of the baseline run.")
    private Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT.json", description = "JMH JSON results of the run to check.")
    private Path current;

    @Option(
            names = "--threshold",
            paramLabel = "[SELECTOR=]PERCENT",
            converter = ThresholdConverter.class,
            description = "Smallest change that counts, as the factor between medians (default: 10%%). Repeat with "
                    + "SELECTOR=PERCENT for some benchmarks: op:send=15%%, op:send,backend:shm,size:1=20%% "
                    + "(the most specific wins).")
    private List<Thresholds.Rule> thresholds = new ArrayList<>();

    @Option(
            names = "--alpha",
            paramLabel = "P",
            defaultValue = "0.01",
            description = "Significance level of the two-sided Mann-Whitney U test (default: ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown (CI comment).")
    private Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    private Path json;

    @Option(names = "--changed-only", description = "Leave the unchanged rows out of the table printed.")
    private boolean changedOnly;

    @Option(
            names = "--secondary",
            description = "Also compare secondary metrics that both runs have, as rows of their own.")
    private boolean secondary;

    @Option(
            names = "--fail-on-missing",
            description =
                    "Exit 1 when a baseline benchmark is missing from the current run (a crashed benchmark is missing).")
    private boolean failOnMissing;

    @Option(
            names = "--update-baseline",
            description = "After comparing, make CURRENT.json and its context file the new BASELINE.json and context, "
                    + "and exit 0: the comparison shown is what you accept. Records the first baseline when "
                    + "BASELINE.json does not exist yet.")
    private boolean updateBaseline;

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(alpha > 0 && alpha < 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for option '--alpha': " + alpha + " is not in (0, 1)");
        }
        try {
            if (updateBaseline) {
                BaselineStore.checkRecordable(current);
            }
            if (updateBaseline && !Files.exists(baseline)) {
                BaselineStore.record(current, baseline);
                out.println("No baseline at " + baseline + " yet: recorded " + current
                        + " and its context as the baseline.");
                out.flush();
                return ComparisonReport.EXIT_OK;
            }
            ComparisonReport report = Comparison.of(
                    baseline,
                    current,
                    new ComparisonOptions(
                            Thresholds.from(thresholds, ComparisonOptions.DEFAULT_THRESHOLD), alpha, secondary));
            out.print(TextTableReport.render(report, changedOnly));
            out.flush();
            if (markdown != null) {
                write(markdown, MarkdownReport.render(report));
            }
            if (json != null) {
                write(json, JsonReport.render(report));
            }
            if (updateBaseline) {
                BaselineStore.record(current, baseline);
                out.println("Baseline " + baseline + " replaced by " + current + " and its context.");
                out.flush();
                return ComparisonReport.EXIT_OK;
            }
            return report.exitCode(failOnMissing);
        } catch (ResultsFileException e) {
            err.println("compare: " + e.getMessage());
            err.flush();
            return ComparisonReport.EXIT_USAGE;
        } catch (RuntimeException e) {
            // A bug, not a verdict: exit 2 so that CI does not read it as "regression found" (1).
            StackTraceElement[] at = e.getStackTrace();
            err.println("compare: internal error: " + IoCause.oneLine(e.toString())
                    + (at.length > 0 ? " at " + at[0] : ""));
            err.flush();
            return ComparisonReport.EXIT_USAGE;
        }
    }

    /** Writes a report file, creating its directory. */
    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ResultsFileException("report file " + file + ": cannot be written (" + IoCause.of(e) + ")", e);
        }
    }
}
