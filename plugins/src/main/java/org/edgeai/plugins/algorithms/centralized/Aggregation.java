package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

/**
 * How a centralized algorithm's server combines the devices' uploads (parameter {@code aggregation}).
 *
 * <ul>
 *   <li>{@link #DIGITAL}: every upload is a separate digital message sent as soon as its device is done; the
 *       server uses the exact weighted mean of those it has received.</li>
 *   <li>{@link #OVER_THE_AIR}: analog over-the-air computation (ALGORITHMS.md "Over-the-air aggregation"): the
 *       scheduled uploads start together on the shared channel and superpose, the server receives their sum
 *       plus Gaussian noise when the slowest upload ends.</li>
 * </ul>
 */
public enum Aggregation {
    DIGITAL("digital"), OVER_THE_AIR("over-the-air");

    /** The ids, as the parameter's choices. */
    public static final List<String> IDS = List.of("digital", "over-the-air");

    private final String id;

    Aggregation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the choices when {@code id} is none of them
     */
    public static Aggregation fromId(String id) {
        for (Aggregation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("aggregation: expected one of " + String.join(", ", IDS) + ", got '" + id + "'");
    }
}
