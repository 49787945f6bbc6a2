package org.edgeai.app.gui.doc;

import java.util.Objects;

import org.edgeai.model.topology.Topology;

/**
 * What a {@link org.edgeai.app.gui.DocumentStore} reads and writes: an experiment's settings and its
 * topology (generated topologies already expanded into nodes and links).
 */
public record EditorDocumentData(ExperimentSettings settings, Topology topology) {

    public EditorDocumentData {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(topology, "topology");
    }

    /** A deep copy whose topology can be handed to another thread while the editor goes on editing. */
    public EditorDocumentData snapshot() {
        return new EditorDocumentData(settings, topology.copy());
    }
}
