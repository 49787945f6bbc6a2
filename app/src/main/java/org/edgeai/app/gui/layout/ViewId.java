package org.edgeai.app.gui.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The views the workbench knows, each with a stable id (used in the saved layout) and a title. The editor
 * area is not a view: it is always in the centre.
 */
public enum ViewId {
    PALETTE("Palette"),
    EXPLORER("Explorer"),
    PROPERTIES("Properties"),
    OUTLINE("Outline"),
    SETTINGS("Experiment"),
    SPECTRUM("Spectrum"),
    CONSOLE("Console"),
    CHARTS("Charts"),
    TIMELINE("Timeline"),
    MODEL("Model"),
    SPLIT("Split inference");

    private final String title;

    ViewId(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The id used in the saved layout: the lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known ids when {@code id} is none of them */
    public static ViewId fromId(String id) {
        for (ViewId v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown view '" + id + "'; expected one of "
                + Arrays.stream(values()).map(ViewId::id).collect(Collectors.joining(", ")));
    }
}
