package org.edgeai.model.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeDefaults;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;

/**
 * What the graph readers produce before meaning is given to it: nodes and edges in file order with their
 * attributes as text and where they were written. {@link #toTopology} applies the rules every format
 * shares, so that GraphML, GML and DOT read the same way:
 * <ul>
 *   <li>node attributes {@code kind, computeGflops, memoryMb, x, y, label, accessMbps}, edge attributes
 *       {@code bandwidthMbps, latencyMs, weight}; other attributes are ignored; missing ones take the
 *       defaults (kind {@code device}, the kind's compute and memory, the link defaults, no weight);</li>
 *   <li>node ids are kept as written;</li>
 *   <li>positions are used when every node has both x and y; otherwise the {@code force} layout places all
 *       nodes (seed 0);</li>
 *   <li>a self-loop, a repeated node id, an edge to an unknown node and a repeated undirected edge are
 *       errors; in a directed graph an edge v&rarr;u after u&rarr;v is the same link and is skipped.</li>
 * </ul>
 */
final class RawGraph {

    record RawNode(String id, Map<String, String> attrs, int line, int column) {
    }

    record RawEdge(String source, String target, Map<String, String> attrs, int line, int column) {
    }

    private final String origin;
    final List<RawNode> nodes = new ArrayList<>();
    final List<RawEdge> edges = new ArrayList<>();
    boolean directed;

    RawGraph(String origin) {
        this.origin = origin;
    }

    TopologyFileException error(int line, int column, String problem) {
        return new TopologyFileException(origin, line, column, problem);
    }

    Topology toTopology(TopologyDefaults defaults) {
        Topology t = new Topology();
        Map<String, RawNode> seen = new HashMap<>();
        boolean allPlaced = !nodes.isEmpty();
        for (RawNode rn : nodes) {
            if (rn.id() == null || rn.id().isBlank()) {
                throw error(rn.line(), rn.column(), "a node needs a non-empty id");
            }
            RawNode first = seen.putIfAbsent(rn.id(), rn);
            if (first != null) {
                throw error(rn.line(), rn.column(), "node '" + rn.id() + "' is declared twice"
                        + (first.line() > 0 ? " (first at line " + first.line() + ")" : ""));
            }
            Map<String, String> a = rn.attrs();
            NodeKind kind = NodeKind.DEVICE;
            String k = a.get("kind");
            if (k != null && !k.isBlank()) {
                try {
                    kind = NodeKind.fromId(k.trim().toLowerCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error(rn.line(), rn.column(), "node '" + rn.id() + "': " + e.getMessage());
                }
            }
            NodeDefaults d = defaults.node(kind);
            Double x = number(rn, "x", a, false, false);
            Double y = number(rn, "y", a, false, false);
            allPlaced &= x != null && y != null;
            Double compute = number(rn, "computeGflops", a, true, false);
            Double memory = number(rn, "memoryMb", a, true, false);
            Double access = number(rn, "accessMbps", a, true, false);
            t.putNode(new Node(rn.id(), kind, compute != null ? compute : d.computeGflops(),
                    memory != null ? memory : d.memoryMb(), x != null ? x : 0, y != null ? y : 0,
                    a.getOrDefault("label", ""), access));
        }
        Map<LinkKey, RawEdge> links = new LinkedHashMap<>();
        for (RawEdge re : edges) {
            for (String end : new String[] {re.source(), re.target()}) {
                if (!t.hasNode(end)) {
                    throw error(re.line(), re.column(), "edge " + re.source() + " -- " + re.target() + ": no node '" + end + "'");
                }
            }
            if (re.source().equals(re.target())) {
                throw error(re.line(), re.column(), "edge " + re.source() + " -- " + re.target()
                        + ": self-loops are not supported (a link joins two different nodes)");
            }
            LinkKey key = LinkKey.of(re.source(), re.target());
            RawEdge first = links.get(key);
            if (first != null) {
                if (directed && first.source().equals(re.target())) {
                    continue; // the other direction of the same full-duplex link
                }
                throw error(re.line(), re.column(), "edge " + re.source() + " -- " + re.target() + " appears twice"
                        + (first.line() > 0 ? " (first at line " + first.line() + ")" : "")
                        + "; a topology has at most one link between two nodes");
            }
            links.put(key, re);
            Map<String, String> a = re.attrs();
            Double bw = number(re, "bandwidthMbps", a, true, false);
            Double lat = number(re, "latencyMs", a, false, true);
            Double w = number(re, "weight", a, false, false);
            t.putLink(new Link(re.source(), re.target(), bw != null ? bw : defaults.link().bandwidthMbps(),
                    lat != null ? lat : defaults.link().latencyMs(), w));
        }
        if (!allPlaced && t.nodeCount() > 0) {
            Layouts.apply(LayoutKind.FORCE, t, 0);
        }
        return t;
    }

    private Double number(Object element, String name, Map<String, String> attrs, boolean positive, boolean nonNegative) {
        String s = attrs.get(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        String what;
        int line;
        int col;
        if (element instanceof RawNode n) {
            what = "node '" + n.id() + "'";
            line = n.line();
            col = n.column();
        } else {
            RawEdge e = (RawEdge) element;
            what = "edge " + e.source() + " -- " + e.target();
            line = e.line();
            col = e.column();
        }
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException ex) {
            throw error(line, col, what + ": " + name + ": expected a number, got \"" + s + "\"");
        }
        if (!Double.isFinite(v) || (positive && !(v > 0)) || (nonNegative && !(v >= 0))) {
            throw error(line, col, what + ": " + name + ": expected a finite number" + (positive ? " > 0" : nonNegative ? " >= 0" : "")
                    + ", got " + s.trim());
        }
        return v;
    }
}
