package org.edgeai.model.topology.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The drawing layouts; ids are used in files, on the command line and in the GUI's re-layout menu. */
public enum LayoutKind {
    CIRCLE, TREE, FORCE, GRID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LayoutKind fromId(String id) {
        for (LayoutKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + id + "'; expected one of "
                + Arrays.stream(values()).map(LayoutKind::id).collect(Collectors.joining(", ")));
    }
}
