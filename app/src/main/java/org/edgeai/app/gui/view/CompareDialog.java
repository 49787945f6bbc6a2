package org.edgeai.app.gui.view;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.controlsfx.control.TaskProgressView;

import org.edgeai.app.gui.vm.CompareViewModel;

/**
 * Run &gt; Compare…: pick up to three settings of the open experiment (JSON paths) and their values, run the grid
 * in the background (progress in a ControlsFX {@link TaskProgressView}, one task per comparison, cancellable), and
 * the finished runs join the charts' overlays. A window of its own, not modal: the workbench stays usable.
 */
public final class CompareDialog {

    private final CompareViewModel vm;
    private final Stage stage = new Stage();
    private final GridPane grid = new GridPane();
    private final TaskProgressView<Task<?>> progress = new TaskProgressView<>();
    private final Button run = new Button("Run");
    private final Label error = new Label();

    public CompareDialog(Window owner, CompareViewModel vm) {
        this.vm = vm;
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                stage.setOnShowing(e -> stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets()));
            }
        }
        stage.setTitle("Compare \u2014 " + vm.experimentFile().getFileName());
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Setting (JSON path)"), new Label("Values, comma-separated"), new Label("Now"));
        for (CompareViewModel.Axis a : vm.axes()) {
            addRow(a);
        }
        Button more = new Button("Add Setting");
        more.setId("compare-add-axis");
        more.setOnAction(e -> {
            if (vm.addAxis()) {
                addRow(vm.axes().get(vm.axes().size() - 1));
            }
            more.setDisable(vm.axes().size() >= CompareViewModel.MAX_AXES);
        });
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        run.setId("compare-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.hide());
        HBox buttons = new HBox(6, more, run, close);
        progress.setId("compare-progress");
        progress.setPrefHeight(160);
        Label hint = new Label("Values are JSON (0.05, true, null, {\"type\": \"qsgd\"}) or bare words (ring, complete). "
                + "The runs are written as a sweep folder (plot can draw it) and overlaid on the charts.");
        hint.setWrapText(true);
        error.setId("compare-result");
        error.setWrapText(true);
        VBox box = new VBox(8, grid, hint, summary, buttons, error, progress);
        VBox.setVgrow(progress, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setId("compare-dialog");
        stage.setScene(new Scene(box, 640, 420));
    }

    private void addRow(CompareViewModel.Axis a) {
        ComboBox<String> path = new ComboBox<>(vm.parameters());
        path.setEditable(true);
        path.setPrefWidth(220);
        path.valueProperty().bindBidirectional(a.pathProperty());
        TextField values = new TextField();
        values.setPromptText("e.g. ring, complete, erdos-renyi");
        values.textProperty().bindBidirectional(a.valuesProperty());
        GridPane.setHgrow(values, Priority.ALWAYS);
        Label now = new Label();
        now.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.currentValue(a.pathProperty().get()), a.pathProperty()));
        int row = vm.axes().indexOf(a) + 1;
        path.setId("compare-path-" + row);
        values.setId("compare-values-" + row);
        grid.addRow(row, path, values, now);
        if (a.valuesProperty().get().isEmpty()) {
            a.valuesProperty().set(vm.currentValue(a.pathProperty().get()));
        }
    }

    /** Starts the comparison as a background task shown in the progress view; returns it. */
    public Task<CompareViewModel.Outcome> start() {
        try {
            vm.grid(); // a clear message now rather than a failed task
        } catch (IllegalArgumentException e) {
            return null;
        }
        Task<CompareViewModel.Outcome> t = vm.task();
        t.setOnFailed(e -> error.setText("Compare failed: " + t.getException().getMessage()));
        t.setOnSucceeded(e -> error.setText(t.getValue().runs().size() + " runs added to the charts"
                + (t.getValue().result().failures().isEmpty() ? "" : "; " + t.getValue().result().failures().size()
                + " failed: " + t.getValue().result().failures().get(0).error().getMessage())));
        error.setText("");
        progress.getTasks().add(t);
        run.disableProperty().bind(t.runningProperty());
        vm.start(t);
        return t;
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public CompareViewModel viewModel() {
        return vm;
    }
}
