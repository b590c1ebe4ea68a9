package org.jmpibench.report;

/**
 * Input or environment the report cannot work with: a missing, empty or foreign results file, an output directory
 * that belongs to another run, a machine without fonts. Its message is one line meant for the user, naming the file
 * or value at fault; {@link PlotCommand} prints it instead of a stack trace.
 */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
