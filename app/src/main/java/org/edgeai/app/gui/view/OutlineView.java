package org.edgeai.app.gui.view;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.Callback;

import org.edgeai.app.gui.vm.OutlineViewModel;
import org.edgeai.app.gui.vm.OutlineViewModel.Row;

/** The Outline view: a filter box and a table of every node and link; selecting rows selects on the canvas. */
public final class OutlineView {

    private final BorderPane pane = new BorderPane();
    private boolean updating;

    public OutlineView(OutlineViewModel vm) {
        TextField filter = new TextField();
        filter.setId("outline-filter");
        filter.setPromptText("Filter nodes and links");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        BorderPane.setMargin(filter, new Insets(4));
        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("outline-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("Id", Row::id, 90));
        table.getColumns().add(column("Kind", Row::kind, 110));
        table.getColumns().add(column("Label", Row::label, 90));
        table.getColumns().add(column("Properties", Row::detail, 180));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Row>) c -> {
            if (!updating && table.isFocused()) {
                updating = true;
                try {
                    vm.select(List.copyOf(table.getSelectionModel().getSelectedItems()));
                } finally {
                    updating = false;
                }
            }
        });
        pane.setTop(filter);
        pane.setCenter(table);
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> f, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        Callback<TableColumn.CellDataFeatures<Row, String>, javafx.beans.value.ObservableValue<String>> v =
                d -> new ReadOnlyStringWrapper(f.apply(d.getValue()));
        c.setCellValueFactory(v);
        c.setPrefWidth(width);
        return c;
    }

    public javafx.scene.Node node() {
        return pane;
    }
}
