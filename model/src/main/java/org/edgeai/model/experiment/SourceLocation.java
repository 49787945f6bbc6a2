package org.edgeai.model.experiment;

/**
 * Where a value came from: a file (or another origin such as a {@code --set} override) and a 1-based line
 * and column. Line and column are 0 when unknown (values made in code or given on the command line).
 *
 * @param origin the file name as the user knows it (e.g. {@code ring-16.json}), or a description such as
 *               {@code --set seed=3}; never null
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String origin, int line, int column) {

    public SourceLocation {
        origin = origin == null ? "" : origin;
    }

    /** A location that only names its origin. */
    public static SourceLocation of(String origin) {
        return new SourceLocation(origin, 0, 0);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** {@code origin:line:col}, or just the origin when there is no position. */
    @Override
    public String toString() {
        return line > 0 ? origin + ":" + line + ":" + column : origin;
    }
}
