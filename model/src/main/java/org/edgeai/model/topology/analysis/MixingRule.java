package org.edgeai.model.topology.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the mixing matrix W of a topology is built (see {@link MixingMatrix}); named in experiment files by
 * {@link #id()} (e.g. {@code "mixing": "metropolis"}).
 */
public enum MixingRule {

    /** W_ij = 1 / (1 + max(deg_i, deg_j)) for neighbours, W_ii = 1 − row sum (Metropolis–Hastings). */
    METROPOLIS("metropolis"),

    /** W_ij = 1 / (1 + d_max) for neighbours, d_max the largest degree of the graph; W_ii = 1 − row sum. */
    MAX_DEGREE("max-degree"),

    /** W_ij = the link's {@code weight}; W_ii = 1 − row sum; must be nonnegative and doubly stochastic. */
    CUSTOM("custom");

    private final String id;

    MixingRule(String id) {
        this.id = id;
    }

    /** The name used in files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The rule named {@code id} (exact, case-sensitive).
     *
     * @throws IllegalArgumentException naming the valid ids when there is no such rule
     */
    public static MixingRule fromId(String id) {
        for (MixingRule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown mixing rule '" + id + "'; valid mixing rules: " + validIds());
    }

    /** The valid ids, comma-separated, in declaration order. */
    public static String validIds() {
        return Arrays.stream(values()).map(MixingRule::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
