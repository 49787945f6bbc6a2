package org.edgeai.app.cli;

/** A mistake in what the user asked for; reported as one line with exit status 2. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
