package org.edgeai.model.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file formats a topology is read from and written to, chosen by file extension.
 * <ul>
 *   <li>{@link #JSON} ({@code .json}): the experiment file's topology section, {@code {"nodes": [...], "links": [...]}}
 *       (a generator and defaults are allowed too), or a whole experiment file;</li>
 *   <li>{@link #GRAPHML} ({@code .graphml}): GraphML as NetworkX, Gephi and yEd write it;</li>
 *   <li>{@link #GML} ({@code .gml}): GML as NetworkX writes it;</li>
 *   <li>{@link #DOT} ({@code .dot}, {@code .gv}): Graphviz.</li>
 * </ul>
 * Every format is read and written.
 */
public enum TopologyFormat {
    JSON("json"), GRAPHML("graphml"), GML("gml"), DOT("dot", "gv");

    private final List<String> extensions;

    TopologyFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** Extensions without the dot, the first one preferred. */
    public List<String> extensions() {
        return extensions;
    }

    /** The preferred extension, e.g. {@code graphml}. */
    public String extension() {
        return extensions.get(0);
    }

    /** Every known extension with its dot, e.g. {@code .json, .graphml, .gml, .dot, .gv}. */
    public static List<String> knownExtensions() {
        List<String> l = new ArrayList<>();
        for (TopologyFormat f : values()) {
            for (String e : f.extensions) {
                l.add("." + e);
            }
        }
        return l;
    }

    /**
     * The format of a file by its extension (case-insensitive).
     *
     * @throws IllegalArgumentException naming the file and the known extensions when there is none that fits
     */
    public static TopologyFormat of(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (TopologyFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name + ": unknown topology file extension '" + (dot < 0 ? "" : "." + ext)
                + "'; expected one of " + String.join(", ", knownExtensions()));
    }
}
