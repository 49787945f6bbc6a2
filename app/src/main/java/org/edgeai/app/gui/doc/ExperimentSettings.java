package org.edgeai.app.gui.doc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything of an experiment but its topology, as the editor holds it: name, description, seed and the
 * sections of the experiment file (DESIGN.md: {@code workload}, {@code algorithm}, {@code compression},
 * {@code network}, {@code run}, or {@code pipeline}) as JSON-like values (String, Number, Boolean, List,
 * nested Map), in file order. Immutable and deeply copied; edits make a new one.
 *
 * @param name        experiment name, shown in the tab
 * @param description free text
 * @param seed        the experiment's seed
 * @param sections    section name to its JSON object
 */
public record ExperimentSettings(String name, String description, long seed, Map<String, Map<String, Object>> sections) {

    /** The sections the settings form shows, in this order. */
    public static final List<String> SECTIONS = List.of("workload", "algorithm", "compression", "network", "run");

    public ExperimentSettings {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        if (sections != null) {
            sections.forEach((k, v) -> m.put(k, deepCopy(v)));
        }
        sections = Collections.unmodifiableMap(m);
    }

    /** A section's values (empty when absent). */
    public Map<String, Object> section(String s) {
        return sections.getOrDefault(s, Map.of());
    }

    public ExperimentSettings withSection(String s, Map<String, Object> values) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>(sections);
        m.put(s, values);
        return new ExperimentSettings(name, description, seed, m);
    }

    public ExperimentSettings withName(String n) {
        return new ExperimentSettings(n, description, seed, sections);
    }

    public ExperimentSettings withDescription(String d) {
        return new ExperimentSettings(name, d, seed, sections);
    }

    public ExperimentSettings withSeed(long s) {
        return new ExperimentSettings(name, description, s, sections);
    }

    /** A value at a dotted path inside a section (e.g. {@code partition.alpha}), or {@code null}. */
    @SuppressWarnings("unchecked")
    public static Object get(Map<String, Object> section, String path) {
        Object cur = section;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = ((Map<String, Object>) m).get(part);
        }
        return cur;
    }

    /** A copy of {@code section} with the value at a dotted path set (intermediate objects are created). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> section, String path, Object value) {
        Map<String, Object> root = deepCopy(section);
        String[] parts = path.split("\\.");
        Map<String, Object> cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            }
            cur = (Map<String, Object>) next;
        }
        if (value == null) {
            cur.remove(parts[parts.length - 1]);
        } else {
            cur.put(parts[parts.length - 1], value);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, copyValue(v)));
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(x -> c.add(copyValue(x)));
            return c;
        }
        return v;
    }

    /** The settings of a new experiment: DESIGN.md's example values. */
    public static ExperimentSettings defaults(String name) {
        Map<String, Map<String, Object>> s = new LinkedHashMap<>();
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("task", "classification");
        workload.put("dataset", new LinkedHashMap<>(Map.of("type", "digits")));
        workload.put("model", new LinkedHashMap<>(Map.of("type", "softmax")));
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("type", "dirichlet");
        partition.put("alpha", 0.5);
        workload.put("partition", partition);
        workload.put("batchSize", 32L);
        workload.put("testFraction", 0.2);
        s.put("workload", workload);
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("type", "dsgd");
        algorithm.put("mixing", "metropolis");
        algorithm.put("learningRate", 0.1);
        s.put("algorithm", algorithm);
        s.put("compression", new LinkedHashMap<>(Map.of("type", "none")));
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("computeSpread", 0.0);
        network.put("stragglerProbability", 0.0);
        network.put("stragglerSlowdown", 4.0);
        network.put("dropoutProbability", 0.0);
        s.put("network", network);
        s.put("run", new LinkedHashMap<>(Map.of("rounds", 100L)));
        return new ExperimentSettings(name, "", 7, s);
    }
}
