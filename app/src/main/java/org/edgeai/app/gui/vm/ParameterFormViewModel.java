package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.Observable;

import org.edgeai.model.spi.ParameterDescriptor;

/**
 * A form built generically from a plugin's parameter descriptors (DESIGN.md: plugins ship no UI code).
 * Holds one {@link ParameterField} per descriptor and says whether all are valid.
 */
public final class ParameterFormViewModel {

    private final List<ParameterField> fields;
    private final BooleanBinding valid;

    /**
     * @param descriptors the parameters, in display order
     * @param initial     current value of a parameter by name, or {@code null} for its default
     */
    public ParameterFormViewModel(List<ParameterDescriptor> descriptors, Function<String, Object> initial) {
        List<ParameterField> f = new ArrayList<>();
        for (ParameterDescriptor d : descriptors) {
            f.add(new ParameterField(d, initial.apply(d.name())));
        }
        fields = Collections.unmodifiableList(f);
        Observable[] deps = fields.stream().map(ParameterField::errorProperty).toArray(Observable[]::new);
        valid = Bindings.createBooleanBinding(() -> fields.stream().allMatch(ParameterField::isValid), deps);
    }

    public List<ParameterField> fields() {
        return fields;
    }

    public ParameterField field(String name) {
        return fields.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field '" + name + "'"));
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The typed values by name, in descriptor order. @throws IllegalStateException naming the first invalid field */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ParameterField f : fields) {
            m.put(f.name(), f.value());
        }
        return m;
    }
}
