package org.jmpibench.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plot [--out DIR] [--force] RESULTS.json [MORE.json...]}: charts and an HTML page from JMH results files.
 *
 * <p>Writes, by default under {@code plots/<run>/} (run = the results file's base name; {@code A_vs_B} for several
 * files), for each operation and rank count a time-vs-size chart, for "send" a bandwidth-vs-size chart, for each
 * operation and size measured at two rank counts or more a time-vs-ranks chart, each as PNG and SVG, and
 * {@code index.html}. See {@link OutputDirectory} for when an existing directory is replaced.
 *
 * <p>Exit codes: 0 done; {@value #EXIT_BAD_INPUT} bad input, refused output directory or usage error;
 * {@value #EXIT_FAILED} drawing or writing failed. Errors are one line on stderr, never a stack trace. Registered as a
 * subcommand of the main CLI, or run alone via {@link #main}.
 */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Draw comparison charts (PNG, SVG) and an offline HTML page from JMH JSON results files.",
        footer = {"", "Several files are drawn in the same charts, each line labelled with its run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:drawing or writing failed (no fonts, disk full)",
            "2:bad input (missing, empty or foreign results file), refused output directory, usage"
        })
public final class PlotCommand implements Callable<Integer> {
    /**
     * Exit code for input the report cannot use (missing, unreadable, empty or foreign results file) and an output
     * directory it must not replace; the same as picocli's usage error, as in the rest of the command line.
     */
    public static final int EXIT_BAD_INPUT = CommandLine.ExitCode.USAGE;

    /** Exit code when reading went fine but drawing or writing failed (no fonts, disk full). */
    public static final int EXIT_FAILED = CommandLine.ExitCode.SOFTWARE;

    static {
        // Charts are drawn off-screen: never look for a display (CI, ssh, containers).
        System.setProperty("java.awt.headless", "true");
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: plots/<run> under the working directory).")
    Path out;

    @Option(names = "--force", description = "Replace an output directory that holds another run's report.")
    boolean force;

    @Parameters(
            arity = "1..*",
            paramLabel = "RESULTS.json",
            description = "JMH results (-rf json); X.context.json beside X.json is shown on the page if present.")
    List<Path> results;

    /** Runs {@code plot} alone; exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new PlotCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Path directory = plot();
            stdout.println("plot: wrote " + directory.resolve("index.html"));
            stdout.flush();
            return 0;
        } catch (ReportException e) {
            err.println("plot: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    /** Reads, draws and writes; returns the report's directory. */
    Path plot() throws ReportException {
        List<String> labels = RunNames.labels(results);
        List<RunResults> runs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            runs.add(RunReader.read(results.get(i), labels.get(i)));
        }
        String reportName = RunNames.reportName(labels);
        Path target = out != null ? out : Path.of("plots", reportName);
        FontCheck.requireFonts();

        ReportData data = new ReportData(runs);
        List<ReportChart> charts;
        try {
            charts = pageOrder(data);
        } catch (RuntimeException e) {
            // XChart refuses data it cannot draw with unchecked exceptions; name the report, not a stack trace
            throw ReportException.writeFailed("cannot draw the charts of " + reportName + " (" + e + ")", e);
        }

        List<String> inputNames =
                results.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        OutputDirectory directory = OutputDirectory.open(target, reportName, inputNames, force);
        try {
            for (ReportChart chart : charts) {
                ChartFiles.write(chart, directory.staging());
            }
            directory.writeAtomically("index.html", new HtmlReport(data, reportName, charts).render());
        } catch (IOException | RuntimeException e) {
            directory.discard();
            throw ReportException.writeFailed(target + ": cannot write the report (" + e + ")", e);
        }
        directory.commit();
        return directory.target();
    }

    /**
     * Every chart, grouped by operation; per operation time-vs-size, then bandwidth, then time-vs-ranks, then the
     * phases of an operation timed in phases.
     */
    static List<ReportChart> pageOrder(ReportData data) {
        List<ReportChart> byKind = new ArrayList<>();
        byKind.addAll(SizeSweepChart.draw(data));
        byKind.addAll(BandwidthChart.draw(data));
        byKind.addAll(RankSweepChart.draw(data));
        byKind.addAll(PhaseChart.draw(data));
        List<ReportChart> ordered = new ArrayList<>();
        for (String operation : data.operations()) {
            byKind.stream().filter(c -> c.operation().equals(operation)).forEach(ordered::add);
        }
        return ordered;
    }
}
