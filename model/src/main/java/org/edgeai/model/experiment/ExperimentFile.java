package org.edgeai.model.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * Loads, validates and saves experiment files (JSON, {@code "schemaVersion": 1}; DESIGN.md, "The experiment
 * file, by example").
 *
 * <p>Loading: {@link JsonDocument#parse parse} (syntax), optionally {@link JsonOverrides} ({@code --set}),
 * then {@link #read} (meaning). Every problem is an {@link ExperimentFileException}
 * {@code file:line:col: json.path: what was expected, got what}. Unknown keys are errors listing the keys
 * that exist, at the top level and in the topology and run sections. A file of a newer schema version is
 * refused before anything else is looked at. Loading validates the generator's parameters but does not
 * generate; {@link Experiment#buildTopology} does, and reports problems that need the generated graph
 * (e.g. a link to a node that does not exist) located in the file as well.
 *
 * <p>Saving: pretty-printed ({@link PrettyJson}), UTF-8, keys in the order of {@link Experiment#KEYS}
 * (inside the topology: {@link TopologySpec#KEYS}; raw sections as they were written). Two forms:
 * <ul>
 *   <li>as written ({@code fillDefaults = false}, the editor's Save): only what the user gave, so a file stays
 *       as short as it was written and follows later changes of defaults;</li>
 *   <li>with every default filled in ({@code fillDefaults = true}, what {@code summary.json} records): the
 *       experiment exactly as run, independent of the defaults of the version that ran it.</li>
 * </ul>
 * Either form read back and saved again gives the same bytes.
 */
public final class ExperimentFile {

    private ExperimentFile() {
    }

    /**
     * Reads, parses and validates an experiment file.
     *
     * @throws ExperimentFileException located at the first problem
     */
    public static Experiment load(Path file, ProviderRegistry<GeneratorProvider> generators) {
        return load(file, generators, List.of());
    }

    /**
     * As {@link #load(Path, ProviderRegistry)} with {@code path=value} overrides applied before validation
     * (the command line's {@code --set}).
     */
    public static Experiment load(Path file, ProviderRegistry<GeneratorProvider> generators, List<String> overrides) {
        JsonDocument doc = JsonDocument.parse(file);
        checkVersion(doc.rootSection()); // a newer file is refused before an override could touch it
        JsonOverrides.applyAll(doc, overrides);
        return read(doc, generators).withSource(file);
    }

    /** Parses and validates experiment JSON text; {@code origin} names it in messages. */
    public static Experiment fromJson(String json, String origin, ProviderRegistry<GeneratorProvider> generators) {
        return read(JsonDocument.parse(json, origin), generators);
    }

    /**
     * Validates a parsed document as an experiment.
     *
     * @throws ExperimentFileException located at the first problem
     */
    public static Experiment read(JsonDocument doc, ProviderRegistry<GeneratorProvider> generators) {
        Section root = doc.rootSection();
        checkVersion(root);
        root.checkKeys(Experiment.KEYS);
        String name = root.string("name", null);
        String description = root.string("description", null);
        Long seed = root.integer("seed", null, Long.MIN_VALUE, Long.MAX_VALUE);
        TopologySpec topology = TopologySpec.parse(root.requireSection("topology"), generators);
        Long rounds = null;
        var run = root.section("run");
        if (run.isPresent()) {
            run.get().checkKeys("rounds");
            rounds = run.get().integer("rounds", null, 1, Experiment.MAX_ROUNDS);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        for (String k : Experiment.RAW_SECTIONS) {
            root.section(k).ifPresent(s -> sections.put(k, s.detached()));
        }
        return new Experiment(name, description, seed, topology, rounds, sections, null);
    }

    private static void checkVersion(Section root) {
        JsonNode v = root.get("schemaVersion");
        if (v == null || v.isNull()) {
            throw root.errorAt("schemaVersion", "missing; an experiment file starts with \"schemaVersion\": "
                    + Experiment.SCHEMA_VERSION);
        }
        if (!v.isIntegralNumber()) {
            throw root.errorAt("schemaVersion", "expected the integer " + Experiment.SCHEMA_VERSION + ", got "
                    + Section.describe(v));
        }
        if (!v.canConvertToLong() || v.longValue() > Experiment.SCHEMA_VERSION) {
            throw root.errorAt("schemaVersion", "written by a newer version of the workbench (schemaVersion "
                    + v.bigIntegerValue() + "; this version reads " + Experiment.SCHEMA_VERSION + ")");
        }
        if (v.longValue() < 1) {
            throw root.errorAt("schemaVersion", "expected " + Experiment.SCHEMA_VERSION + ", got " + v.longValue());
        }
    }

    /** The experiment as a JSON tree, keys in the order of {@link Experiment#KEYS}. */
    public static ObjectNode toTree(Experiment e, boolean fillDefaults) {
        Experiment x = fillDefaults ? e.withDefaults() : e;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        for (String key : Experiment.KEYS) {
            switch (key) {
                case "schemaVersion" -> o.put(key, Experiment.SCHEMA_VERSION);
                case "name" -> x.writtenName().ifPresent(v -> o.put(key, v));
                case "description" -> x.writtenDescription().ifPresent(v -> o.put(key, v));
                case "seed" -> x.writtenSeed().ifPresent(v -> o.put(key, v));
                case "topology" -> o.set(key, x.topology().toJson(false));
                case "run" -> x.writtenRounds().ifPresent(r -> o.putObject(key).put("rounds", r));
                default -> x.section(key).ifPresent(s -> o.set(key, s.json()));
            }
        }
        return o;
    }

    /** The experiment as written ({@code fillDefaults = false}). */
    public static String toJson(Experiment e) {
        return toJson(e, false);
    }

    /** The experiment as pretty-printed JSON text (see the class comment for the two forms). */
    public static String toJson(Experiment e, boolean fillDefaults) {
        return PrettyJson.write(toTree(e, fillDefaults));
    }

    /** Saves the experiment as written. */
    public static void save(Experiment e, Path file) {
        save(e, file, false);
    }

    /**
     * Saves the experiment, replacing the file atomically where the file system allows (written to a
     * temporary file beside it, then moved), so a crash never leaves half a file.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void save(Experiment e, Path file, boolean fillDefaults) {
        writeAtomically(file, toJson(e, fillDefaults));
    }

    /** Writes UTF-8 text to {@code file} through a temporary file in the same folder. */
    public static void writeAtomically(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
