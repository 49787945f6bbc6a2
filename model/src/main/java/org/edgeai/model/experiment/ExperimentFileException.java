package org.edgeai.model.experiment;

/**
 * A problem in an experiment file, located: the file, line and column, the JSON path of the value and what
 * was expected and what was got. {@link #getMessage()} is one line,
 * {@code file:line:col: json.path: problem}, e.g.
 * {@code ring-16.json:5:27: topology.generator.nodes: expected an integer in [3, 10000000], got 2}.
 * Parts that are unknown are left out (no position: {@code file: path: problem}; root path: {@code file:line:col: problem}).
 */
public class ExperimentFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    /**
     * @param file    the file name or origin; may be empty
     * @param line    1-based, or 0 when unknown
     * @param column  1-based, or 0 when unknown
     * @param path    JSON path such as {@code topology.nodes[3].kind}; empty for the document itself
     * @param problem what was expected and what was got
     */
    public ExperimentFileException(String file, int line, int column, String path, String problem) {
        this(file, line, column, path, problem, null);
    }

    public ExperimentFileException(String file, int line, int column, String path, String problem, Throwable cause) {
        super(format(file, line, column, path, problem), cause);
        this.file = file == null ? "" : file;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    public ExperimentFileException(SourceLocation at, String path, String problem) {
        this(at.origin(), at.line(), at.column(), path, problem, null);
    }

    public ExperimentFileException(SourceLocation at, String path, String problem, Throwable cause) {
        this(at.origin(), at.line(), at.column(), path, problem, cause);
    }

    static String format(String file, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(column);
            }
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(problem);
        return sb.toString();
    }

    /** The file name or origin ({@code --set ...}); empty when unknown. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The JSON path of the offending value; empty for the document itself. */
    public String path() {
        return path;
    }

    /** The problem alone: what was expected, what was got. */
    public String problem() {
        return problem;
    }
}
