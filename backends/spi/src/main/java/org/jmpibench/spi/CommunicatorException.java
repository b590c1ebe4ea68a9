package org.jmpibench.spi;

/** A transport failure, a dead peer or a message that does not fit: the communicator cannot be used further. */
public class CommunicatorException extends RuntimeException {
    public CommunicatorException(String message) {
        super(message);
    }

    public CommunicatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
