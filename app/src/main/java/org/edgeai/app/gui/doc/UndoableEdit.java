package org.edgeai.app.gui.doc;

/** One reversible edit of a document: {@link #apply()} then {@link #revert()} gives back the exact state before. */
public interface UndoableEdit {

    /** Shown in the Edit menu: "Undo " + name. */
    String name();

    void apply();

    void revert();
}
