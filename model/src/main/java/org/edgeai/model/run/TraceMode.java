package org.edgeai.model.run;

import java.util.Locale;

/** What a run records of its messages: {@code --trace full} (messages.csv) or {@code --trace none}. */
public enum TraceMode {
    /** One row per hop in {@code messages.csv}; the summary's fingerprint is its SHA-256. */
    FULL,
    /** No {@code messages.csv} (the network skips per-hop work); the fingerprint is that of {@code metrics.csv}. */
    NONE;

    /** {@code full} or {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
