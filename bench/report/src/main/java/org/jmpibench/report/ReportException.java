package org.jmpibench.report;

/**
 * Input or environment the report cannot work with: a missing, empty or foreign results file, an output directory that
 * belongs to another run, a machine without fonts ({@link #badInput}); or a report that could not be written
 * ({@link #writeFailed}). Its message is one line meant for the user, naming the file or value at fault;
 * {@link PlotCommand} prints it instead of a stack trace and exits with {@link #exitCode()}.
 */
public final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private ReportException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The user can fix it by pointing {@code plot} elsewhere or installing something: exit code 2, as for usage. */
    static ReportException badInput(String message) {
        return new ReportException(message, null, PlotCommand.EXIT_BAD_INPUT);
    }

    /** Reading went fine, writing or drawing did not (disk full, a chart XChart refused): exit code 1. */
    static ReportException writeFailed(String message, Throwable cause) {
        return new ReportException(message, cause, PlotCommand.EXIT_FAILED);
    }

    public int exitCode() {
        return exitCode;
    }
}
