package org.edgeai.app.gui.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three part stacks around the editor area. */
public enum StackPosition {
    LEFT, RIGHT, BOTTOM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known ids when {@code id} is none of them */
    public static StackPosition fromId(String id) {
        for (StackPosition p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown stack '" + id + "'; expected one of "
                + Arrays.stream(values()).map(StackPosition::id).collect(Collectors.joining(", ")));
    }
}
