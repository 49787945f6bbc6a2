package org.edgeai.model.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated values of a plugin's parameters, every default filled in, in descriptor order. Immutable.
 */
public final class Parameters {

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates raw values against descriptors: unknown names, missing required values, wrong types and
     * out-of-range values are rejected with a message that names the parameter and what was expected.
     */
    public static Parameters validate(String owner, List<ParameterDescriptor> descriptors, Map<String, ?> raw) {
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        descriptors.forEach(d -> byName.put(d.name(), d));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(owner + ": unknown parameter '" + key + "'; expected one of "
                        + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterDescriptor d : descriptors) {
            Object v = raw.get(d.name());
            if (v == null) {
                if (d.required()) {
                    throw new IllegalArgumentException(owner + ": missing required parameter '" + d.name()
                            + "' (" + d.expected() + ")");
                }
                out.put(d.name(), d.defaultValue());
            } else {
                try {
                    out.put(d.name(), d.coerce(v));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
                }
            }
        }
        return new Parameters(out);
    }

    public static Parameters of(Map<String, Object> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    public int getInt(String name) {
        long v = getLong(name);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(name + ": " + v + " does not fit in an int");
        }
        return (int) v;
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The values in descriptor order, for writing back to a file. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return values.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
