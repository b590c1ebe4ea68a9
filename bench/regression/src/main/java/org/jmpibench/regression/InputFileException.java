package org.jmpibench.regression;

/**
 * A result file that cannot be used: missing, empty, not JSON, or not a JMH result. The message is one line
 * that names the file and what is wrong with it, meant to be shown to a person as it is.
 */
public final class InputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
