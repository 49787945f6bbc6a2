package org.edgeai.model.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.JsonDocument;
import org.edgeai.model.experiment.JsonOverrides;
import org.edgeai.model.experiment.JsonPath;
import org.edgeai.model.experiment.Names;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.experiment.SourceLocation;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunRegistries;
import org.edgeai.model.run.TraceMode;
import org.edgeai.model.topology.generate.GenerationException;

/**
 * A sweep file read and expanded: an experiment whose {@code sweep} section holds a grid over JSON paths,
 * <pre>
 * "sweep": { "grid": { "topology.generator.type": ["complete", "ring"], "algorithm.type": ["dsgd"], "seed": [1, 2, 3] } }
 * </pre>
 * <ul>
 *   <li>Paths use the syntax of {@code run --set} ({@link JsonOverrides}: keys joined by dots, array elements by
 *       {@code [i]}) and must start with a top-level key of the experiment other than {@code schemaVersion}
 *       and {@code sweep}; no path may lie inside another one (the result would depend on their order).</li>
 *   <li>Values are any JSON: a number, a string, a whole object (e.g. a compression section) or {@code null},
 *       which the sections read as "absent": {@code "compression": [null, {"type": "qsgd"}]} sweeps no
 *       compression against QSGD. Each list must be non-empty.</li>
 *   <li>Points are the cartesian product in the order the keys are written, the LAST key varying fastest:
 *       point k's value for key j is {@code values_j[(k / (n_{j+1} * ... * n_last)) mod n_j]}.</li>
 *   <li>Point ids ({@link #pointId}): {@code p} + the index zero-padded to the width of the point count (at least
 *       3 digits) + {@code -} + a slug of the values, e.g. {@code p003-ring_dsgd_1}.</li>
 * </ul>
 * {@link #load} validates everything before anything runs: the grid, and every point's experiment as a run
 * would ({@link RunPlan#of}: sections, topology, workload). A bad point is a {@link SweepException} naming the
 * point and the located problem. Pipeline experiments cannot be swept yet.
 *
 * <p>Cost: {@link #load} builds each point's topology and workload once to validate it, O(points x cost of
 * {@link RunPlan#of}); the plans are not kept (the runner builds them again when it runs the point).
 * Immutable.
 */
public final class SweepSpec {

    /** The top-level key of the sweep section. */
    public static final String SECTION = "sweep";
    /** Most points a sweep may have. */
    public static final int MAX_POINTS = 1_000_000;
    /** Longest slug after the index in a point id. */
    public static final int MAX_SLUG = 48;

    private final Path file;
    private final Experiment base;
    private final ObjectNode baseTree;
    private final Map<String, List<JsonNode>> grid;
    private final SweepTarget target;
    private final List<SweepPoint> points;

    private SweepSpec(Path file, Experiment base, ObjectNode baseTree, Map<String, List<JsonNode>> grid, List<SweepPoint> points,
                      SweepTarget target) {
        this.target = target;
        this.file = file;
        this.base = base;
        this.baseTree = baseTree;
        this.grid = grid;
        this.points = points;
    }

    /**
     * Reads a sweep file, applies {@code overrides} ({@code --set path=value}, to the base experiment before
     * expansion), validates the grid, expands the points and validates each point's experiment.
     *
     * @param file       the sweep file (an experiment file with a {@code sweep} section)
     * @param overrides  {@code path=value} assignments, applied in order; may be empty
     * @param registries generators, algorithms and compressors the points are checked against
     * @throws ExperimentFileException located, when the file itself or its grid is wrong
     * @throws SweepException          naming the point, when one point's experiment is wrong
     */
    public static SweepSpec load(Path file, List<String> overrides, RunRegistries registries) {
        List<String> sets = overrides == null ? List.of() : List.copyOf(overrides);
        Experiment base = ExperimentFile.load(file, registries.generators(), sets); // syntax, version, structure
        String origin = String.valueOf(file.getFileName());
        Section sweep = base.section(SECTION).orElseThrow(() -> new ExperimentFileException(origin, 0, 0, SECTION,
                "missing; a sweep file is an experiment with a section \"sweep\": { \"grid\": { \"<json.path>\": [values...] } }"));
        base.section("pipeline").ifPresent(p -> {
            throw p.error("sweeps of pipeline experiments are not supported yet; sweep an experiment with an algorithm section");
        });
        Map<String, List<JsonNode>> grid = readGrid(sweep);

        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8); // ExperimentFile.load has checked it is UTF-8 JSON
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // where each grid value was written, so that an error about a swept value points at it
        JsonDocument located = document(text, origin, sets);
        Map<String, List<String>> origins = new LinkedHashMap<>();
        grid.forEach((path, values) -> {
            List<String> o = new ArrayList<>();
            for (int j = 0; j < values.size(); j++) {
                SourceLocation at = located.location(JsonPath.index(JsonPath.key(sweep.pathOf("grid"), path), j));
                o.add(at.hasPosition() ? at.toString() : origin + " (sweep.grid \"" + path + "\"[" + j + "])");
            }
            origins.put(path, o);
        });

