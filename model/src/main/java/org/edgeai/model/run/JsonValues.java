package org.edgeai.model.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.experiment.PrettyJson;

/** Conversions between Jackson trees and the plain values (maps, lists, Long, Double, ...) plugins take. */
final class JsonValues {

    private JsonValues() {
    }

    /** An object as an insertion-ordered map of plain values. */
    static Map<String, Object> toMap(JsonNode object) {
        Map<String, Object> m = new LinkedHashMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), toJava(e.getValue())));
        return m;
    }

    /** Long for integers that fit, Double for other numbers, Boolean, String, Map, List, or null. */
    static Object toJava(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            return toMap(n);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            n.elements().forEachRemaining(e -> l.add(toJava(e)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    /** The JSON tree of a plain value (maps keep their order). */
    static JsonNode toJson(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), toJson(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            l.forEach(x -> a.add(toJson(x)));
            return a;
        }
        return PrettyJson.node(v);
    }
}
