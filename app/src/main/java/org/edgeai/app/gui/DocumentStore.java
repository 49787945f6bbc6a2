package org.edgeai.app.gui;

import java.io.IOException;
import java.nio.file.Path;

import org.edgeai.app.gui.doc.EditorDocumentData;

/**
 * Reads and writes experiment files. Called on a background thread with a snapshot, never on the JavaFX
 * thread. Implementations: {@link SimpleJsonDocumentStore} (built in) and, after the merge, an adapter over
 * {@code org.edgeai.model.experiment.ExperimentFile} (see {@link WorkbenchServices}).
 */
public interface DocumentStore {

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when its content is invalid; the message names the file and place
     */
    EditorDocumentData load(Path file) throws IOException;

    /** Writes atomically enough that a crash never leaves a half-written file in place of a good one. */
    void save(EditorDocumentData data, Path file) throws IOException;
}
