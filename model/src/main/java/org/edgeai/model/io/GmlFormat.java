package org.edgeai.model.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * GML (Graph Modelling Language) as NetworkX reads and writes it: {@code graph [ node [ id 0 label "n0" ... ]
 * edge [ source 0 target 1 ... ] ]}, strings in double quotes with HTML character references
 * ({@code &quot;}, {@code &amp;}, {@code &#233;}), {@code #} comments.
 *
 * <p>Node names: GML nodes have integer {@code id}s that edges refer to; NetworkX keeps a node's name in
 * {@code label}. So a node's id in the workbench is its {@code label} when it has one, else its GML
 * {@code id}; and the workbench's display label, which cannot also be called {@code label}, is written as
 * {@code displayLabel}. Positions are read from {@code x}/{@code y} or from {@code graphics [ x ... y ... ]}
 * (Gephi, yEd); the other attributes are those of GraphML. Reading and writing: O(size of the file).
 */
final class GmlFormat {

    private GmlFormat() {
    }

    // ------------------------------------------------------------------ reading

    /** A parsed value: String, Long, Double or a List of Entry. */
    private record Entry(String key, Object value, int line, int column) {
    }

    private static final class Lexer {
        final String s;
        final RawGraph g;
        int i;
        int line = 1;
        int lineStart;

        Lexer(String s, RawGraph g) {
            this.s = s;
            this.g = g;
        }

        int col() {
            return i - lineStart + 1;
        }

        void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = ++i;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else {
                    return;
                }
            }
        }

        boolean atEnd() {
            skipSpace();
            return i >= s.length();
        }

        List<Entry> list(boolean nested) {
            List<Entry> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= s.length()) {
                    if (nested) {
                        throw g.error(line, col(), "expected ']', got the end of the file");
                    }
                    return out;
                }
                if (s.charAt(i) == ']') {
                    if (!nested) {
                        throw g.error(line, col(), "unexpected ']'");
                    }
                    i++;
                    return out;
                }
                int kl = line;
                int kc = col();
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                if (start == i || !Character.isLetter(s.charAt(start)) && s.charAt(start) != '_') {
                    throw g.error(kl, kc, "expected a key, got '" + s.charAt(start) + "'");
                }
                String key = s.substring(start, i);
                skipSpace();
                if (i >= s.length()) {
                    throw g.error(line, col(), "expected a value for '" + key + "', got the end of the file");
                }
                out.add(new Entry(key, value(key), kl, kc));
            }
        }

        Object value(String key) {
            char c = s.charAt(i);
            if (c == '[') {
                i++;
                return list(true);
            }
            if (c == '"') {
                int sl = line;
                int sc = col();
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw g.error(sl, sc, "string for '" + key + "' is not closed");
                    }
                    char d = s.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\n') {
                        line++;
                        lineStart = i;
                    }
                    sb.append(d);
                }
                return unescape(sb.toString());
            }
            int start = i;
            int vl = line;
            int vc = col();
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ']' && s.charAt(i) != '[') {
                i++;
            }
            String tok = s.substring(start, i);
            try {
                if (tok.matches("[+-]?\\d+")) {
                    return Long.parseLong(tok);
                }
                return Double.parseDouble(tok);
            } catch (NumberFormatException e) {
                throw g.error(vl, vc, "expected a number, a \"string\" or a [ list ] for '" + key + "', got '" + tok + "'");
            }
        }
    }

    static RawGraph read(String text, String origin) {
        RawGraph g = new RawGraph(origin);
        Lexer lx = new Lexer(text, g);
        List<Entry> top = lx.list(false);
        Entry graph = null;
        for (Entry e : top) {
            if (e.key().equals("graph")) {
                if (!(e.value() instanceof List)) {
                    throw g.error(e.line(), e.column(), "expected graph [ ... ], got a single value");
                }
                graph = e;
                break;
            }
        }
        if (graph == null) {
            throw g.error(1, 1, "expected graph [ ... ], got " + (top.isEmpty() ? "an empty file" : "no graph"));
        }
        Map<String, String> idToName = new HashMap<>();
        List<Entry> edgeEntries = new ArrayList<>();
        for (Entry e : entries(graph)) {
            switch (e.key()) {
                case "directed" -> g.directed = e.value() instanceof Long l && l != 0;
                case "node" -> {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    String gmlId = null;
                    String label = null;
                    for (Entry a : list(g, e)) {
                        switch (a.key()) {
                            case "id" -> gmlId = scalar(a);
                            case "label" -> label = scalar(a);
                            case "displayLabel" -> attrs.put("label", scalar(a));
                            case "graphics" -> {
                                if (a.value() instanceof List) {
                                    for (Entry p : list(g, a)) {
                                        if (p.key().equals("x") || p.key().equals("y")) {
                                            attrs.putIfAbsent(p.key(), scalar(p));
                                        }
                                    }
                                }
                            }
                            case "kind", "computeGflops", "memoryMb", "accessMbps" -> attrs.put(a.key(), scalar(a));
                            case "x", "y" -> attrs.put(a.key(), scalar(a)); // plain x/y win over graphics
                            default -> {
                                // another program's attribute
                            }
                        }
                    }
                    if (gmlId == null) {
                        throw g.error(e.line(), e.column(), "node without an id");
                    }
                    String name = label != null ? label : gmlId;
                    if (idToName.put(gmlId, name) != null) {
                        throw g.error(e.line(), e.column(), "node id " + gmlId + " is used twice");
                    }
                    g.nodes.add(new RawGraph.RawNode(name, attrs, e.line(), e.column()));
                }
                case "edge" -> edgeEntries.add(e);
                default -> {
                    // graph attributes (name, multigraph, ...) are not needed
                }
            }
        }
        for (Entry e : edgeEntries) {
            Map<String, String> attrs = new LinkedHashMap<>();
            String src = null;
            String dst = null;
            for (Entry a : list(g, e)) {
                switch (a.key()) {
                    case "source" -> src = scalar(a);
                    case "target" -> dst = scalar(a);
                    case "bandwidthMbps", "latencyMs", "weight" -> attrs.put(a.key(), scalar(a));
                    default -> {
                        // another program's attribute
                    }
                }
            }
            if (src == null || dst == null) {
                throw g.error(e.line(), e.column(), "edge needs a source and a target");
            }
            String s = idToName.get(src);
            String t = idToName.get(dst);
            if (s == null || t == null) {
                throw g.error(e.line(), e.column(), "edge " + src + " -- " + dst + ": no node with id " + (s == null ? src : dst));
            }
            g.edges.add(new RawGraph.RawEdge(s, t, attrs, e.line(), e.column()));
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(Entry e) {
        return (List<Entry>) e.value();
    }

    private static List<Entry> list(RawGraph g, Entry e) {
        if (!(e.value() instanceof List)) {
            throw g.error(e.line(), e.column(), "expected " + e.key() + " [ ... ], got a single value");
        }
        return entries(e);
    }

    private static String scalar(Entry e) {
        Object v = e.value();
        if (v instanceof List) {
            return null;
        }
        return String.valueOf(v);
    }

    /** Decodes HTML character references: {@code &quot; &amp; &lt; &gt; &apos; &#N; &#xH;}; others stay as written. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String ref = s.substring(i + 1, semi);
                String rep = switch (ref) {
                    case "quot" -> "\"";
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "apos" -> "'";
                    default -> {
                        try {
                            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                                yield new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
                            }
                            if (ref.startsWith("#")) {
                                yield new String(Character.toChars(Integer.parseInt(ref.substring(1))));
                            }
                        } catch (IllegalArgumentException e) {
                            yield null;
                        }
                        yield null;
                    }
                };
                if (rep != null) {
                    sb.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ writing

    static String write(Topology t) {
        StringBuilder sb = new StringBuilder();
        sb.append("graph [\n  directed 0\n");
        Map<String, Integer> index = new HashMap<>();
        int i = 0;
        for (Node n : t.nodes()) {
            index.put(n.id(), i);
            sb.append("  node [\n");
            sb.append("    id ").append(i++).append('\n');
            sb.append("    label ").append(quote(n.id())).append('\n');
            sb.append("    kind ").append(quote(n.kind().id())).append('\n');
            sb.append("    computeGflops ").append(real(n.computeGflops())).append('\n');
            sb.append("    memoryMb ").append(real(n.memoryMb())).append('\n');
            sb.append("    x ").append(real(n.x())).append('\n');
            sb.append("    y ").append(real(n.y())).append('\n');
            if (!n.label().isEmpty()) {
                sb.append("    displayLabel ").append(quote(n.label())).append('\n');
            }
            if (n.accessMbps() != null) {
                sb.append("    accessMbps ").append(real(n.accessMbps())).append('\n');
            }
            sb.append("  ]\n");
        }
        for (Link l : t.links()) {
            sb.append("  edge [\n");
            sb.append("    source ").append(index.get(l.source())).append('\n');
            sb.append("    target ").append(index.get(l.target())).append('\n');
            sb.append("    bandwidthMbps ").append(real(l.bandwidthMbps())).append('\n');
            sb.append("    latencyMs ").append(real(l.latencyMs())).append('\n');
            if (l.weight() != null) {
                sb.append("    weight ").append(real(l.weight())).append('\n');
            }
            sb.append("  ]\n");
        }
        sb.append("]\n");
        return sb.toString();
    }

    /** A GML real: always with a decimal point or exponent, shortest round-tripping digits. */
    private static String real(double d) {
        return Double.toString(d);
    }

    /** A GML string: ASCII only, with {@code " & } and non-ASCII as character references (as NetworkX writes). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"') {
                sb.append("&quot;");
            } else if (cp == '&') {
                sb.append("&amp;");
            } else if (cp < 0x20 || cp > 0x7e) {
                sb.append("&#").append(cp).append(';');
            } else {
                sb.append((char) cp);
            }
        }
        return sb.append('"').toString();
    }
}
