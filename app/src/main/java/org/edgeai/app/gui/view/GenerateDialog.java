package org.edgeai.app.gui.view;

import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.edgeai.app.gui.vm.GenerateViewModel;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * Tools &gt; Generate: pick a generator; its parameters, the seed and the default link properties appear
 * as a generic form; Generate replaces or adds to the canvas (one undoable edit).
 */
public final class GenerateDialog {

    public static final ButtonType GENERATE = new ButtonType("Generate", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final VBox forms = new VBox(8);
    private GenerateViewModel current;
    private final ComboBox<GeneratorProvider> pick;
    private final Function<String, GenerateViewModel> viewModel;
    private final java.util.function.Consumer<GeneratorProvider> rebind;

    /**
     * @param generators the generators to offer
     * @param viewModel  the dialog's view model for a generator id
     */
    public GenerateDialog(Window owner, java.util.List<GeneratorProvider> generators, String initial,
                          Function<String, GenerateViewModel> viewModel) {
        dialog.initOwner(owner);
        dialog.setTitle("Generate Topology");
        dialog.setHeaderText("Generate a topology with a seeded generator");
        dialog.getDialogPane().setId("generate-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(GENERATE, ButtonType.CANCEL);
        ComboBox<GeneratorProvider> pick = new ComboBox<>();
        pick.setId("generate-generator");
        pick.getItems().setAll(generators);
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(GeneratorProvider p) {
                return p == null ? "" : p.displayName() + " (" + p.id() + ")";
            }

            @Override
            public GeneratorProvider fromString(String s) {
                return null;
            }
        });
        Label description = new Label();
        description.setWrapText(true);
        description.setMaxWidth(460);
        ToggleGroup mode = new ToggleGroup();
        RadioButton replace = new RadioButton("Replace the graph");
        RadioButton add = new RadioButton("Add to the graph");
        replace.setId("generate-replace");
        add.setId("generate-add");
        replace.setToggleGroup(mode);
        add.setToggleGroup(mode);
        replace.setSelected(true);
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        this.pick = pick;
        this.viewModel = viewModel;
        this.rebind = p -> {
            current = viewModel.apply(p.id());
            description.setText(p.description());
            current.replaceProperty().bind(replace.selectedProperty());
            error.textProperty().bind(current.errorProperty());
            forms.getChildren().setAll(FormFields.build(current.form(), "gen-", null), new Label("Common"),
                    FormFields.build(current.common(), "gen-", null));
            dialog.getDialogPane().lookupButton(GENERATE).disableProperty().bind(current.canGenerateProperty().not());
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        pick.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                rebind.accept(p);
            }
        });
        VBox content = new VBox(8, new HBox(6, new Label("Generator"), pick), description, forms, new HBox(12, replace, add), error);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);
        // Generate runs in the background; the dialog closes when the graph is applied, stays open on an error.
        dialog.getDialogPane().lookupButton(GENERATE).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            current.generate(ok -> {
                if (ok) {
                    dialog.setResult(GENERATE);
                    dialog.close();
                }
            });
        });
        generators.stream().filter(g -> g.id().equals(initial)).findFirst()
                .or(() -> generators.stream().findFirst()).ifPresent(pick::setValue);
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public void show() {
        dialog.show();
    }

    /**
     * Shows the dialog again for the active experiment, on generator {@code id} (or the one shown last).
     * The workbench keeps one dialog and reuses it, so opening it is cheap after the first time.
     */
    public void reopen(String id) {
        GeneratorProvider p = id == null ? pick.getValue()
                : pick.getItems().stream().filter(g -> g.id().equals(id)).findFirst().orElse(pick.getValue());
        if (p != null && p == pick.getValue()) {
            rebind.accept(p);
        } else if (p != null) {
            pick.setValue(p);
        }
        dialog.show();
    }

    /** Styles the dialog before it is first shown (while the workbench starts). */
    public void prestyle(java.util.List<String> stylesheets) {
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.getDialogPane().applyCss();
    }
}
