package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the legend goes. {@link #INSIDE} puts it in the corner of the plot area that decreasing curves leave
 * empty (top right for loss and consensus error, bottom right for accuracy, which rises); {@link #OUTSIDE}
 * below the plot area in one row; {@link #NONE} leaves it out.
 */
public enum LegendPosition {
    INSIDE("inside"), OUTSIDE("outside"), NONE("none");

    private final String id;

    LegendPosition(String id) {
        this.id = id;
    }

    /** The command-line id. */
    public String id() {
        return id;
    }

    /** The position with this id (case-insensitive). */
    public static LegendPosition byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (LegendPosition p : values()) {
            if (p.id.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--legend: unknown position \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(LegendPosition::id).collect(Collectors.joining(", ")));
    }
}
