package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shaded band around the mean of runs repeated over seeds. */
public enum BandKind {
    /** mean ± one sample standard deviation (n - 1 in the denominator). */
    SD("sd", "± 1 s.d."),
    /** mean ± t(0.975, n - 1) · s / √n: a two-sided 95 % confidence interval of the mean (Student's t). */
    CI95("ci95", "95 % CI"),
    /** No band: the mean line only. */
    NONE("none", "");

    private final String id;
    private final String description;

    BandKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The command-line id: {@code sd}, {@code ci95}, {@code none}. */
    public String id() {
        return id;
    }

    /** A short description for captions ("± 1 s.d.", "95 % CI", empty for none). */
    public String description() {
        return description;
    }

    /** The band with this id (case-insensitive). */
    public static BandKind byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (BandKind b : values()) {
            if (b.id.equals(k)) {
                return b;
            }
        }
        throw new IllegalArgumentException("--band: unknown band \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(BandKind::id).collect(Collectors.joining(", ")));
    }
}
