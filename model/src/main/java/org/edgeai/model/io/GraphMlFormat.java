package org.edgeai.model.io;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * GraphML (http://graphml.graphdrawing.org/). Reading takes what NetworkX's {@code write_graphml}, Gephi
 * and yEd write: {@code <key>} declarations map key ids (NetworkX uses {@code d0, d1, ...}) to attribute
 * names by {@code attr.name}; {@code <default>} values apply to elements without that data; unknown
 * attributes and nested markup (yEd's graphics) are skipped. Only the first {@code <graph>} is read;
 * nested graphs and hyperedges are refused.
 *
 * <p>Security: the reader is StAX with DTDs and external entities switched off and any DOCTYPE refused, so
 * a file cannot make the workbench read other files or the network (XXE).
 *
 * <p>Writing declares every attribute with a {@code <key>} whose id is its name (types {@code string} and
 * {@code double}) and writes a node's {@code label} and {@code accessMbps} and a link's {@code weight} only
 * when set.
 */
final class GraphMlFormat {

    private GraphMlFormat() {
    }

    private record Key(String name, String domain, String defaultValue) {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return f;
    }

    static RawGraph read(Reader in, String origin) {
        RawGraph g = new RawGraph(origin);
        XMLStreamReader r = null;
        try {
            r = secureFactory().createXMLStreamReader(in);
            Map<String, Key> keys = new LinkedHashMap<>(); // declaration order, so defaults apply deterministically
            boolean sawGraphml = false;
            int graphDepth = 0; // >0 while inside the first <graph>
            boolean graphDone = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw located(g, r, "a DOCTYPE declaration is not allowed in GraphML (it could make the reader "
                            + "fetch other files)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw located(g, r, "entity references (&" + r.getLocalName() + ";) are not allowed in GraphML");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    if (ev == XMLStreamConstants.END_ELEMENT && "graph".equals(r.getLocalName()) && graphDepth > 0) {
                        graphDepth = 0;
                        graphDone = true;
                    }
                    continue;
                }
                String el = r.getLocalName();
                if (!sawGraphml) {
                    if (!el.equals("graphml")) {
                        throw located(g, r, "expected a <graphml> document, got <" + el + ">");
                    }
                    sawGraphml = true;
                    continue;
                }
                switch (el) {
                    case "key" -> {
                        String id = r.getAttributeValue(null, "id");
                        if (id == null) {
                            throw located(g, r, "<key> without an id");
                        }
                        String name = r.getAttributeValue(null, "attr.name");
                        String domain = r.getAttributeValue(null, "for");
                        String def = readKeyDefault(g, r);
                        keys.put(id, new Key(name != null ? name : id, domain == null ? "all" : domain, def));
                    }
                    case "graph" -> {
                        if (graphDone) {
                            skip(r); // only the first graph is read
                        } else if (graphDepth > 0) {
                            throw located(g, r, "nested graphs are not supported");
                        } else {
                            graphDepth = 1;
                            g.directed = "directed".equals(r.getAttributeValue(null, "edgedefault"));
                        }
                    }
                    case "node" -> {
                        if (graphDepth == 0) {
                            throw located(g, r, "<node> outside a <graph>");
                        }
                        Location l = r.getLocation();
                        String id = r.getAttributeValue(null, "id");
                        if (id == null) {
                            throw located(g, r, "<node> without an id");
                        }
                        Map<String, String> attrs = readData(g, r, keys, "node", "node '" + id + "'");
                        g.nodes.add(new RawGraph.RawNode(id, withDefaults(attrs, keys, "node"), l.getLineNumber(),
                                l.getColumnNumber()));
                    }
                    case "edge" -> {
                        if (graphDepth == 0) {
                            throw located(g, r, "<edge> outside a <graph>");
                        }
                        Location l = r.getLocation();
                        String s = r.getAttributeValue(null, "source");
                        String t = r.getAttributeValue(null, "target");
                        if (s == null || t == null) {
                            throw located(g, r, "<edge> needs a source and a target");
                        }
                        Map<String, String> attrs = readData(g, r, keys, "edge", "edge " + s + " -- " + t);
                        g.edges.add(new RawGraph.RawEdge(s, t, withDefaults(attrs, keys, "edge"), l.getLineNumber(),
                                l.getColumnNumber()));
                    }
                    case "hyperedge" -> throw located(g, r, "hyperedges are not supported");
                    // <desc>, <data> of the graph or document, <port>, foreign markup: not needed
                    default -> skip(r);
                }
            }
            if (!sawGraphml) {
                throw new TopologyFileException(origin, 0, 0, "expected a <graphml> document, got no elements");
            }
            return g;
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            String msg = e.getMessage();
            // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "
            int m = msg == null ? -1 : msg.indexOf("Message: ");
            msg = m >= 0 ? msg.substring(m + "Message: ".length()) : msg;
            throw new TopologyFileException(origin, l == null ? 0 : l.getLineNumber(), l == null ? 0 : l.getColumnNumber(),
                    "invalid XML: " + msg, e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over an in-memory or already consumed stream
                }
            }
        }
    }

    private static TopologyFileException located(RawGraph g, XMLStreamReader r, String problem) {
        Location l = r.getLocation();
        return g.error(l.getLineNumber(), l.getColumnNumber(), problem);
    }

    private static Map<String, String> withDefaults(Map<String, String> attrs, Map<String, Key> keys, String domain) {
        for (Key k : keys.values()) {
            if (k.defaultValue() != null && (k.domain().equals(domain) || k.domain().equals("all"))) {
                attrs.putIfAbsent(k.name(), k.defaultValue());
            }
        }
        return attrs;
    }

    /** Reads a {@code <key>}'s children, returning its {@code <default>} text (or null); ends after {@code </key>}. */
    private static String readKeyDefault(RawGraph g, XMLStreamReader r) throws XMLStreamException {
        String def = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw located(g, r, "entity references are not allowed in GraphML");
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("default")) {
                    def = text(g, r);
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return def;
    }

    /** Reads the {@code <data>} children of a node or edge; ends after its end tag. */
    private static Map<String, String> readData(RawGraph g, XMLStreamReader r, Map<String, Key> keys, String domain,
                                                String what) throws XMLStreamException {
        Map<String, String> attrs = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw located(g, r, "entity references (&" + r.getLocalName() + ";) are not allowed in GraphML");
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String el = r.getLocalName();
                if (depth == 1 && el.equals("data")) {
                    String keyId = r.getAttributeValue(null, "key");
                    Key k = keyId == null ? null : keys.get(keyId);
                    String name = k != null ? k.name() : keyId;
                    if (name != null && isKnown(name, domain)) {
                        attrs.put(name, text(g, r));
                    } else {
                        skip(r); // another program's data, e.g. yEd's graphics
                    }
                } else if (el.equals("graph")) {
                    throw located(g, r, what + ": nested graphs are not supported");
                } else {
                    skip(r);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return attrs;
    }

    private static final List<String> NODE_ATTRS = List.of("kind", "computeGflops", "memoryMb", "x", "y", "label", "accessMbps");
    private static final List<String> EDGE_ATTRS = List.of("bandwidthMbps", "latencyMs", "weight");

    private static boolean isKnown(String name, String domain) {
        return domain.equals("node") ? NODE_ATTRS.contains(name) : EDGE_ATTRS.contains(name);
    }

    /** The text content of the current element (which must hold only text); ends after its end tag. */
    private static String text(RawGraph g, XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw located(g, r, "entity references (&" + r.getLocalName() + ";) are not allowed in GraphML");
                case XMLStreamConstants.START_ELEMENT -> throw located(g, r, "expected text, got <" + r.getLocalName() + ">");
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString();
                }
                default -> {
                    // comments and processing instructions inside a value are skipped
                }
            }
        }
    }

    /** Skips the current element and everything inside it. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    // ------------------------------------------------------------------ writing

    static String write(Topology t) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ")
                .append("http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        for (String a : NODE_ATTRS) {
            String type = a.equals("kind") || a.equals("label") ? "string" : "double";
            sb.append("  <key id=\"").append(a).append("\" for=\"node\" attr.name=\"").append(a)
                    .append("\" attr.type=\"").append(type).append("\"/>\n");
        }
        for (String a : EDGE_ATTRS) {
            sb.append("  <key id=\"").append(a).append("\" for=\"edge\" attr.name=\"").append(a)
                    .append("\" attr.type=\"double\"/>\n");
        }
        sb.append("  <graph id=\"G\" edgedefault=\"undirected\">\n");
        for (Node n : t.nodes()) {
            sb.append("    <node id=\"").append(escape(n.id())).append("\">\n");
            data(sb, "kind", n.kind().id());
            data(sb, "computeGflops", Double.toString(n.computeGflops()));
            data(sb, "memoryMb", Double.toString(n.memoryMb()));
            data(sb, "x", Double.toString(n.x()));
            data(sb, "y", Double.toString(n.y()));
            if (!n.label().isEmpty()) {
                data(sb, "label", n.label());
            }
            if (n.accessMbps() != null) {
                data(sb, "accessMbps", Double.toString(n.accessMbps()));
            }
            sb.append("    </node>\n");
        }
        for (Link l : t.links()) {
            sb.append("    <edge source=\"").append(escape(l.source())).append("\" target=\"").append(escape(l.target()))
                    .append("\">\n");
            data(sb, "bandwidthMbps", Double.toString(l.bandwidthMbps()));
            data(sb, "latencyMs", Double.toString(l.latencyMs()));
            if (l.weight() != null) {
                data(sb, "weight", Double.toString(l.weight()));
            }
            sb.append("    </edge>\n");
        }
        sb.append("  </graph>\n</graphml>\n");
        return sb.toString();
    }

    private static void data(StringBuilder sb, String key, String value) {
        sb.append("      <data key=\"").append(key).append("\">").append(escape(value)).append("</data>\n");
    }

    /** XML escaping for text and attribute values; characters XML 1.0 cannot hold are refused. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("GraphML cannot hold the control character U+"
                                + String.format("%04X", (int) c) + " in \"" + s + "\"");
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
