package org.edgeai.app.gui.view;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

import org.edgeai.app.gui.vm.ModelViewModel;
import org.edgeai.app.gui.vm.ModelViewModel.LayerRow;

/**
 * The Model view: the layers of the experiment's {@code pipeline.model} in a table (per-sample parameters,
 * forward FLOPs, output elements), with Add / Remove / Expand preset, a field editor for any key of the
 * selected layer, a totals line and the error line of the last refused edit. Cells are editable where the
 * value is the layer's own key: {@code out} of conv2d/linear/bottleneck/invertedresidual layers, and
 * params, forward FLOPs and output elements of {@code custom} layers; only once the model is a layer list.
 */
public final class ModelView {

    private final BorderPane pane = new BorderPane();
    private boolean updating;

    public ModelView(ModelViewModel vm) {
        TableView<LayerRow> table = new TableView<>();
        table.setId("model-table");
        table.setEditable(true);
        table.getColumns().add(text("#", r -> Integer.toString(r.index() + 1), 40));
        table.getColumns().add(text("Layer", LayerRow::name, 110));
        table.getColumns().add(text("Type", LayerRow::type, 90));
        table.getColumns().add(editable(vm, "Out", "out", r -> r.out() == null ? "" : Integer.toString(r.out()),
                r -> r.out() != null, 70));
        table.getColumns().add(editable(vm, "Params", "params", r -> String.format(Locale.ROOT, "%,d", r.params()),
                LayerRow::isCustom, 110));
        table.getColumns().add(editable(vm, "Fwd FLOPs", "forwardFlops",
                r -> String.format(Locale.ROOT, "%.4g", r.forwardFlops()), LayerRow::isCustom, 100));
        table.getColumns().add(editable(vm, "Output elements", "outputElements",
                r -> String.format(Locale.ROOT, "%,d", r.outputElements()), LayerRow::isCustom, 110));
        table.getColumns().add(text("Output shape", LayerRow::outputShape, 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyMessageProperty());
        table.setPlaceholder(empty);
        vm.rowsProperty().addListener((o, a, rows) -> show(table, vm, rows));
        show(table, vm, vm.rows());
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!updating) {
                vm.selectedProperty().set(i.intValue());
            }
        });

        Button add = new Button("Add linear");
        add.setId("model-add-linear");
        add.setOnAction(e -> vm.addLayer("linear"));
        Button addCustom = new Button("Add custom");
        addCustom.setId("model-add-custom");
        addCustom.setOnAction(e -> vm.addLayer("custom"));
        Button remove = new Button("Remove");
        remove.setId("model-remove");
        remove.setOnAction(e -> vm.removeLayer(vm.selectedProperty().get()));
        Button expand = new Button("Expand preset into layers");
        expand.setId("model-expand");
        expand.setOnAction(e -> vm.expandPreset());
        add.disableProperty().bind(vm.editableProperty().not());
        addCustom.disableProperty().bind(vm.editableProperty().not());
        remove.disableProperty().bind(vm.editableProperty().not().or(vm.selectedProperty().lessThan(0)));
        expand.disableProperty().bind(vm.presetProperty().isEmpty());
        HBox buttons = new HBox(6, add, addCustom, remove, expand);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // any key of the selected layer (kernel, activation, in, ...): what the columns do not show
        ComboBox<String> key = new ComboBox<>();
        key.setId("model-field-key");
        key.setEditable(true);
        key.setPromptText("key");
        key.setPrefWidth(130);
        key.getItems().setAll(List.of("out", "in", "params", "forwardFlops", "outputElements", "backwardFlops",
                "kernel", "stride", "padding", "activation", "name"));
        TextField value = new TextField();
        value.setId("model-field-value");
        value.setPromptText("value (empty removes the key)");
        Button set = new Button("Set");
        set.setId("model-field-set");
        Runnable doSet = () -> {
            if (vm.setField(vm.selectedProperty().get(), key.getEditor().getText(), value.getText())) {
                value.clear();
            }
        };
        set.setOnAction(e -> doSet.run());
        value.setOnAction(e -> doSet.run());
        set.disableProperty().bind(vm.editableProperty().not().or(vm.selectedProperty().lessThan(0)));
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox field = new HBox(6, new Label("selected layer:"), key, value, set);
        field.setAlignment(Pos.CENTER_LEFT);

        Label totals = new Label();
        totals.setId("model-totals");
        totals.setWrapText(true);
        totals.textProperty().bind(vm.totalsProperty());
        Label error = new Label();
        error.setId("model-error");
        error.setWrapText(true);
        error.getStyleClass().add("validation-error");
        error.textProperty().bind(vm.errorProperty());

        VBox top = new VBox(4, buttons, field);
        top.setPadding(new Insets(4));
        VBox bottom = new VBox(2, totals, error);
        bottom.setPadding(new Insets(4));
        pane.setTop(top);
        pane.setCenter(table);
        pane.setBottom(bottom);
    }

    public Node node() {
        return pane;
    }

    private void show(TableView<LayerRow> table, ModelViewModel vm, List<LayerRow> rows) {
        updating = true;
        try {
            table.getItems().setAll(rows);
            int sel = vm.selectedProperty().get();
            if (sel >= 0 && sel < rows.size()) {
                table.getSelectionModel().select(sel);
            }
        } finally {
            updating = false;
        }
    }

    private static TableColumn<LayerRow, String> text(String title, Function<LayerRow, String> f, double width) {
        TableColumn<LayerRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    /** A column whose cells can be edited on rows where {@code can} holds; a commit sets {@code key}. */
    private static TableColumn<LayerRow, String> editable(ModelViewModel vm, String title, String key,
                                                          Function<LayerRow, String> f, Predicate<LayerRow> can,
                                                          double width) {
        TableColumn<LayerRow, String> c = text(title, f, width);
        c.setEditable(true);
        c.setCellFactory(col -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                LayerRow r = getTableRow() == null ? null : getTableRow().getItem();
                if (r != null && r.editable() && can.test(r)) {
                    super.startEdit();
                }
            }
        });
        c.setOnEditCommit(e -> {
            LayerRow r = e.getRowValue();
            if (!vm.setField(r.index(), key, e.getNewValue())) {
                e.getTableView().refresh(); // refused: show the old value again
            }
        });
        return c;
    }
}
