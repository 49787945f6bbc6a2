package org.edgeai.model.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/**
 * Reads the sample experiment files for tests: the {@code topology} section's listed nodes and links (the
 * experiment loader is written elsewhere; this reads only what the samples use) and the raw JSON.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** The repository's {@code sample-topologies} folder, found upward from the working directory. */
    public static Path dir() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            Path s = p.resolve("sample-topologies");
            if (Files.isDirectory(s)) {
                return s;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no sample-topologies folder above " + Paths.get("").toAbsolutePath());
    }

    public static JsonNode read(String name) throws IOException {
        return new ObjectMapper().readTree(dir().resolve(name).toFile());
    }

    public static Topology topology(JsonNode root) {
        Topology t = new Topology();
        for (JsonNode n : root.get("topology").get("nodes")) {
            t.putNode(new Node(n.get("id").asText(), NodeKind.fromId(n.get("kind").asText()), n.get("computeGflops").asDouble(),
                    n.get("memoryMb").asDouble(), n.get("x").asDouble(), n.get("y").asDouble(), n.get("label").asText(), null));
        }
        for (JsonNode l : root.get("topology").get("links")) {
            t.putLink(new Link(l.get("source").asText(), l.get("target").asText(), l.get("bandwidthMbps").asDouble(),
                    l.get("latencyMs").asDouble(), null));
        }
        return t;
    }
}
