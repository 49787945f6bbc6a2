package org.edgeai.model.experiment;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * The workbench's JSON layout, the one of DESIGN.md's example: two-space indent, {@code "key": value},
 * an object or array that holds only scalars (and empty containers) on one line when that line stays
 * within {@value #WIDTH} columns ({@code { "type": "ring", "nodes": 16 }}, {@code [3, 224, 224]}), anything
 * else one member per line; UTF-8 text kept as is; a final newline. Members keep their order.
 *
 * <p>Numbers: integers as written; other numbers in the shortest form that reads back to the same
 * {@code double} ({@code 0.05}, {@code 4.0}, {@code 1e-05} is written {@code 1e-5}, {@code 1.5e9}). The output is a pure function of the tree, so
 * writing what was read from this writer's output gives the same bytes.
 */
public final class PrettyJson {

    /** Lines are kept within this many columns where a value can be put on one line. */
    public static final int WIDTH = 120;

    private PrettyJson() {
    }

    /** The document as text, ending with a newline. */
    public static String write(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        value(sb, root, 0, 0, true);
        sb.append('\n');
        return sb.toString();
    }

    /**
     * A JSON number node for a double: an integer node when the value is a whole number of magnitude
     * below 1e15 (so 5.0 is written {@code 5}), else a double node.
     */
    public static JsonNode num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return LongNode.valueOf((long) v);
        }
        return DoubleNode.valueOf(v);
    }

    /** A JSON node for a Long, Integer, Double, Boolean or String, or null. */
    public static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return LongNode.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return DoubleNode.valueOf(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof JsonNode j) {
            return j;
        }
        return f.textNode(String.valueOf(v));
    }

    /** The text of a number node as this writer writes it. */
    public static String number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().toString();
        }
        return formatDouble(n.doubleValue());
    }

    /** Shortest round-tripping form of a finite double, with a lower-case exponent and no ".0" mantissa. */
    public static String formatDouble(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** Escapes a string as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean flat(JsonNode n) {
        for (JsonNode c : n) {
            if (c.isContainerNode() && !c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code n}, whose first character goes at column {@code col}, indented by {@code indent}. */
    private static void value(StringBuilder sb, JsonNode n, int indent, int col, boolean top) {
        if (!n.isContainerNode()) {
            sb.append(scalar(n));
            return;
        }
        if (n.isEmpty()) {
            sb.append(n.isObject() ? "{}" : "[]");
            return;
        }
        if (!top && flat(n)) {
            String one = oneLine(n);
            if (col + one.length() + 1 <= WIDTH) {
                sb.append(one);
                return;
            }
        }
        String pad = " ".repeat(indent + 2);
        if (n.isObject()) {
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = quote(e.getKey()) + ": ";
                sb.append(pad).append(key);
                value(sb, e.getValue(), indent + 2, indent + 2 + key.length(), false);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append('}');
        } else {
            sb.append("[\n");
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                sb.append(pad);
                value(sb, it.next(), indent + 2, indent + 2, false);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append(']');
        }
    }

    private static String oneLine(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        if (n.isObject()) {
            sb.append("{ ");
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(quote(e.getKey())).append(": ").append(inline(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append(" }");
        } else {
            sb.append('[');
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                sb.append(inline(it.next()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static String inline(JsonNode c) {
        if (c.isContainerNode()) {
            return c.isObject() ? "{}" : "[]"; // only empty containers are inlined
        }
        return scalar(c);
    }

    private static String scalar(JsonNode n) {
        if (n.isTextual()) {
            return quote(n.textValue());
        }
        if (n.isNumber()) {
            return number(n);
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "true" : "false";
        }
        if (n.isNull() || n.isMissingNode()) {
            return "null";
        }
        // binary or POJO nodes never come from a parsed file
        return quote(n.asText());
    }
}
