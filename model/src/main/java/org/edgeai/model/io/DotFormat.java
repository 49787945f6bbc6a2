package org.edgeai.model.io;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.dot.DOTEventDrivenImporter;

/**
 * Graphviz DOT. Written as an undirected {@code graph} whose nodes and edges carry the workbench's
 * attributes ({@code kind, computeGflops, memoryMb, x, y, label, accessMbps}; {@code bandwidthMbps,
 * latencyMs, weight}) plus, for drawing with Graphviz, {@code pos="x,-y"} (Graphviz's y axis points up;
 * {@code neato -n} keeps the workbench's layout) and a {@code shape} per kind. Graphviz shows {@code label}
 * in place of the id, so an empty label is not written.
 *
 * <p>Read with JGraphT's DOT parser ({@link DOTEventDrivenImporter}): nodes in order of first mention
 * (an edge may introduce them), default attributes ({@code node [...]}, {@code edge [...]}) applied,
 * {@code pos} and {@code shape} ignored, {@code digraph} edges taken as undirected links. The parser gives
 * line and column only for syntax errors.
 */
final class DotFormat {

    private DotFormat() {
    }

    private static final Pattern LINE_COL = Pattern.compile("line (\\d+):(\\d+)");
    /** {@code digraph} as the first word after comments (DOT keywords are case-independent). */
    private static final Pattern DIGRAPH = Pattern.compile(
            "\\s*(?:(?://[^\\n]*|#[^\\n]*|/\\*.*?\\*/)\\s*)*(?:strict\\s+)?digraph\\b",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    static RawGraph read(String text, String origin) {
        RawGraph g = new RawGraph(origin);
        g.directed = DIGRAPH.matcher(text).lookingAt();
        Map<String, RawGraph.RawNode> nodes = new LinkedHashMap<>();
        RawGraph.RawEdge[] current = {null};
        DOTEventDrivenImporter imp = new DOTEventDrivenImporter(true, true);
        imp.addVertexConsumer(v -> nodes.computeIfAbsent(v, id -> new RawGraph.RawNode(id, new LinkedHashMap<>(), 0, 0)));
        imp.addVertexAttributeConsumer((p, a) -> {
            RawGraph.RawNode n = nodes.computeIfAbsent(p.getFirst(), id -> new RawGraph.RawNode(id, new LinkedHashMap<>(), 0, 0));
            n.attrs().put(p.getSecond(), a.getValue());
        });
        imp.addEdgeConsumer(e -> {
            current[0] = new RawGraph.RawEdge(e.getFirst(), e.getSecond(), new LinkedHashMap<>(), 0, 0);
            g.edges.add(current[0]);
        });
        imp.addEdgeAttributeConsumer((Pair<Pair<String, String>, String> p, org.jgrapht.nio.Attribute a) -> {
            // attributes follow the edge they belong to
            if (current[0] != null) {
                current[0].attrs().put(p.getSecond(), a.getValue());
            }
        });
        try {
            imp.importInput(new StringReader(text));
        } catch (ImportException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            Matcher m = LINE_COL.matcher(msg);
            int line = 0;
            int col = 0;
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                col = Integer.parseInt(m.group(2)) + 1; // ANTLR columns start at 0
            }
            throw new TopologyFileException(origin, line, col, "invalid DOT: " + msg.replaceFirst("^Failed to import DOT graph: ", ""), e);
        }
        g.nodes.addAll(nodes.values());
        return g;
    }

    static String write(Topology t) {
        StringBuilder sb = new StringBuilder();
        sb.append("graph \"topology\" {\n");
        for (Node n : t.nodes()) {
            sb.append("  ").append(quote(n.id())).append(" [");
            sb.append("kind=").append(quote(n.kind().id()));
            sb.append(", computeGflops=").append(quote(Double.toString(n.computeGflops())));
            sb.append(", memoryMb=").append(quote(Double.toString(n.memoryMb())));
            sb.append(", x=").append(quote(Double.toString(n.x())));
            sb.append(", y=").append(quote(Double.toString(n.y())));
            if (!n.label().isEmpty()) {
                sb.append(", label=").append(quote(n.label()));
            }
            if (n.accessMbps() != null) {
                sb.append(", accessMbps=").append(quote(Double.toString(n.accessMbps())));
            }
            sb.append(", pos=").append(quote(Double.toString(n.x()) + "," + Double.toString(-n.y())));
            sb.append(", shape=").append(n.kind() == NodeKind.DEVICE ? "circle" : n.kind() == NodeKind.SERVER ? "box" : "ellipse");
            sb.append("];\n");
        }
        for (Link l : t.links()) {
            sb.append("  ").append(quote(l.source())).append(" -- ").append(quote(l.target())).append(" [");
            sb.append("bandwidthMbps=").append(quote(Double.toString(l.bandwidthMbps())));
            sb.append(", latencyMs=").append(quote(Double.toString(l.latencyMs())));
            if (l.weight() != null) {
                sb.append(", weight=").append(quote(Double.toString(l.weight())));
            }
            sb.append("];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    /**
     * A DOT quoted string: {@code "} escaped as {@code \"}, nothing else (DOT has no other escapes; Graphviz
     * interprets {@code \n} in labels itself).
     *
     * @throws IllegalArgumentException for a string ending in a backslash, which DOT cannot hold
     */
    static String quote(String s) {
        if (s.endsWith("\\")) {
            throw new IllegalArgumentException("DOT cannot hold a name or label that ends with a backslash: \"" + s + "\"");
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append("\\\"");
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
