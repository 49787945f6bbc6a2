package org.edgeai.app.gui.view;

import java.util.Optional;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

import org.controlsfx.control.PropertySheet;

import org.edgeai.app.gui.vm.PropertiesViewModel;
import org.edgeai.app.gui.vm.PropertyItem;

/** The Properties view: a ControlsFX {@link PropertySheet} over the {@link PropertiesViewModel}'s rows. */
public final class PropertiesView {

    private final PropertySheet sheet = new PropertySheet();
    private final BorderPane pane = new BorderPane(sheet);

    /** Adapts a view-model row to ControlsFX's item interface. */
    static final class Item implements PropertySheet.Item {
        private final PropertyItem row;

        Item(PropertyItem row) {
            this.row = row;
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
        public void setValue(Object value) {
            // Editors echo the value back when it is shown: only real changes become edits.
            if (!java.util.Objects.equals(value, row.value())) {
                row.set(value);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(row.valueProperty());
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
        vm.items().addListener((ListChangeListener<PropertyItem>) c -> refill(vm));
        refill(vm);
        Label error = new Label();
        error.getStyleClass().add("validation-error");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.setWrapText(true);
        pane.setBottom(error);
    }

    private void refill(PropertiesViewModel vm) {
        sheet.getItems().setAll(vm.items().stream().map(Item::new).toList());
    }

    public javafx.scene.Node node() {
        return pane;
    }
}
