package org.edgeai.app.gui.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;

import org.edgeai.app.gui.vm.PropertiesViewModel;
import org.edgeai.app.gui.vm.PropertyItem;

/**
 * The Properties view: a ControlsFX {@link PropertySheet} over the {@link PropertiesViewModel}'s rows.
 * Numbers and text commit on Enter or focus loss ({@link CommitEditor}), so a typed value is one edit.
 * When the rows keep their shape (another node clicked), the sheet's items are re-pointed at the new rows
 * instead of being replaced: the sheet then keeps its editors instead of rebuilding them all.
 */
public final class PropertiesView {

    private final BorderPane pane = new BorderPane();

    /** Adapts a view-model row to ControlsFX's item interface; the row behind it can be swapped. */
    static final class Item implements PropertySheet.Item {
        private PropertyItem row;
        private final ObjectProperty<Object> value = new SimpleObjectProperty<>();

        Item(PropertyItem row) {
            point(row);
        }

        void point(PropertyItem r) {
            row = r;
            value.bind(r.valueProperty());
        }

        boolean sameShape(PropertyItem r) {
            return r.category().equals(row.category()) && r.name().equals(row.name()) && r.type() == row.type()
                    && r.editable() == row.editable();
        }

        @Override
        public Class<?> getType() {
            return row.type();
        }

        @Override
        public String getCategory() {
            return row.category();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.description();
        }

        @Override
        public Object getValue() {
            return row.value();
        }

        @Override
        public void setValue(Object v) {
            // Editors echo the shown value back: only real changes become edits.
            if (!Objects.equals(v, row.value())) {
                row.set(v);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(value);
        }

        @Override
        public boolean isEditable() {
            return row.editable();
        }
    }

    private final javafx.scene.layout.StackPane sheets = new javafx.scene.layout.StackPane();
    private final DefaultPropertyEditorFactory enums = new DefaultPropertyEditorFactory();

    public PropertiesView(PropertiesViewModel vm) {
        pane.setCenter(sheets);
        // One sheet per shape of rows, built up front (editors and all); a selection change re-points the
        // shown sheet's items, and a change of shape (experiment -> node) only shows another sheet.
        for (List<PropertyItem> shape : vm.shapes()) {
            sheets.getChildren().add(sheet(shape));
        }
        vm.items().addListener((ListChangeListener<PropertyItem>) c -> refill(vm.items()));
        refill(vm.items());
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.setWrapText(true);
        pane.setBottom(error);
    }

    private PropertySheet sheet(List<PropertyItem> rows) {
        PropertySheet sh = new PropertySheet();
        sh.setMode(PropertySheet.Mode.CATEGORY);
        sh.setModeSwitcherVisible(false);
        sh.setSearchBoxVisible(false);
        sh.setPropertyEditorFactory(item -> item.getType().isEnum() ? enums.call(item) : new CommitEditor(item));
        sh.getItems().setAll(rows.stream().map(Item::new).toList());
        sh.setVisible(false);
        sh.setManaged(false);
        return sh;
    }

    private static boolean fits(PropertySheet sh, List<PropertyItem> rows) {
        var items = sh.getItems();
        if (items.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!((Item) items.get(i)).sameShape(rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void refill(List<PropertyItem> rows) {
        PropertySheet shown = null;
        for (javafx.scene.Node n : sheets.getChildren()) {
            if (shown == null && fits((PropertySheet) n, rows)) {
                shown = (PropertySheet) n;
            }
        }
        if (shown == null) { // a shape not built up front: build it now
            shown = sheet(rows);
            sheets.getChildren().add(shown);
        }
        var items = shown.getItems();
        for (int i = 0; i < rows.size(); i++) {
            ((Item) items.get(i)).point(rows.get(i));
        }
        for (javafx.scene.Node n : sheets.getChildren()) {
            boolean on = n == shown;
            n.setVisible(on);
            n.setManaged(on);
            n.setId(on ? "properties-sheet" : null);
        }
    }

    public javafx.scene.Node node() {
        return pane;
    }
}
