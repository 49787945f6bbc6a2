package org.edgeai.app.gui.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.edgeai.app.gui.vm.SettingsViewModel;

/**
 * The Experiment view: the settings form (workload, algorithm, compression, network, run, seed) built
 * from parameter descriptors, with validation messages beside the fields.
 */
public final class SettingsView {

    private final VBox box = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(box);
    private final SettingsViewModel vm;
    private boolean stale = true;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        box.setPadding(new Insets(6));
        scroll.setFitToWidth(true);
        // The form has dozens of controls: build it only when the view is on screen (its tab selected or
        // its window open), not every time another experiment becomes active behind a hidden tab.
        vm.sectionsProperty().addListener((o, a, s) -> {
            stale = true;
            rebuildIfShown();
        });
        javafx.beans.value.ChangeListener<Boolean> shown = (o, a, visible) -> rebuildIfShown();
        scroll.parentProperty().addListener((o, old, parent) -> {
            if (old != null) {
                old.visibleProperty().removeListener(shown);
            }
            if (parent != null) {
                parent.visibleProperty().addListener(shown);
            }
            rebuildIfShown();
        });
        scroll.sceneProperty().addListener((o, a, sc) -> rebuildIfShown());
    }

    private void rebuildIfShown() {
        var parent = scroll.getParent();
        if (stale && scroll.getScene() != null && parent != null && parent.isVisible()) {
            stale = false;
            rebuild(vm.sectionsProperty().get());
        }
    }

    private void rebuild(List<SettingsViewModel.Section> sections) {
        box.getChildren().clear();
        if (!vm.hasExperiment()) {
            box.getChildren().add(new Label("No experiment open."));
            return;
        }
        TextField seed = new TextField();
        seed.setId("settings-seed");
        seed.textProperty().bindBidirectional(vm.seedProperty());
        seed.setOnAction(e -> vm.commitSeed());
        seed.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                vm.commitSeed();
            }
        });
        Label seedError = new Label();
        seedError.getStyleClass().add("validation-error");
        seedError.textProperty().bind(vm.seedErrorProperty());
        box.getChildren().add(new HBox(6, new Label("seed"), seed, seedError));
        if (!vm.noteProperty().get().isEmpty()) {
            Label note = new Label(vm.noteProperty().get());
            note.setId("settings-note");
            note.setWrapText(true);
            note.setMinWidth(0);
            note.setPrefWidth(220); // a long text must wrap, not widen the stack the view sits in
            box.getChildren().add(note);
        }
        for (SettingsViewModel.Section s : sections) {
            VBox content = new VBox(4);
            if (!s.typeKey().isEmpty()) {
                ComboBox<String> type = new ComboBox<>();
                type.setId("settings-" + s.name() + "-type");
                type.getItems().setAll(s.types());
                type.valueProperty().bindBidirectional(s.typeProperty());
                content.getChildren().add(new HBox(6, new Label(s.typeKey()), type));
            }
            VBox formHolder = new VBox();
            Runnable fill = () -> formHolder.getChildren().setAll(
                    FormFields.build(s.form(), "settings-" + s.name() + "-", s::commit));
            s.formProperty().addListener((o, a, f) -> fill.run());
            fill.run();
            content.getChildren().add(formHolder);
            TitledPane tp = new TitledPane(s.name(), content);
            tp.setAnimated(false);
            box.getChildren().add(tp);
        }
    }

    public javafx.scene.Node node() {
        return scroll;
    }
}
