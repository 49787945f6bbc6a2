package org.edgeai.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.topology.Topology;

/**
 * A built-in {@link DocumentStore} for DESIGN.md's experiment JSON (schemaVersion 1): it writes the
 * topology as listed nodes and links with positions, and keeps every other section as it was read. It
 * stands in until {@code ExperimentFile} is merged; it reads generated topologies when given a
 * {@link GeneratorCatalog}.
 */
public final class SimpleJsonDocumentStore implements DocumentStore {

    private final GeneratorCatalog generators;

    /** @param generators expands {@code topology.generator}; may be {@code null} (such files are then refused) */
    public SimpleJsonDocumentStore(GeneratorCatalog generators) {
        this.generators = generators;
    }

    @Override
    @SuppressWarnings("unchecked")
    public EditorDocumentData load(Path file) throws IOException {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = SimpleTopologyJson.JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        JsonNode v = root.get("schemaVersion");
        if (v == null || v.asInt(-1) != 1) {
            throw new IllegalArgumentException(where + ": $.schemaVersion: expected 1, got " + (v == null ? "nothing" : v));
        }
        String name = root.path("name").asText(stripExtension(where));
        long seed = root.path("seed").asLong(0);
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (!k.equals("schemaVersion") && !k.equals("name") && !k.equals("description") && !k.equals("seed")
                    && !k.equals("topology") && e.getValue().isObject()) {
                sections.put(k, (Map<String, Object>) JsonValues.toJava(e.getValue()));
            }
        });
        JsonNode topo = root.path("topology");
        Topology t = topo.isObject() ? SimpleTopologyJson.read(topo, where + ": $.topology", generators, seed) : new Topology();
        return new EditorDocumentData(new ExperimentSettings(name, root.path("description").asText(""), seed, sections), t);
    }

    @Override
    public void save(EditorDocumentData data, Path file) throws IOException {
        ObjectNode root = SimpleTopologyJson.JSON.createObjectNode();
        ExperimentSettings s = data.settings();
        root.put("schemaVersion", 1);
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        root.put("seed", s.seed());
        root.set("topology", SimpleTopologyJson.write(data.topology()));
        s.sections().forEach((k, v) -> root.set(k, JsonValues.toJson(v)));
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        SimpleTopologyJson.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), root);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
