package org.jmpibench.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jmpibench.harness.calibration.CalibrateCommand;
import org.jmpibench.harness.runner.BenchCommand;
import org.jmpibench.regression.CompareCommand;
import org.jmpibench.regression.ab.AbCommand;
import org.jmpibench.regression.history.HistoryCommand;
import org.jmpibench.report.PlotCommand;
import org.jmpibench.report.TableCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code jmpi-bench} command. Errors are one line on stderr and a non-zero status, never a stack trace: 2 for bad
 * input (usage), 1 for a job or a run that failed.
 *
 * <p>Every command takes {@code -h}/{@code --help} and {@code -V}/{@code --version} (inherited from here), and
 * {@code help COMMAND} prints a command's help. A help option wins wherever it stands among the other options, even
 * among options that are wrong.
 */
@Command(
        name = "jmpi-bench",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = BuildVersion.class,
        description = "Benchmarks MPI backends for Java side by side.",
        subcommands = {
            BackendsCommand.class,
            DemoCommand.class,
            RunCommand.class,
            BenchCommand.class,
            CalibrateCommand.class,
            TableCommand.class,
            PlotCommand.class,
            CompareCommand.class,
            AbCommand.class,
            HistoryCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:a job or a run failed, or compare or ab found a regression (see each command's " + "help)",
            "2:bad input, one line on stderr naming the option and the value"
        })
public final class JmpiBench {

    /** Exit status for bad input: unknown backend, bad number, missing file. */
    public static final int USAGE = 2;
    /** Exit status for a job or run that failed. */
    public static final int FAILED = 1;

    /** The exit codes as the help of the commands that start jobs lists them. */
    static final String EXIT_OK = "0:done";

    static final String EXIT_FAILED = "1:a job failed: one line names the backend, the rank and the cause";
    static final String EXIT_USAGE = "2:bad input: an unknown or unavailable backend, a bad number, a missing file";

    /** Options that ask for help, wherever they stand. */
    private static final List<String> HELP_OPTIONS = List.of("-h", "--help");

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new JmpiBench());
        // Everything after the main class belongs to the program, -h included, like mpirun's command line.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            if (asksForHelp(args)) {
                failed.usage(failed.getOut());
                return 0;
            }
            PrintWriter err = failed.getErr();
            err.println("jmpi-bench: " + ex.getMessage());
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
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

    /** Whether a help option is among {@code args} before a {@code --} (after it, arguments are a program's). */
    static boolean asksForHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (HELP_OPTIONS.contains(arg)) {
                return true;
            }
        }
        return false;
    }
}
