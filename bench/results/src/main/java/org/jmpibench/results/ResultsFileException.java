package org.jmpibench.results;

/**
 * A results or context file that cannot be used: missing, unreadable, empty, not JSON, not what JMH or the harness
 * writes. The message is one line that names the file and what is wrong with it, meant to be shown to a person as it
 * is.
 */
public final class ResultsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultsFileException(String message) {
        super(message);
    }

    public ResultsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
