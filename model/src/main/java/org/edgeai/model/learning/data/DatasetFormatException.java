package org.edgeai.model.learning.data;

/**
 * A data file could not be read as a data set. The message names the file, the line (counting from 1)
 * and, where it applies, the field, what was expected and what was found.
 */
public class DatasetFormatException extends IllegalArgumentException {

    private final String source;
    private final int line;

    public DatasetFormatException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file name (or resource) that was being read. */
    public String source() {
        return source;
    }

    /** The line number counting from 1, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }
}
