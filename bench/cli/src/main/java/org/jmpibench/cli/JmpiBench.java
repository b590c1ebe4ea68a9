package org.jmpibench.cli;

import java.io.PrintWriter;
import org.jmpibench.harness.calibration.CalibrateCommand;
import org.jmpibench.harness.runner.BenchCommand;
import org.jmpibench.regression.CompareCommand;
import org.jmpibench.regression.ab.AbCommand;
import org.jmpibench.regression.history.HistoryCommand;
import org.jmpibench.report.PlotCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code jmpi-bench} command. Errors are one line on stderr and a non-zero status, never a stack trace:
 * 2 for bad input (usage), 1 for a job or a run that failed.
 */
@Command(name = "jmpi-bench", mixinStandardHelpOptions = true, versionProvider = JmpiBench.Version.class,
        description = "Benchmarks MPI backends for Java side by side.",
        subcommands = {BackendsCommand.class, DemoCommand.class, RunCommand.class, BenchCommand.class,
                CalibrateCommand.class, PlotCommand.class, CompareCommand.class, AbCommand.class,
                HistoryCommand.class})
public final class JmpiBench {

    /** Exit status for bad input: unknown backend, bad number, missing file. */
    public static final int USAGE = 2;
    /** Exit status for a job or run that failed. */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new JmpiBench());
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("jmpi-bench: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException) {
                err.println("jmpi-bench: " + ex.getMessage());
                return USAGE;
            }
            err.println("jmpi-bench: " + ex);
            return FAILED;
        });
        return cli;
    }

    /** Prints the version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = JmpiBench.class.getPackage().getImplementationVersion();
            return new String[] {"jmpi-bench " + (version == null ? "(development build)" : version)};
        }
    }
}
