package org.edgeai.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions the workbench asks the user: modal dialogs and file choosers in the application, scripted
 * answers in tests. Called on the JavaFX thread.
 */
public interface UserPrompts {

    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** "Save changes to {@code title}?" */
    SaveChoice askSaveChanges(String title);

    /** A file to open, filtered to {@code extensions} (without dots). */
    Optional<Path> chooseOpen(String title, List<String> extensions);

    /** A file to save to, proposing {@code suggestedName}. */
    Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions);

    /** "The workbench did not close properly; restore these unsaved experiments?" */
    boolean askRestore(List<String> titles);

    void showError(String title, String message);
}
