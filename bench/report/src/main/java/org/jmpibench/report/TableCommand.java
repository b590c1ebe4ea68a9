package org.jmpibench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code table [--markdown] RESULTS.json}: the OSU-style table ({@link OsuTable}) of any results file, the same table
 * {@code bench} prints at the end of a run.
 */
@Command(
        name = "table",
        description = "Print the OSU-style table of a JMH JSON results file: per operation, rank count and buffer, one"
                + " row per size and one column per backend; also as Markdown.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input: a results file that is missing, empty or not JMH's JSON; a usage error"
        })
public final class TableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Write Markdown tables (for a CI comment or notes) instead of text.")
    boolean markdown;

    @Parameters(paramLabel = "RESULTS.json", description = "JMH results (-rf json), e.g. results/<run>.json.")
    Path results;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.print(OsuTable.render(
                    ResultsFile.read(results).results(), markdown ? OsuTable.Format.MARKDOWN : OsuTable.Format.TEXT));
            out.flush();
            return 0;
        } catch (ResultsFileException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("table: " + e.getMessage());
            err.flush();
            return PlotCommand.EXIT_BAD_INPUT;
        }
    }
}
