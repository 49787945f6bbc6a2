package org.edgeai.app.gui;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkDefaults;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeDefaults;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;

/**
 * The {@code topology} section of DESIGN.md's experiment file with listed nodes and links (plus the drawing
 * position {@code x}, {@code y} the editor needs), for the built-in stand-ins. Errors name the JSON path.
 */
final class SimpleTopologyJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private SimpleTopologyJson() {
    }

    static ObjectNode write(Topology t) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode nodes = o.putArray("nodes");
        for (Node n : t.nodes()) {
            ObjectNode j = nodes.addObject();
            j.put("id", n.id());
            j.put("kind", n.kind().id());
            j.put("computeGflops", n.computeGflops());
            j.put("memoryMb", n.memoryMb());
            j.put("x", n.x());
            j.put("y", n.y());
            if (!n.label().isEmpty()) {
                j.put("label", n.label());
            }
            if (n.accessMbps() != null) {
                j.put("accessMbps", n.accessMbps());
            }
        }
        ArrayNode links = o.putArray("links");
        for (Link l : t.links()) {
            ObjectNode j = links.addObject();
            j.put("source", l.source());
            j.put("target", l.target());
            j.put("bandwidthMbps", l.bandwidthMbps());
            j.put("latencyMs", l.latencyMs());
            if (l.weight() != null) {
                j.put("weight", l.weight());
            }
        }
        return o;
    }

    /**
     * Reads listed nodes and links; {@code where} prefixes error messages (file name and JSON path).
     * A {@code generator} entry is expanded with {@code generators} when given.
     */
    static Topology read(JsonNode o, String where, GeneratorCatalog generators, long seed) {
        TopologyDefaults defaults = defaults(o.path("defaults"), where + ".defaults");
        Topology t = new Topology();
        JsonNode gen = o.get("generator");
        if (gen != null && !gen.isNull()) {
            if (generators == null) {
                throw new IllegalArgumentException(where + ".generator: generated topologies need the generator plugins");
            }
            String type = text(gen, "type", where + ".generator");
            Map<String, Object> raw = new java.util.LinkedHashMap<>();
            gen.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("type")) {
                    raw.put(e.getKey(), JsonValues.toJava(e.getValue()));
                }
            });
            try {
                t = generators.generate(type, raw, seed, defaults);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".generator: " + e.getMessage(), e);
            }
        }
        int i = 0;
        for (JsonNode j : o.path("nodes")) {
            String p = where + ".nodes[" + i++ + "]";
            String id = text(j, "id", p);
            Node base = t.findNode(id).orElse(null);
            NodeKind kind = j.has("kind") ? kind(j.get("kind").asText(), p) : base != null ? base.kind() : NodeKind.DEVICE;
            NodeDefaults d = defaults.node(kind);
            try {
                t.putNode(new Node(id, kind,
                        num(j, "computeGflops", base != null ? base.computeGflops() : d.computeGflops(), p),
                        num(j, "memoryMb", base != null ? base.memoryMb() : d.memoryMb(), p),
                        num(j, "x", base != null ? base.x() : 0, p), num(j, "y", base != null ? base.y() : 0, p),
                        j.has("label") ? j.get("label").asText() : base != null ? base.label() : "",
                        j.has("accessMbps") && !j.get("accessMbps").isNull() ? Double.valueOf(j.get("accessMbps").asDouble())
                                : base != null ? base.accessMbps() : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
            }
        }
        i = 0;
        LinkDefaults ld = defaults.link();
        for (JsonNode j : o.path("links")) {
            String p = where + ".links[" + i++ + "]";
            String s = text(j, "source", p);
            String tg = text(j, "target", p);
            Link base = t.hasNode(s) && t.hasNode(tg) ? t.findLink(s, tg).orElse(null) : null;
            try {
                t.putLink(new Link(s, tg, num(j, "bandwidthMbps", base != null ? base.bandwidthMbps() : ld.bandwidthMbps(), p),
                        num(j, "latencyMs", base != null ? base.latencyMs() : ld.latencyMs(), p),
                        j.has("weight") && !j.get("weight").isNull() ? Double.valueOf(j.get("weight").asDouble())
                                : base != null ? base.weight() : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
            }
        }
        return t;
    }

    private static TopologyDefaults defaults(JsonNode d, String where) {
        TopologyDefaults td = TopologyDefaults.standard();
        if (d.isMissingNode() || d.isNull()) {
            return td;
        }
        for (NodeKind k : NodeKind.values()) {
            JsonNode n = d.get(k.id());
            if (n != null) {
                NodeDefaults nd = td.node(k);
                td = td.withNode(k, new NodeDefaults(num(n, "computeGflops", nd.computeGflops(), where + "." + k.id()),
                        num(n, "memoryMb", nd.memoryMb(), where + "." + k.id())));
            }
        }
        JsonNode l = d.get("link");
        if (l != null) {
            td = td.withLink(new LinkDefaults(num(l, "bandwidthMbps", td.link().bandwidthMbps(), where + ".link"),
                    num(l, "latencyMs", td.link().latencyMs(), where + ".link")));
        }
        return td;
    }

    private static NodeKind kind(String id, String where) {
        try {
            return NodeKind.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".kind: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode o, String key, String where) {
        JsonNode v = o.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + "." + key + ": expected a string, got " + (v == null ? "nothing" : v));
        }
        return v.asText();
    }

    static double num(JsonNode o, String key, double dflt, String where) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + "." + key + ": expected a number, got " + v);
        }
        return v.asDouble();
    }
}
