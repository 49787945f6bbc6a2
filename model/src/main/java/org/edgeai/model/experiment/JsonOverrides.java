package org.edgeai.model.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sets values in a parsed experiment by dotted JSON path before it is validated: what {@code run --set
 * path=value} and sweeps do. Values are read as JSON where they look like JSON and as strings otherwise:
 * <ul>
 *   <li>{@code 0.05}, {@code -3}, {@code 1e9}: numbers; {@code true}, {@code false}: booleans; {@code null}: null
 *       (which the typed sections read as "absent, take the default");</li>
 *   <li>{@code "16"} (with quotes): the string 16; {@code {"type":"ring","nodes":8}}, {@code [1, 2]}: that object or array;</li>
 *   <li>anything else, e.g. {@code metropolis}: that string.</li>
 * </ul>
 * Paths: keys joined by dots, array elements by {@code [i]}: {@code algorithm.learningRate},
 * {@code topology.nodes[0].kind}. Missing objects on the way are created; an index may point at an
 * existing element or one past the end (which appends). The value's origin ({@code --set path=value}) is
 * what later errors about it report instead of a line and column.
 */
public final class JsonOverrides {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOverrides() {
    }

    /**
     * Applies {@code path=value}.
     *
     * @throws ExperimentFileException naming the assignment when it has no '='
     */
    public static void apply(JsonDocument doc, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ExperimentFileException("--set " + assignment, 0, 0, "",
                    "expected path=value (e.g. algorithm.learningRate=0.05), got '" + assignment + "'");
        }
        set(doc, assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }

    /** Applies several assignments in order (later ones win). */
    public static void applyAll(JsonDocument doc, List<String> assignments) {
        for (String a : assignments) {
            apply(doc, a);
        }
    }

    /** Sets each {@code path -> value} in iteration order. */
    public static void setAll(JsonDocument doc, Map<String, String> values) {
        values.forEach((p, v) -> set(doc, p, v));
    }

    /**
     * Sets the value at {@code path}, read from {@code text} as described in the class comment.
     *
     * @throws ExperimentFileException naming the path when it is malformed, runs through a value that is
     *         not an object or array, or has an index beyond the end of an array
     */
    public static void set(JsonDocument doc, String path, String text) {
        String origin = "--set " + path + "=" + text;
        JsonNode value;
        try {
            value = parseValue(text);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(origin, 0, 0, path, e.getMessage());
        }
        setNode(doc, path, value, origin);
    }

    /** Sets the value at {@code path} to {@code value}; {@code origin} is what errors about it will name. */
    public static void setNode(JsonDocument doc, String path, JsonNode value, String origin) {
        List<Object> segs;
        try {
            segs = JsonPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(origin, 0, 0, "", e.getMessage());
        }
        JsonNode cur = doc.root();
        String curPath = "";
        for (int i = 0; i < segs.size(); i++) {
            Object seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            Object next = last ? null : segs.get(i + 1);
            if (seg instanceof String key) {
                if (!(cur instanceof ObjectNode obj)) {
                    throw new ExperimentFileException(origin, 0, 0, curPath,
                            "cannot set member '" + key + "': this is " + Section.describe(cur) + ", not an object");
                }
                String childPath = JsonPath.key(curPath, key);
                if (last) {
                    obj.set(key, value);
                } else {
                    JsonNode child = obj.get(key);
                    if (child == null || child.isNull()) {
                        child = next instanceof Integer ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                        obj.set(key, child);
                    }
                    cur = child;
                }
                curPath = childPath;
            } else {
                int idx = (Integer) seg;
                if (!(cur instanceof ArrayNode arr)) {
                    throw new ExperimentFileException(origin, 0, 0, curPath,
                            "cannot set element [" + idx + "]: this is " + Section.describe(cur) + ", not an array");
                }
                if (idx > arr.size()) {
                    throw new ExperimentFileException(origin, 0, 0, curPath, "index " + idx
                            + " is out of range: the array has " + arr.size() + " elements (an index may be at most "
                            + arr.size() + ", which appends)");
                }
                String childPath = JsonPath.index(curPath, idx);
                if (last) {
                    if (idx == arr.size()) {
                        arr.add(value);
                    } else {
                        arr.set(idx, value);
                    }
                } else {
                    JsonNode child = idx < arr.size() ? arr.get(idx) : null;
                    if (child == null || child.isNull()) {
                        child = next instanceof Integer ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                        if (idx == arr.size()) {
                            arr.add(child);
                        } else {
                            arr.set(idx, child);
                        }
                    }
                    cur = child;
                }
                curPath = childPath;
            }
        }
        doc.recordOverride(curPath, SourceLocation.of(origin));
    }

    /**
     * Reads an override value: JSON when the text is a JSON number, {@code true}, {@code false}, {@code null},
     * a quoted string, an object or an array; otherwise the text itself as a string.
     *
     * @throws IllegalArgumentException when the text starts like a JSON string, object or array but is not one
     */
    public static JsonNode parseValue(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return JsonNodeFactory.instance.textNode(text);
        }
        char c = t.charAt(0);
        boolean jsonish = c == '{' || c == '[' || c == '"' || c == '-' || Character.isDigit(c)
                || t.equals("true") || t.equals("false") || t.equals("null");
        if (!jsonish) {
            return JsonNodeFactory.instance.textNode(text);
        }
        try (JsonParser p = JsonDocument.FACTORY.createParser(t)) {
            JsonToken tok = p.nextToken();
            JsonNode n;
            if (tok == JsonToken.VALUE_NUMBER_INT) {
                n = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? MAPPER.getNodeFactory().numberNode(p.getBigIntegerValue()) : LongNode.valueOf(p.getLongValue());
            } else if (tok == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    return JsonNodeFactory.instance.textNode(text);
                }
                n = DoubleNode.valueOf(d);
            } else {
                n = MAPPER.readTree(p);
            }
            if (p.nextToken() != null) {
                return JsonNodeFactory.instance.textNode(text); // e.g. "1 2" or "2024-01-01": not one JSON value
            }
            return n;
        } catch (IOException e) {
            if (c == '{' || c == '[' || c == '"') {
                throw new IllegalArgumentException("the value " + t + " looks like JSON but is not: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
