package org.edgeai.app.gui.doc;

import java.util.Objects;

/** Replaces a document's {@link ExperimentSettings}; reverting puts the old ones back. */
final class SettingsEdit implements UndoableEdit {

    private final String name;
    private final EditorDocument doc;
    private final ExperimentSettings before;
    private final ExperimentSettings after;

    SettingsEdit(String name, EditorDocument doc, ExperimentSettings before, ExperimentSettings after) {
        this.name = name;
        this.doc = doc;
        this.before = Objects.requireNonNull(before);
        this.after = Objects.requireNonNull(after);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void apply() {
        doc.setSettingsRaw(after);
    }

    @Override
    public void revert() {
        doc.setSettingsRaw(before);
    }
}
