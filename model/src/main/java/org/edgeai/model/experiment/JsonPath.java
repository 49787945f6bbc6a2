package org.edgeai.model.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON paths as used in error messages and by {@link JsonOverrides}: keys joined by dots, array elements by
 * {@code [index]}, e.g. {@code topology.nodes[0].kind}. The document itself is the empty path.
 */
public final class JsonPath {

    private JsonPath() {
    }

    /** The path of member {@code key} of the object at {@code parent}. */
    public static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The parent path, or {@code null} for the document itself. */
    public static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** True when {@code path} is {@code ancestor} or lies inside it. */
    public static boolean within(String path, String ancestor) {
        if (ancestor.isEmpty() || path.equals(ancestor)) {
            return true;
        }
        return path.startsWith(ancestor) && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    /**
     * Splits a path into segments: a {@link String} per key and an {@link Integer} per array index.
     *
     * @throws IllegalArgumentException naming the path when it is malformed (empty key, bad index)
     */
    public static List<Object> parse(String path) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw new IllegalArgumentException("empty JSON path");
        }
        boolean expectKey = true;
        while (i < n) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': '[' without ']'");
                }
                String digits = path.substring(i + 1, close);
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': expected an array index, got '["
                            + digits + "]'");
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': it must start with a key");
                }
                out.add(Integer.parseInt(digits));
                i = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': empty key at position " + i);
                }
                i++;
                expectKey = true;
                if (i == n) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': it ends with '.'");
                }
            } else {
                if (!expectKey) {
                    throw new IllegalArgumentException("malformed JSON path '" + path + "': expected '.' or '[' at position " + i);
                }
                int j = i;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    if (path.charAt(j) == ']') {
                        throw new IllegalArgumentException("malformed JSON path '" + path + "': ']' without '['");
                    }
                    j++;
                }
                out.add(path.substring(i, j));
                i = j;
                expectKey = false;
            }
        }
        return out;
    }
}
