package org.edgeai.model.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Small typed readers over a Jackson {@link JsonNode} that report errors as {@link SpecException}s naming
 * the JSON path, what was expected and what was found. Used by every spec parser of this package.
 */
public final class Json {

    private Json() {
    }

    /** The path of a child key: {@code parent.key}. */
    public static String at(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of an array element: {@code parent[i]}. */
    public static String at(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Describes a value for an error message: {@code 0}, {@code "abc"}, {@code an object}, {@code null}. */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        return v.toString();
    }

    /** Requires {@code node} to be an object whose keys are all in {@code allowed}. */
    public static void requireObject(JsonNode node, String path, String... allowed) {
        if (node == null || !node.isObject()) {
            throw new SpecException(path, "expected an object, got " + describe(node));
        }
        Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!ok.contains(k)) {
                throw new SpecException(at(path, k), "unknown key '" + k + "'; expected one of " + String.join(", ", ok));
            }
        }
    }

    public static boolean has(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        return v != null && !v.isNull();
    }

    /** A required integer in [min, max]. */
    public static int integer(JsonNode obj, String key, String path, int min, int max) {
        String p = at(path, key);
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(p, "missing; expected an integer " + range(min, max));
        }
        return intValue(v, p, min, max);
    }

    /** An optional integer in [min, max], {@code dflt} when absent or null. */
    public static int integer(JsonNode obj, String key, String path, int min, int max, int dflt) {
        return has(obj, key) ? intValue(obj.get(key), at(path, key), min, max) : dflt;
    }

    /** Reads an integer-valued JSON number (1e3 and 1000.0 are accepted) in [min, max]. */
    public static int intValue(JsonNode v, String p, int min, int max) {
        long l = longValue(v, p, min, max);
        return (int) l;
    }

    /** Reads an integer-valued JSON number in [min, max]. */
    public static long longValue(JsonNode v, String p, long min, long max) {
        if (v == null || !v.isNumber()) {
            throw new SpecException(p, "expected an integer " + range(min, max) + ", got " + describe(v));
        }
        double d = v.asDouble();
        if (d != Math.rint(d) || d < min || d > max) {
            throw new SpecException(p, "expected an integer " + range(min, max) + ", got " + v);
        }
        return v.isIntegralNumber() ? v.asLong() : (long) d;
    }

    public static long longInteger(JsonNode obj, String key, String path, long min, long max, long dflt) {
        return has(obj, key) ? longValue(obj.get(key), at(path, key), min, max) : dflt;
    }

    public static long longInteger(JsonNode obj, String key, String path, long min, long max) {
        if (!has(obj, key)) {
            throw new SpecException(at(path, key), "missing; expected an integer " + range(min, max));
        }
        return longValue(obj.get(key), at(path, key), min, max);
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return ">= " + min;
        }
        return "in [" + min + ", " + max + "]";
    }

    /** A finite number &gt;= min (or &gt; min when {@code exclusive}). */
    public static double number(JsonNode obj, String key, String path, double min, boolean exclusive) {
        if (!has(obj, key)) {
            throw new SpecException(at(path, key), "missing; expected a number " + (exclusive ? "> " : ">= ") + fmt(min));
        }
        return numberValue(obj.get(key), at(path, key), min, exclusive, Double.POSITIVE_INFINITY);
    }

    public static double number(JsonNode obj, String key, String path, double min, boolean exclusive, double dflt) {
        return has(obj, key) ? numberValue(obj.get(key), at(path, key), min, exclusive, Double.POSITIVE_INFINITY) : dflt;
    }

    /** A finite number in [min, max] (min exclusive when {@code exclusive}). */
    public static double numberValue(JsonNode v, String p, double min, boolean exclusive, double max) {
        String expect = "expected a number " + (exclusive ? "> " : ">= ") + fmt(min)
                + (Double.isInfinite(max) ? "" : " and <= " + fmt(max));
        if (v == null || !v.isNumber()) {
            throw new SpecException(p, expect + ", got " + describe(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || (exclusive ? d <= min : d < min) || d > max) {
            throw new SpecException(p, expect + ", got " + v);
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    public static boolean bool(JsonNode obj, String key, String path, boolean dflt) {
        if (!has(obj, key)) {
            return dflt;
        }
        JsonNode v = obj.get(key);
        if (!v.isBoolean()) {
            throw new SpecException(at(path, key), "expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    public static String text(JsonNode obj, String key, String path) {
        if (!has(obj, key)) {
            throw new SpecException(at(path, key), "missing; expected a string");
        }
        return textValue(obj.get(key), at(path, key));
    }

    public static String text(JsonNode obj, String key, String path, String dflt) {
        return has(obj, key) ? textValue(obj.get(key), at(path, key)) : dflt;
    }

    public static String textValue(JsonNode v, String p) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new SpecException(p, "expected a non-empty string, got " + describe(v));
        }
        return v.asText();
    }

    /** A string that must be one of {@code names} (the message lists them when it is not). */
    public static String choice(JsonNode obj, String key, String path, String dflt, List<String> names) {
        String s = dflt == null ? text(obj, key, path) : text(obj, key, path, dflt);
        if (!names.contains(s)) {
            throw new SpecException(at(path, key), "unknown value '" + s + "'; expected one of " + String.join(", ", names));
        }
        return s;
    }

    /** A required non-empty array of integers, each in [min, max]. */
    public static int[] intArray(JsonNode obj, String key, String path, int min, int max) {
        String p = at(path, key);
        JsonNode v = obj.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new SpecException(p, "expected a non-empty array of integers, got " + describe(v));
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = intValue(v.get(i), at(p, i), min, max);
        }
        return out;
    }

    /** A required non-empty array of numbers &gt; 0. */
    public static double[] positiveArray(JsonNode obj, String key, String path) {
        String p = at(path, key);
        JsonNode v = obj.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new SpecException(p, "expected a non-empty array of numbers > 0, got " + describe(v));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numberValue(v.get(i), at(p, i), 0, true, Double.POSITIVE_INFINITY);
        }
        return out;
    }

    /** A required non-empty array of non-empty strings. */
    public static List<String> textArray(JsonNode v, String p) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new SpecException(p, "expected a non-empty array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(textValue(v.get(i), at(p, i)));
        }
        return out;
    }
}
