package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The quantity on the x axis: round, cumulative bits sent, or simulated time. */
public enum XAxisKind {
    /** {@code round}: the round number (0 = initial state). */
    ROUND("round", "round", "Round"),
    /** {@code bits}: cumulative bits carried by links ({@code bits_sent}); the axis auto-scales to bit/kbit/Mbit/Gbit/Tbit. */
    BITS("bits", "bits_sent", "Bits sent"),
    /** {@code time}: simulated (virtual) time in seconds ({@code sim_time_s}). */
    TIME("time", "sim_time_s", "Simulated time (s)");

    private final String id;
    private final String column;
    private final String axisLabel;

    XAxisKind(String id, String column, String axisLabel) {
        this.id = id;
        this.column = column;
        this.axisLabel = axisLabel;
    }

    /** The command-line id: {@code round}, {@code bits}, {@code time}. */
    public String id() {
        return id;
    }

    /** The column of {@code metrics.csv} that holds the value. */
    public String column() {
        return column;
    }

    /** The axis label before any unit scaling ("Round", "Bits sent", "Simulated time (s)"). */
    public String axisLabel() {
        return axisLabel;
    }

    /** The axis with this id (case-insensitive). */
    public static XAxisKind byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (XAxisKind a : values()) {
            if (a.id.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("--x: unknown axis \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(XAxisKind::id).collect(Collectors.joining(", ")));
    }
}