        int count = count(grid, sweep);
        List<String> paths = new ArrayList<>(grid.keySet());
        List<SweepPoint> points = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int[] choice = choice(grid, k);
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int j = 0; j < paths.size(); j++) {
                values.put(paths.get(j), grid.get(paths.get(j)).get(choice[j]));
            }
            String id = pointId(k, count, new ArrayList<>(values.values()));
            JsonDocument doc = document(text, origin, sets);
            doc.root().remove(SECTION); // a point is a plain experiment
            Experiment e;
            try {
                for (int j = 0; j < paths.size(); j++) {
                    String p = paths.get(j);
                    JsonOverrides.setNode(doc, p, values.get(p).deepCopy(), origins.get(p).get(choice[j]));
                }
                e = ExperimentFile.read(doc, registries.generators()).withSource(file);
            } catch (ExperimentFileException ex) {
                throw pointError(id, values, ex);
            }
            SweepPoint point = new SweepPoint(k, id, values, e);
            try {
                RunPlan.of(e, registries); // validates every section a run reads; the plan is built again to run
            } catch (ExperimentFileException | GenerationException | UncheckedIOException | IllegalArgumentException ex) {
                throw pointError(id, values, ex);
            }
            points.add(point);
        }
        ObjectNode baseTree = ExperimentFile.toTree(base.withoutSection(SECTION), false);
        return new SweepSpec(file, base, baseTree, Collections.unmodifiableMap(grid), Collections.unmodifiableList(points),
                SweepTarget.read(sweep));
    }

    private static JsonDocument document(String text, String origin, List<String> sets) {
        JsonDocument doc = JsonDocument.parse(text, origin);
        JsonOverrides.applyAll(doc, sets);
        return doc;
    }

    private static SweepException pointError(String id, Map<String, JsonNode> values, RuntimeException ex) {
        StringBuilder d = new StringBuilder();
        values.forEach((p, v) -> d.append(d.length() == 0 ? "" : ", ").append(p).append("=").append(SweepIndex.text(v)));
        String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return new SweepException("sweep point " + id + " (" + d + "): " + m, ex);
    }

    /** The top-level keys a grid path may start with. */
    public static List<String> sweepableKeys() {
        List<String> l = new ArrayList<>(Experiment.KEYS);
        l.remove("schemaVersion");
        l.remove(SECTION);
        return l;
    }

    private static Map<String, List<JsonNode>> readGrid(Section sweep) {
        sweep.checkKeys("grid", "target");
        Section g = sweep.requireSection("grid");
        List<String> keys = g.keys();
        if (keys.isEmpty()) {
            throw g.error("expected at least one swept path, e.g. \"grid\": { \"seed\": [1, 2, 3] }");
        }
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        for (String path : keys) {
            List<Object> segs;
            try {
                segs = JsonPath.parse(path);
            } catch (IllegalArgumentException e) {
                throw g.errorAt(path, "not a JSON path (keys joined by dots, array elements [i]): " + e.getMessage());
            }
            if (!(segs.get(0) instanceof String top) || !sweepableKeys().contains(top)) {
                throw g.errorAt(path, "a swept path must start with a top-level key of the experiment; "
                        + Names.unknown("key", String.valueOf(segs.get(0)), sweepableKeys()));
            }
            for (String other : grid.keySet()) {
                if (JsonPath.within(path, other) || JsonPath.within(other, path)) {
                    throw g.errorAt(path, "overlaps the swept path '" + other + "' (one lies inside the other; "
                            + "sweep whole values under one path instead)");
                }
            }
            JsonNode v = g.get(path);
            if (!(v instanceof ArrayNode a)) {
                throw g.errorAt(path, "expected an array of the values to try, e.g. [1, 2, 3], got " + Section.describe(v));
            }
            if (a.isEmpty()) {
                throw g.errorAt(path, "expected at least one value, got an empty array");
            }
            List<JsonNode> values = new ArrayList<>(a.size());
            a.elements().forEachRemaining(x -> values.add(x.deepCopy()));
            grid.put(path, Collections.unmodifiableList(values));
        }
        return grid;
    }

    private static int count(Map<String, List<JsonNode>> grid, Section sweep) {
        long n = 1;
        for (List<JsonNode> v : grid.values()) {
            n *= v.size();
            if (n > MAX_POINTS) {
                throw sweep.errorAt("grid", "the grid has more than " + MAX_POINTS + " points (the product of its list lengths)");
            }
        }
        return (int) n;
    }

    /** Which value of each key point {@code k} takes: mixed radix, last key least significant. */
    private static int[] choice(Map<String, List<JsonNode>> grid, int k) {
        List<List<JsonNode>> lists = new ArrayList<>(grid.values());
        int[] c = new int[lists.size()];
        int rest = k;
        for (int j = lists.size() - 1; j >= 0; j--) {
            int n = lists.get(j).size();
            c[j] = rest % n;
            rest /= n;
        }
        return c;
    }

    // ------------------------------------------------------------------ ids

    /**
     * The id of point {@code index} of {@code count}: {@code p}, the index zero-padded to the number of digits of
     * {@code count} (at least 3), {@code -}, then the values' {@link #slug slugs} joined by {@code _}, the whole
     * slug cut to {@value #MAX_SLUG} characters. E.g. {@code p003-ring_dsgd_1}. Unique within a sweep (the
     * index is); safe as a folder name on every file system (characters {@code [a-z0-9._-]}).
     *
     * @throws IllegalArgumentException when index is not in [0, count)
     */
    public static String pointId(int index, int count, List<JsonNode> values) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("index: expected in [0, " + count + "), got " + index);
        }
        int width = Math.max(3, Integer.toString(count).length());
        StringBuilder s = new StringBuilder();
        for (JsonNode v : values) {
            s.append(s.length() == 0 ? "" : "_").append(slug(v));
        }
        String slug = s.length() > MAX_SLUG ? s.substring(0, MAX_SLUG) : s.toString();
        int end = slug.length();
        while (end > 0 && "-_.".indexOf(slug.charAt(end - 1)) >= 0) {
            end--; // a cut may leave a dangling separator
        }
        slug = slug.substring(0, end);
        String padded = String.format(Locale.ROOT, "%0" + width + "d", index);
        return slug.isEmpty() ? "p" + padded : "p" + padded + "-" + slug;
    }

    /**
     * A short lowercase name for a value: the compact JSON text ({@link SweepIndex#text}; strings
     * without quotes) lowercased, every character outside {@code [a-z0-9.]} replaced by {@code -}, runs of
     * {@code -} collapsed and leading and trailing ones removed (a number keeps its minus sign).
     * {@code "erdos-renyi"} gives {@code erdos-renyi}, {@code 0.05} gives {@code 0.05},
     * {@code {"type":"topk","ratio":0.05}} gives {@code type-topk-ratio-0.05}; an empty result is {@code empty}.
     */
    public static String slug(JsonNode v) {
        String t = SweepIndex.text(v).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
            if (keep) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            } else if (sb.length() == 0 && v.isNumber() && c == '-') {
                sb.append('-'); // a negative number
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 || sb.toString().equals("-") ? "empty" : sb.toString();
    }

    // ------------------------------------------------------------------ accessors

    /** The sweep file. */
    /** The sweep's target ({@code sweep.target}), or null. */
    public SweepTarget target() {
        return target;
    }

    public Path file() {
        return file;
    }

    /** The sweep file's experiment (overrides applied, sweep section included). */
    public Experiment base() {
        return base;
    }

    /** The swept paths, in the grid's order. */
    public List<String> paths() {
        return List.copyOf(grid.keySet());
    }

    /** Each swept path's values, in the grid's order (do not modify the nodes). */
    public Map<String, List<JsonNode>> grid() {
        return grid;
    }

    /** Every point, in index order. */
    public List<SweepPoint> points() {
        return points;
    }

    /** Number of points, in [1, {@value #MAX_POINTS}]. */
    public int size() {
        return points.size();
    }

    /** The points of {@code shard}, in index order. */
    public List<SweepPoint> points(SweepShard shard) {
        List<SweepPoint> l = new ArrayList<>();
        for (SweepPoint p : points) {
            if (shard.contains(p.index())) {
                l.add(p);
            }
        }
        return l;
    }

    /**
     * The content of {@code DIR/sweep.json}: {@code {"experiment": <the sweep file's experiment as written,
     * overrides applied, without its sweep section>, "grid": {...}, "trace": "full"|"none", "points": [{"index",
     * "id", "values"}, ...]}}. The same for every shard of a sweep.
     */
    public ObjectNode toJson(TraceMode trace) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.set("experiment", baseTree.deepCopy());
        ObjectNode g = o.putObject("grid");
        grid.forEach((p, vs) -> {
            ArrayNode a = g.putArray(p);
            vs.forEach(v -> a.add(v.deepCopy()));
        });
        o.put("trace", trace.id());
        if (target != null) {
            o.putObject("target").put(target.metric(), target.value());
        }
        ArrayNode ps = o.putArray("points");
        for (SweepPoint p : points) {
            ObjectNode x = p.toJson();
            ps.add(x);
        }
        return o;
    }
}
