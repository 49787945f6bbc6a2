package org.edgeai.model.pipeline.schedule;

import java.util.Locale;

/** What a row of the schedule is: a computation of a stage or a message it sends. */
public enum Phase {
    FORWARD, BACKWARD, RECOMPUTE, SEND, UPDATE;

    /** The name in {@code schedule.csv}: {@code forward}, {@code backward}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
