package org.edgeai.model.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed parameter of a plugin: name (the JSON key and the command-line option), type, default, range
 * and a help line. The app renders descriptors generically, so plugins ship no UI code.
 *
 * @param name         JSON key, camelCase
 * @param type         value type
 * @param defaultValue default (Long for INTEGER, Double for DOUBLE, Boolean, String); {@code null} means required
 * @param min          inclusive lower bound for numbers, or {@code null}
 * @param max          inclusive upper bound for numbers, or {@code null}
 * @param choices      the allowed values of a CHOICE
 * @param help         one line shown as tooltip and in {@code --help}
 */
public record ParameterDescriptor(String name, ParameterType type, Object defaultValue, Double min, Double max,
                                  List<String> choices, String help) {

    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
        if (defaultValue != null) {
            defaultValue = coerce(name, type, defaultValue, min, max, choices);
        }
    }

    public static ParameterDescriptor integer(String name, Long def, Long min, Long max, String help) {
        return new ParameterDescriptor(name, ParameterType.INTEGER, def, min == null ? null : min.doubleValue(),
                max == null ? null : max.doubleValue(), null, help);
    }

    public static ParameterDescriptor real(String name, Double def, Double min, Double max, String help) {
        return new ParameterDescriptor(name, ParameterType.DOUBLE, def, min, max, null, help);
    }

    public static ParameterDescriptor bool(String name, boolean def, String help) {
        return new ParameterDescriptor(name, ParameterType.BOOLEAN, def, null, null, null, help);
    }

    public static ParameterDescriptor string(String name, String def, String help) {
        return new ParameterDescriptor(name, ParameterType.STRING, def, null, null, null, help);
    }

    public static ParameterDescriptor choice(String name, String def, List<String> choices, String help) {
        return new ParameterDescriptor(name, ParameterType.CHOICE, def, null, null, choices, help);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /**
     * Checks and converts a raw value (from JSON or the command line) to this parameter's Java type.
     *
     * @throws IllegalArgumentException with a message that names the parameter and what was expected
     */
    public Object coerce(Object raw) {
        return coerce(name, type, raw, min, max, choices);
    }

    /** A human description of the accepted values, e.g. "an integer in [3, 1000000]". */
    public String expected() {
        return switch (type) {
            case INTEGER -> "an integer" + range();
            case DOUBLE -> "a number" + range();
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    private String range() {
        if (min == null && max == null) {
            return "";
        }
        return " in [" + (min == null ? "-inf" : fmt(min)) + ", " + (max == null ? "inf" : fmt(max)) + "]";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Object coerce(String name, ParameterType type, Object raw, Double min, Double max, List<String> choices) {
        ParameterDescriptor self = null;
        Object v = switch (type) {
            case INTEGER -> {
                if (raw instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                        && !(raw instanceof Double d && d.isInfinite())) {
                    yield num.longValue();
                }
                if (raw instanceof String s) {
                    try {
                        yield Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        throw bad(name, "an integer", raw);
                    }
                }
                throw bad(name, "an integer", raw);
            }
            case DOUBLE -> {
                if (raw instanceof Number num) {
                    yield num.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        yield Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw bad(name, "a number", raw);
                    }
                }
                throw bad(name, "a number", raw);
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    yield Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
                }
                throw bad(name, "true or false", raw);
            }
            case STRING -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw bad(name, "a string", raw);
            }
            case CHOICE -> {
                if (raw instanceof String s && choices.contains(s)) {
                    yield s;
                }
                throw bad(name, "one of " + String.join(", ", choices), raw);
            }
        };
        if (v instanceof Number num) {
            double d = num.doubleValue();
            if (Double.isNaN(d) || (min != null && d < min) || (max != null && d > max)) {
                throw new IllegalArgumentException(name + ": expected a value in ["
                        + (min == null ? "-inf" : fmt(min)) + ", " + (max == null ? "inf" : fmt(max)) + "], got " + raw);
            }
        }
        return v;
    }

    private static IllegalArgumentException bad(String name, String expected, Object raw) {
        String got = raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        return new IllegalArgumentException(name + ": expected " + expected + ", got " + got);
    }
}
