package org.edgeai.model.io;

import org.edgeai.model.experiment.ExperimentFileException;

/**
 * A problem in a topology file (GraphML, GML, DOT), located like every file problem of the workbench:
 * {@code file:line:col: what was expected, what was got}; line and column are 0 (and left out of the
 * message) where the format's parser does not give them. A subclass of {@link ExperimentFileException} so
 * that callers can catch every located file problem in one place; problems in JSON topology files are
 * reported as {@link ExperimentFileException}s with their JSON path.
 */
public class TopologyFileException extends ExperimentFileException {

    private static final long serialVersionUID = 1L;

    public TopologyFileException(String file, int line, int column, String problem) {
        super(file, line, column, "", problem);
    }

    public TopologyFileException(String file, int line, int column, String problem, Throwable cause) {
        super(file, line, column, "", problem, cause);
    }
}
