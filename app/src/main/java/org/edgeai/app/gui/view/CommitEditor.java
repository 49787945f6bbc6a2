package org.edgeai.app.gui.view;

import java.util.Locale;
import java.util.Objects;

import javafx.scene.control.TextField;

import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A text editor for a property-sheet row that commits on Enter or when focus leaves, not on every
 * keystroke, so one typed value is one undoable edit. Empty text means "none" for optional numbers; a
 * mixed multi-selection shows an empty field with a "(mixed)" prompt.
 */
final class CommitEditor implements PropertyEditor<Object> {

    private final PropertySheet.Item item;
    private final TextField field = new TextField();
    private Object shown;

    CommitEditor(PropertySheet.Item item) {
        this.item = item;
        field.setPromptText("\u2014"); // no value: none, or differing values in a multi-selection
        field.setEditable(item.isEditable());
        field.setOnAction(e -> commit());
        // The row's value follows the document (undo, other views): show it.
        item.getObservableValue().ifPresent(o -> o.addListener((x, a, v) -> setValue(v)));
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                commit();
            }
        });
    }

    private void commit() {
        String t = field.getText().trim();
        Object v;
        Class<?> type = item.getType();
        if (type == String.class) {
            v = field.getText();
        } else if (t.isEmpty()) {
            v = null;
        } else if (type == Long.class || type == Integer.class) {
            v = t; // the view model parses and reports a bad integer
        } else {
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                v = t;
            }
        }
        if (!Objects.equals(text(v), text(shown)) && !(v == null && shown == null)) {
            item.setValue(v);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
        }
        return v.toString();
    }

    @Override
    public javafx.scene.Node getEditor() {
        return field;
    }

    @Override
    public Object getValue() {
        return shown;
    }

    @Override
    public void setValue(Object value) {
        shown = value;
        field.setText(text(value));
    }
}
