package org.edgeai.model.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.experiment.Experiment;

/**
 * One point of a sweep: its place in the grid's cartesian product, its id (the name of its run folder) and
 * the value it gives each swept path.
 *
 * @param index      0-based position in the product (last grid key fastest), in [0, point count)
 * @param id         the run folder's name, e.g. {@code p003-ring_dsgd_1} ({@link SweepSpec#pointId})
 * @param values     swept path to value, in the grid's key order; unmodifiable (do not modify the nodes)
 * @param experiment the base experiment with these values set (the {@code sweep} section removed), validated
 */
public record SweepPoint(int index, String id, Map<String, JsonNode> values, Experiment experiment) {

    public SweepPoint {
        if (index < 0) {
            throw new IllegalArgumentException("index: expected >= 0, got " + index);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experiment, "experiment");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The swept values in the grid's key order. */
    public List<JsonNode> valueList() {
        return new ArrayList<>(values.values());
    }

    /** {@code path=value, path=value} with values as compact JSON ({@link SweepIndex#text}). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((p, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(p).append('=')
                .append(SweepIndex.text(v)));
        return sb.toString();
    }

    /**
     * The content of the run folder's {@code point.json}: {@code {"index": 3, "id": "p003-...", "values": {
     * "<path>": value, ... }}}.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("index", index);
        o.put("id", id);
        ObjectNode v = o.putObject("values");
        values.forEach((p, x) -> v.set(p, x.deepCopy()));
        return o;
    }

    @Override
    public String toString() {
        return id + " (" + describe() + ")";
    }
}
