package org.edgeai.model.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.Provider;
import org.edgeai.model.spi.ProviderRegistry;

/**
 * A JSON object of an experiment file together with its place in the file: its JSON path (e.g.
 * {@code algorithm} or {@code workload.dataset}) and the means to locate any value inside it. The
 * experiment keeps the sections it does not type itself ({@code workload}, {@code algorithm},
 * {@code compression}, {@code network}, {@code pipeline}, {@code split}, {@code sweep}) as sections, in the order and
 * form they were written, and writes them back unchanged on save.
 *
 * <p>Code that gives a section its meaning reads typed values through this class, so every error is located
 * the same way, {@code file:line:col: json.path: what was expected, got what}:
 * <pre>{@code
 * Section a = experiment.section("algorithm").orElseThrow();
 * a.checkKeys("type", "mixing", "learningRate");            // unknown keys: listed, with suggestions
 * double eta = a.number("learningRate", 0.1, 0, 10);        // default 0.1, range [0, 10]
 * if (eta == 0) throw a.errorAt("learningRate", "expected a learning rate > 0, got 0");
 * throw a.error("algorithm.learningRate", "expected ...");  // by absolute JSON path
 * Section.Configured<AlgorithmProvider> c = a.provider("type", algorithms, "algorithm");
 * }</pre>
 *
 * <p>Conventions: keys are relative to this section; paths passed to {@link #error(String, String)} are
 * absolute. A member whose value is JSON {@code null} counts as absent for the typed getters (it takes its
 * default); {@link #get(String)} still shows it. Typed getters are strict about JSON types: a number
 * written as a string is an error. Instances are treated as immutable: {@link #get(String)} returns the
 * live node, which callers must not modify; {@link #json()} returns a copy.
 */
public final class Section {

    /** A provider chosen by a section's {@code type} key and its validated parameters. */
    public record Configured<P extends Provider>(P provider, Parameters parameters) {
    }

    private final String path;
    private final ObjectNode node;
    private final Locator locator;

    Section(String path, ObjectNode node, Locator locator) {
        this.path = Objects.requireNonNull(path);
        this.node = Objects.requireNonNull(node);
        this.locator = Objects.requireNonNull(locator);
    }

    /**
     * A section made in code (e.g. by the GUI): errors name the path but no file position.
     *
     * @param path its absolute JSON path, e.g. {@code algorithm}
     * @param json the object; copied
     */
    public static Section of(String path, ObjectNode json) {
        return new Section(path, json.deepCopy(), Locator.none(""));
    }

    Locator locator() {
        return locator;
    }

    /** A copy that no longer shares its tree with the document it came from. */
    Section detached() {
        return new Section(path, node.deepCopy(), locator);
    }

    // ------------------------------------------------------------------ identity and location

    /** The absolute JSON path of this object, e.g. {@code algorithm}; empty for a whole document. */
    public String path() {
        return path;
    }

    /** The absolute path of member {@code key}. */
    public String pathOf(String key) {
        return JsonPath.key(path, key);
    }

    /** A deep copy of the object, in written order. */
    public ObjectNode json() {
        return node.deepCopy();
    }

    /** The member names, in written order. */
    public List<String> keys() {
        List<String> l = new ArrayList<>();
        node.fieldNames().forEachRemaining(l::add);
        return l;
    }

    /** True when {@code key} is present and not {@code null}. */
    public boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    /** The raw value of {@code key} (possibly a {@code NullNode}), or {@code null} when absent. Do not modify. */
    public JsonNode get(String key) {
        return node.get(key);
    }

    /** Where this object starts. */
    public SourceLocation location() {
        return locator.value(path);
    }

    /** Where the value of {@code key} was written (this object's location when it is missing). */
    public SourceLocation location(String key) {
        return locator.value(pathOf(key));
    }

    /** A located error about the value at the absolute JSON path {@code absolutePath}. */
    public ExperimentFileException error(String absolutePath, String problem) {
        return new ExperimentFileException(locator.value(absolutePath), absolutePath, problem);
    }

    /** A located error about member {@code key} of this section. */
    public ExperimentFileException errorAt(String key, String problem) {
        return error(pathOf(key), problem);
    }

    /** A located error about this section as a whole. */
    public ExperimentFileException error(String problem) {
        return error(path, problem);
    }

