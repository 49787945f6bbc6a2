package org.edgeai.model.pipeline;

/**
 * Bad input in a {@code pipeline} or {@code split} section (or a model definition): the message starts with
 * the JSON path of the offending value, then says what was expected and what was found, e.g.
 * {@code pipeline.model.layers[3].out: expected an integer >= 1, got 0}.
 */
public class SpecException extends IllegalArgumentException {

    private final String path;

    public SpecException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** The JSON path of the offending value, e.g. {@code pipeline.model.layers[3].out}. */
    public String path() {
        return path;
    }
}
