package org.edgeai.model.sweep;

/**
 * A problem with a sweep: its grid, one of its points (the message names the point, e.g.
 * {@code sweep point p003-ring_dsgd_1 (topology.generator.type=ring): sweep.json:14:38: ...}) or its output
 * folder (a run folder left by a different sweep). Unchecked, a kind of {@link IllegalArgumentException}: it
 * is always a mistake in what was asked, never a bug.
 */
public class SweepException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
