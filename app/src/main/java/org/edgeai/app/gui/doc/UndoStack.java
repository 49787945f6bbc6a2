package org.edgeai.app.gui.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo history of one document: an unlimited list of applied edits and a cursor. Pushing an edit
 * applies it and discards what could have been redone. Knows the "save point" (the cursor when the
 * document was last saved), so the document is dirty exactly when the cursor is elsewhere.
 *
 * <p>Single-threaded (the JavaFX thread). Listeners are told after every change of the cursor.
 */
public final class UndoStack {

    private final List<UndoableEdit> edits = new ArrayList<>();
    private int cursor;       // edits[0..cursor) are applied
    private int savePoint;    // cursor at the last save, or -1 when that state cannot be reached again
    private final List<Runnable> listeners = new ArrayList<>();

    /** Applies {@code e} and records it; a {@code null} edit (nothing changed) is ignored. */
    public void push(UndoableEdit e) {
        if (e == null) {
            return;
        }
        e.apply();
        while (edits.size() > cursor) {
            edits.remove(edits.size() - 1);
        }
        if (savePoint > cursor) {
            savePoint = -1;
        }
        edits.add(e);
        cursor++;
        fire();
    }

    public boolean canUndo() {
        return cursor > 0;
    }

    public boolean canRedo() {
        return cursor < edits.size();
    }

    /** @throws IllegalStateException when there is nothing to undo */
    public void undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        edits.get(--cursor).revert();
        fire();
    }

    /** @throws IllegalStateException when there is nothing to redo */
    public void redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        edits.get(cursor++).apply();
        fire();
    }

    /** Name of the edit {@link #undo()} would revert, or empty. */
    public String undoName() {
        return canUndo() ? edits.get(cursor - 1).name() : "";
    }

    public String redoName() {
        return canRedo() ? edits.get(cursor).name() : "";
    }

    /** Number of edits that can be undone. */
    public int depth() {
        return cursor;
    }

    public void markSaved() {
        savePoint = cursor;
        fire();
    }

    /** Marks the document as differing from any saved file (e.g. restored from a recovery file). */
    public void markUnsaved() {
        savePoint = -1;
        fire();
    }

    public boolean isDirty() {
        return savePoint != cursor;
    }

    public void addListener(Runnable r) {
        listeners.add(r);
    }

    private void fire() {
        for (Runnable r : List.copyOf(listeners)) {
            r.run();
        }
    }
}
