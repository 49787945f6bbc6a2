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

    private final PropertySheet sheet = new PropertySheet();
    private final BorderPane pane = new BorderPane(sheet);

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

    public PropertiesView(PropertiesViewModel vm) {
        sheet.setId("properties-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        DefaultPropertyEditorFactory enums = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item.getType().isEnum() ? enums.call(item) : new CommitEditor(item));
        vm.items().addListener((ListChangeListener<PropertyItem>) c -> refill(vm.items()));
        refill(vm.items());
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.setWrapText(true);
        pane.setBottom(error);
    }

    private void refill(List<PropertyItem> rows) {
        var items = sheet.getItems();
        boolean same = items.size() == rows.size();
        for (int i = 0; same && i < rows.size(); i++) {
            same = ((Item) items.get(i)).sameShape(rows.get(i));
        }
        if (same) {
            for (int i = 0; i < rows.size(); i++) {
                ((Item) items.get(i)).point(rows.get(i));
            }
        } else {
            items.setAll(rows.stream().map(Item::new).toList());
        }
    }

    public javafx.scene.Node node() {
        return pane;
    }
}
