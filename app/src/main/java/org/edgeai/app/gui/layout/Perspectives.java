package org.edgeai.app.gui.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default perspectives (DESIGN.md "The workbench, at a glance"): Design puts the palette and
 * properties forward; Run the canvas with charts; Analyze the charts large; Pipeline the timeline large, with the model's layers beside it;
 * Teach a presentation layout with few views and larger type.
 */
public final class Perspectives {

    public static final String DESIGN = "design";
    public static final String RUN = "run";
    public static final String ANALYZE = "analyze";
    public static final String PIPELINE = "pipeline";
    public static final String TEACH = "teach";

    private Perspectives() {
    }

    /** The ids of the default perspectives, in tool-bar order. */
    public static List<String> ids() {
        return List.of(DESIGN, RUN, ANALYZE, PIPELINE, TEACH);
    }

    /** A fresh copy of the default perspective {@code id}. */
    public static Perspective defaultOf(String id) {
        return switch (id) {
            case DESIGN -> new Perspective(DESIGN, "Design", 0.17, 0.25, 0.20)
                    .add(StackPosition.LEFT, ViewId.PALETTE, ViewId.EXPLORER)
                    .add(StackPosition.RIGHT, ViewId.PROPERTIES, ViewId.OUTLINE, ViewId.SETTINGS, ViewId.SPECTRUM)
                    .add(StackPosition.BOTTOM, ViewId.CONSOLE)
                    .withSelected(ViewId.PALETTE, ViewId.PROPERTIES);
            case RUN -> new Perspective(RUN, "Run", 0.15, 0.22, 0.32)
                    .add(StackPosition.LEFT, ViewId.EXPLORER)
                    .add(StackPosition.RIGHT, ViewId.PROPERTIES, ViewId.SPECTRUM)
                    .add(StackPosition.BOTTOM, ViewId.CHARTS, ViewId.TIMELINE, ViewId.CONSOLE)
                    .withSelected(ViewId.CHARTS);
            case ANALYZE -> new Perspective(ANALYZE, "Analyze", 0.15, 0.25, 0.50)
                    .add(StackPosition.LEFT, ViewId.EXPLORER, ViewId.OUTLINE)
                    .add(StackPosition.RIGHT, ViewId.PROPERTIES, ViewId.SPECTRUM)
                    .add(StackPosition.BOTTOM, ViewId.CHARTS, ViewId.CONSOLE)
                    .withSelected(ViewId.CHARTS);
            case PIPELINE -> new Perspective(PIPELINE, "Pipeline", 0.15, 0.22, 0.45)
                    .add(StackPosition.LEFT, ViewId.EXPLORER)
                    .add(StackPosition.RIGHT, ViewId.PROPERTIES, ViewId.SETTINGS)
                    .add(StackPosition.BOTTOM, ViewId.TIMELINE, ViewId.SPLIT, ViewId.MODEL, ViewId.CONSOLE)
                    .withSelected(ViewId.TIMELINE);
            case TEACH -> new Perspective(TEACH, "Teach", 0.15, 0.22, 0.25)
                    .add(StackPosition.LEFT, ViewId.PALETTE)
                    .add(StackPosition.RIGHT, ViewId.SPECTRUM)
                    .setPresentation(true);
            default -> throw new IllegalArgumentException("unknown perspective '" + id + "'; expected one of "
                    + String.join(", ", ids()));
        };
    }

    /** All default perspectives, in tool-bar order. */
    public static Map<String, Perspective> defaults() {
        Map<String, Perspective> m = new LinkedHashMap<>();
        for (String id : ids()) {
            m.put(id, defaultOf(id));
        }
        return m;
    }

    /** Where a view goes when it is shown and has never been placed. */
    public static StackPosition defaultHome(ViewId v) {
        return switch (v) {
            case PALETTE, EXPLORER -> StackPosition.LEFT;
            case PROPERTIES, OUTLINE, SETTINGS, SPECTRUM -> StackPosition.RIGHT;
            case CONSOLE, CHARTS, TIMELINE, MODEL, SPLIT -> StackPosition.BOTTOM;
        };
    }
}
