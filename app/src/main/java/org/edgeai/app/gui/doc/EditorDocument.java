package org.edgeai.app.gui.doc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.edgeai.model.topology.Topology;

/**
 * One open experiment: its live topology, its settings, where it is saved, and its undo history. Every
 * change goes through {@link #edit} or {@link #editSettings}, so everything is undoable and the dirty
 * marker is exact. Observable with JavaFX properties (no toolkit needed): {@link #revisionProperty()}
 * counts changes, so views redraw when it moves.
 *
 * <p>Used on one thread (the JavaFX thread). Background work takes a {@link #snapshot()}.
 */
public final class EditorDocument {

    private final Topology topology;
    private final UndoStack undo = new UndoStack();
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ExperimentSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private String lockReason = "";
    private final java.util.List<Consumer<String>> refusalListeners = new java.util.ArrayList<>();

    /**
     * @param data the content (its topology becomes the live one, not copied)
     * @param path where it is saved, or {@code null} for a new document
     */
    public EditorDocument(EditorDocumentData data, Path path) {
        this.topology = data.topology();
        this.settings.set(data.settings());
        this.path.set(path);
        undo.addListener(this::changed);
        this.path.addListener((o, a, b) -> updateTitle());
        updateTitle();
    }

    /** The live topology. Read it freely on the JavaFX thread; change it only through {@link #edit}. */
    public Topology topology() {
        return topology;
    }

    public ExperimentSettings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<ExperimentSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /**
     * Makes {@code change} on a copy of the topology and, if it changed anything, applies it as one
     * undoable edit named {@code name}.
     *
     * @return the edit applied, or {@code null} when nothing changed
     * @throws IllegalArgumentException from {@code change}; the document is then unchanged
     */
    public TopologyEdit edit(String name, Consumer<Topology> change) {
        if (!checkUnlocked(name)) {
            return null;
        }
        TopologyEdit e = TopologyEdit.of(name, topology, change);
        undo.push(e);
        return e;
    }

    /** Applies an edit built elsewhere (e.g. in the background with {@link TopologyEdit#between}). */
    public void apply(TopologyEdit e) {
        if (e != null && e.target() != topology) {
            throw new IllegalArgumentException("edit '" + e.name() + "' belongs to another document");
        }
        if (e != null && !checkUnlocked(e.name())) {
            return;
        }
        undo.push(e);
    }

    /** Replaces the settings as one undoable edit (nothing happens when they are equal). */
    public void editSettings(String name, ExperimentSettings next) {
        if (!next.equals(settings.get()) && checkUnlocked(name)) {
            undo.push(new SettingsEdit(name, this, settings.get(), next));
        }
    }

    void setSettingsRaw(ExperimentSettings s) {
        settings.set(s);
        updateTitle();
    }

    /** Undoes the last edit (refused, with a message to the refusal listeners, while {@link #isLocked() locked}). */
    public void undo() {
        if (checkUnlocked("Undo " + undo.undoName())) {
            undo.undo();
        }
    }

    /** Redoes the next edit (refused while {@link #isLocked() locked}). */
    public void redo() {
        if (checkUnlocked("Redo " + undo.redoName())) {
            undo.redo();
        }
    }

    // ------------------------------------------------------------------ lock (edits refused during a run)

    /**
     * Whether edits are refused: while an experiment of this document runs, its topology and settings must not
     * change under the engine. Every change goes through {@link #edit}, {@link #apply}, {@link #editSettings},
     * {@link #undo} or {@link #redo}, which are the one guard: while locked they change nothing and tell the
     * {@link #addRefusalListener refusal listeners} once. Saving is not an edit and stays allowed.
     */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    /**
     * Locks or unlocks the document.
     *
     * @param reason why, shown in the refusal message (e.g. "the experiment is running"); ignored when unlocking
     */
    public void setLocked(boolean on, String reason) {
        lockReason = on ? Objects.toString(reason, "") : "";
        locked.set(on);
    }

    /** Called with a one-line message each time an edit is refused because the document is locked. */
    public void addRefusalListener(Consumer<String> l) {
        refusalListeners.add(Objects.requireNonNull(l));
    }

    /**
     * The guard of every editing command: true when the document may change; otherwise tells the refusal
     * listeners (once per call) and returns false.
     *
     * @param action what the user tried, e.g. "Add phone n3"
     */
    public boolean checkUnlocked(String action) {
        if (!locked.get()) {
            return true;
        }
        String what = action == null || action.isBlank() ? "edit" : action.strip();
        String msg = "Cannot " + Character.toLowerCase(what.charAt(0)) + what.substring(1) + ": " + title()
                .replaceFirst("\\*$", "") + " is locked while " + (lockReason.isEmpty() ? "it is in use" : lockReason)
                + " (cancel the run or wait for its end)";
        for (Consumer<String> l : java.util.List.copyOf(refusalListeners)) {
            l.accept(msg);
        }
        return false;
    }

    /** Number of edits that can be undone (for tests and the status bar). */
    public int undoDepth() {
        return undo.depth();
    }

    /** Call after the document was written to {@code savedTo}. */
    public void markSaved(Path savedTo) {
        path.set(savedTo);
        undo.markSaved();
    }

    /** Marks the content as not saved anywhere (restored from a recovery file). */
    public void markUnsaved() {
        undo.markUnsaved();
    }

    /** A copy of the content for background work (saving, autosave, analysis). O(n + m). */
    public EditorDocumentData snapshot() {
        return new EditorDocumentData(settings.get(), topology.copy());
    }

    public Path path() {
        return path.get();
    }

    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public long revision() {
        return revision.get();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    /** The tab title: the file name (or the experiment name when unsaved), with "*" when dirty. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String title() {
        return title.get();
    }

    private void changed() {
        dirty.set(undo.isDirty());
        canUndo.set(undo.canUndo());
        canRedo.set(undo.canRedo());
        undoName.set(undo.undoName());
        redoName.set(undo.redoName());
        revision.set(revision.get() + 1);
        updateTitle();
    }

    private void updateTitle() {
        Path p = path.get();
        String base = p != null ? Objects.toString(p.getFileName()) : settings.get().name();
        title.set(base + (undo.isDirty() ? "*" : ""));
    }
}
