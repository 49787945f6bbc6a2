package org.edgeai.app.gui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.edgeai.app.gui.UserPrompts;

/** {@link UserPrompts} as JavaFX dialogs and file choosers, owned by the workbench window. */
public final class FxPrompts implements UserPrompts {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private final Supplier<Window> owner;
    private Path lastDir;

    public FxPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public SaveChoice askSaveChanges(String title) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to \u201c" + title + "\u201d before closing?",
                SAVE, DONT_SAVE, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        a.setTitle("Edge AI Workbench");
        a.initOwner(owner.get());
        a.getDialogPane().setId("save-prompt");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == SAVE ? SaveChoice.SAVE : b == DONT_SAVE ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    @Override
    public Optional<Path> chooseOpen(String title, List<String> extensions) {
        FileChooser fc = chooser(title, extensions);
        File f = fc.showOpenDialog(owner.get());
        return remember(f);
    }

    @Override
    public Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
        FileChooser fc = chooser(title, extensions);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        return remember(f);
    }

    private FileChooser chooser(String title, List<String> extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (String e : extensions) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(e.toUpperCase(java.util.Locale.ROOT) + " files", "*." + e));
        }
        if (lastDir != null && lastDir.toFile().isDirectory()) {
            fc.setInitialDirectory(lastDir.toFile());
        }
        return fc;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastDir = f.toPath().toAbsolutePath().getParent();
        return Optional.of(f.toPath());
    }

    @Override
    public boolean askRestore(List<String> titles) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "The workbench did not close properly last time. Restore the unsaved experiments?\n\n  "
                        + String.join("\n  ", titles), ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Restore unsaved work");
        a.setTitle("Edge AI Workbench");
        a.initOwner(owner.get());
        a.getDialogPane().setId("restore-prompt");
        return a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle("Edge AI Workbench");
        a.setHeaderText(title);
        TextArea t = new TextArea(message);
        t.setEditable(false);
        t.setWrapText(true);
        t.setPrefRowCount(Math.min(12, 2 + message.length() / 70));
        a.getDialogPane().setContent(t);
        a.initOwner(owner.get());
        a.getDialogPane().setId("error-dialog");
        a.show(); // not modal-blocking: the message stays while the user goes on
    }
}
