package org.jmpibench.regression.ab;

/**
 * Bad input to {@code ab}, found before or while preparing the run: an unknown revision, a dirty work tree where a
 * clean one is needed, a revision that does not build, bench options a side refuses. One line, status 2.
 */
public final class AbInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AbInputException(String message) {
        super(message);
    }
}
