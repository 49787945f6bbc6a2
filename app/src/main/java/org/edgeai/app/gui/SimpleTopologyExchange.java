package org.edgeai.app.gui;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * Built-in {@link TopologyExchange}: imports and exports the JSON topology section (nodes and links) and
 * exports Graphviz DOT. GraphML and GML come with {@code TopologyIO} after the merge.
 */
public final class SimpleTopologyExchange implements TopologyExchange {

    @Override
    public List<String> importFormats() {
        return List.of("json");
    }

    @Override
    public List<String> exportFormats() {
        return List.of("json", "dot");
    }

    @Override
    public Topology importTopology(Path file, String format) throws IOException {
        if (!format.equals("json")) {
            throw new IllegalArgumentException("import format '" + format + "' is not supported; expected one of "
                    + String.join(", ", importFormats()));
        }
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = SimpleTopologyJson.JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
        // Either a bare topology section or a whole experiment file.
        JsonNode topo = root.has("topology") ? root.get("topology") : root;
        return SimpleTopologyJson.read(topo, where + (root.has("topology") ? ": $.topology" : ": $"), null, 0);
    }

    @Override
    public void exportTopology(Topology t, Path file, String format) throws IOException {
        switch (format) {
            case "json" -> SimpleTopologyJson.JSON.writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(file.toFile(), SimpleTopologyJson.write(t));
            case "dot" -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    w.write("graph topology {\n");
                    for (Node n : t.nodes()) {
                        w.write(String.format(Locale.ROOT, "  \"%s\" [kind=\"%s\", computeGflops=%s, memoryMb=%s, pos=\"%s,%s\"%s];%n",
                                n.id(), n.kind().id(), n.computeGflops(), n.memoryMb(), n.x(), -n.y(),
                                n.label().isEmpty() ? "" : ", label=\"" + n.label().replace("\"", "\\\"") + "\""));
                    }
                    for (Link l : t.links()) {
                        w.write(String.format(Locale.ROOT, "  \"%s\" -- \"%s\" [bandwidthMbps=%s, latencyMs=%s];%n",
                                l.source(), l.target(), l.bandwidthMbps(), l.latencyMs()));
                    }
                    w.write("}\n");
                }
            }
            default -> throw new IllegalArgumentException("export format '" + format + "' is not supported; expected one of "
                    + String.join(", ", exportFormats()));
        }
    }
}
