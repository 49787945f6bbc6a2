package org.edgeai.app.gui.vm;

import java.util.Objects;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.ParameterType;

/**
 * One field of a form built from a {@link ParameterDescriptor}: the text the user typed and the
 * validation message shown beside it (empty when valid). Booleans and choices use the same text ("true",
 * a choice), so the form model is one shape for every type.
 */
public final class ParameterField {

    private final ParameterDescriptor descriptor;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ParameterField(ParameterDescriptor descriptor, Object initial) {
        this.descriptor = Objects.requireNonNull(descriptor);
        text.addListener((o, a, b) -> validate());
        Object v = initial != null ? initial : descriptor.defaultValue();
        text.set(v == null ? "" : format(v));
        validate();
    }

    public ParameterDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return descriptor.name();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The validation message, empty when the text is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** The typed value (Long, Double, Boolean, String). @throws IllegalStateException when invalid */
    public Object value() {
        if (!isValid()) {
            throw new IllegalStateException(descriptor.name() + ": " + error.get());
        }
        return descriptor.coerce(text.get());
    }

    private void validate() {
        String t = text.get();
        if (t == null || t.isBlank()) {
            error.set(descriptor.required() || descriptor.type() != ParameterType.STRING
                    ? "expected " + descriptor.expected() : "");
            return;
        }
        try {
            descriptor.coerce(t);
            error.set("");
        } catch (IllegalArgumentException e) {
            // The descriptor's message starts with the name, which the form shows already.
            String m = e.getMessage();
            error.set(m.startsWith(descriptor.name() + ": ") ? m.substring(descriptor.name().length() + 2) : m);
        }
    }

    static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Double.toString(d); // keep "4.0" so the type stays visible
        }
        return String.valueOf(v);
    }
}
