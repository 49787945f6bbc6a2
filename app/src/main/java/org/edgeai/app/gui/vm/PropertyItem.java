package org.edgeai.app.gui.vm;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of the Properties view: a named, typed value of the selection (or of the experiment when
 * nothing is selected). For a multi-selection the value is the common one, or {@code null} when the
 * selected elements differ. Setting it edits every selected element in one undoable edit.
 */
public final class PropertyItem {

    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final Supplier<Object> getter;
    private final Consumer<Object> setter;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>();

    PropertyItem(String category, String name, String description, Class<?> type, Supplier<Object> getter, Consumer<Object> setter) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.getter = Objects.requireNonNull(getter);
        this.setter = setter;
        refresh();
    }

    public String category() {
        return category;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Class<?> type() {
        return type;
    }

    public boolean editable() {
        return setter != null;
    }

    /** The shown value; it follows the document (after {@link #refresh()}). */
    public ObjectProperty<Object> valueProperty() {
        return value;
    }

    public Object value() {
        return value.get();
    }

    /** Sets the value on every selected element (one undoable edit); a rejected value leaves everything as it was. */
    public void set(Object v) {
        if (setter == null) {
            throw new IllegalStateException(name + " is read-only");
        }
        if (Objects.equals(v, value.get())) {
            return;
        }
        setter.accept(v);
        refresh();
    }

    /** Re-reads the value from the document. */
    public void refresh() {
        value.set(getter.get());
    }

    @Override
    public String toString() {
        return category + "/" + name + "=" + value.get();
    }
}