    // ------------------------------------------------------------------ structure

    /** @throws ExperimentFileException at the first key that is not in {@code known}, listing the known keys */
    public void checkKeys(String... known) {
        checkKeys(Arrays.asList(known));
    }

    /** @throws ExperimentFileException at the first key that is not in {@code known}, listing the known keys */
    public void checkKeys(Collection<String> known) {
        Set<String> k = new LinkedHashSet<>(known);
        for (String key : keys()) {
            if (!k.contains(key)) {
                String p = pathOf(key);
                throw new ExperimentFileException(locator.key(p), p, Names.unknown("key", key, k));
            }
        }
    }

    /** The object at {@code key}, if present and not null. */
    public Optional<Section> section(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw errorAt(key, "expected an object ({ ... }), got " + describe(n));
        }
        return Optional.of(new Section(pathOf(key), (ObjectNode) n, locator));
    }

    /** The object at {@code key}; missing is an error. */
    public Section requireSection(String key) {
        return section(key).orElseThrow(() -> errorAt(key, "missing; expected an object ({ ... })"));
    }

    /** The elements of the array at {@code key} (empty when absent or null). Do not modify them. */
    public List<JsonNode> list(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw errorAt(key, "expected an array ([ ... ]), got " + describe(n));
        }
        List<JsonNode> l = new ArrayList<>(n.size());
        n.elements().forEachRemaining(l::add);
        return l;
    }

    /** The array at {@code key} whose elements must all be objects, as sections (empty when absent). */
    public List<Section> sections(String key) {
        List<JsonNode> l = list(key);
        List<Section> out = new ArrayList<>(l.size());
        String ap = pathOf(key);
        for (int i = 0; i < l.size(); i++) {
            JsonNode e = l.get(i);
            String ep = JsonPath.index(ap, i);
            if (!e.isObject()) {
                throw error(ep, "expected an object ({ ... }), got " + describe(e));
            }
            out.add(new Section(ep, (ObjectNode) e, locator));
        }
        return out;
    }

    /** A copy of this section with member {@code key} set to {@code value} (e.g. for an edit in the GUI). */
    public Section with(String key, JsonNode value) {
        ObjectNode copy = node.deepCopy();
        copy.set(key, value == null ? null : value.deepCopy());
        return new Section(path, copy, locator);
    }

    /** A copy of this section without member {@code key}. */
    public Section without(String key) {
        ObjectNode copy = node.deepCopy();
        copy.remove(key);
        return new Section(path, copy, locator);
    }

    // ------------------------------------------------------------------ typed values

    /**
     * The value of {@code key} checked and converted by a plugin parameter descriptor (Long for INTEGER,
     * Double for DOUBLE, Boolean, String); the descriptor's default when absent.
     *
     * @throws ExperimentFileException when required and missing, of the wrong JSON type or out of range,
     *         e.g. {@code topology.generator.nodes: expected an integer in [3, 10000000], got 2}
     */
    public Object value(String key, ParameterDescriptor d) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            if (d.required()) {
                throw errorAt(key, "missing; expected " + d.expected());
            }
            return d.defaultValue();
        }
        Object raw = switch (d.type()) {
            case INTEGER -> n.isIntegralNumber() ? (n.canConvertToLong() ? (Object) n.longValue() : null)
                    : n.isNumber() ? (Object) n.doubleValue() : null;
            case DOUBLE -> n.isNumber() ? (Object) n.doubleValue() : null;
            case BOOLEAN -> n.isBoolean() ? (Object) n.booleanValue() : null;
            case STRING, CHOICE -> n.isTextual() ? n.textValue() : null;
        };
        if (raw == null) {
            throw errorAt(key, "expected " + d.expected() + ", got " + describe(n));
        }
        try {
            return d.coerce(raw);
        } catch (IllegalArgumentException e) {
            throw errorAt(key, "expected " + d.expected() + ", got " + describe(n));
        }
    }

    /** A string, or {@code def} when absent (def may be null). */
    public String string(String key, String def) {
        return has(key) ? (String) value(key, ParameterDescriptor.string(key, null, "")) : def;
    }

    /** A string that must be present. */
    public String requireString(String key) {
        return (String) value(key, ParameterDescriptor.string(key, null, ""));
    }

    /** One of {@code choices}, or {@code def} when absent (def may be null). */
    public String choice(String key, String def, List<String> choices) {
        return has(key) ? (String) value(key, ParameterDescriptor.choice(key, null, choices, "")) : def;
    }

    /**
     * An integer in [min, max] (use Long.MIN_VALUE / Long.MAX_VALUE for no bound), or {@code def} when
     * absent (def may be null).
     */
    public Long integer(String key, Long def, long min, long max) {
        if (!has(key)) {
            return def;
        }
        return (Long) value(key, ParameterDescriptor.integer(key, null,
                min == Long.MIN_VALUE ? null : min, max == Long.MAX_VALUE ? null : max, ""));
    }

    /** An integer in [min, max] that must be present. */
    public long requireInteger(String key, long min, long max) {
        if (!has(key)) {
            value(key, ParameterDescriptor.integer(key, null, min == Long.MIN_VALUE ? null : min,
                    max == Long.MAX_VALUE ? null : max, "")); // throws "missing"
        }
        return integer(key, null, min, max);
    }

    /**
     * A number in [min, max] (infinite bounds for none), or {@code def} when absent (def may be null).
     * Integers are accepted.
     */
    public Double number(String key, Double def, double min, double max) {
        if (!has(key)) {
            return def;
        }
        return (Double) value(key, ParameterDescriptor.real(key, null,
                Double.isInfinite(min) ? null : min, Double.isInfinite(max) ? null : max, ""));
    }

    /** A finite number &gt; 0, or {@code def} when absent (def may be null). */
    public Double positive(String key, Double def) {
        Double v = number(key, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        if (has(key) && !(v > 0)) {
            throw errorAt(key, "expected a number > 0, got " + describe(node.get(key)));
        }
        return v;
    }

    /** true or false, or {@code def} when absent (def may be null). */
    public Boolean bool(String key, Boolean def) {
        return has(key) ? (Boolean) value(key, ParameterDescriptor.bool(key, false, "")) : def;
    }

    // ------------------------------------------------------------------ plugins

    /**
     * Chooses a provider by the string at {@code typeKey} and validates the other members as its
     * parameters: an unknown type lists the ids that exist; an unknown parameter lists the parameters;
     * a bad value names its JSON path. Cross-parameter checks of {@link Provider#validate} are reported at
     * this section.
     *
     * @param family the family's name in messages, e.g. {@code generator}
     */
    public <P extends Provider> Configured<P> provider(String typeKey, ProviderRegistry<P> registry, String family) {
        String type = requireString(typeKey);
        Optional<P> p = registry.find(type);
        if (p.isEmpty()) {
            throw errorAt(typeKey, Names.unknown(family, type, registry.ids()));
        }
        return new Configured<>(p.get(), parameters(p.get(), List.of(typeKey)));
    }

    /**
     * Validates the members of this section, except {@code excluded} ones, as the parameters of {@code p}.
     *
     * @throws ExperimentFileException located at the offending member (or at this section for missing
     *         and cross-parameter problems)
     */
    public Parameters parameters(Provider p, Collection<String> excluded) {
        Map<String, ParameterDescriptor> byName = new LinkedHashMap<>();
        for (ParameterDescriptor d : p.parameters()) {
            byName.put(d.name(), d);
        }
        Set<String> allowed = new LinkedHashSet<>(excluded);
        allowed.addAll(byName.keySet());
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                String kp = pathOf(key);
                throw new ExperimentFileException(locator.key(kp), kp,
                        Names.unknown("parameter of " + p.id(), key, allowed));
            }
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ParameterDescriptor d : byName.values()) {
            raw.put(d.name(), value(d.name(), d));
        }
        try {
            return p.validate(raw);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** How a value reads in a message: strings quoted, numbers as written, "an object", "an array". */
    public static String describe(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        if (n.isTextual()) {
            String s = n.textValue();
            return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
        }
        if (n.isNumber()) {
            return PrettyJson.number(n);
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return ((ArrayNode) n).isEmpty() ? "an empty array" : "an array";
        }
        return n.asText(); // true, false, null
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Section s && s.path.equals(path) && s.node.equals(node);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + node.hashCode();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + " " + node;
    }
}
