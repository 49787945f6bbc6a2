package org.edgeai.model.topology;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a node is: an edge device, an edge server, or a cloud data centre. */
public enum NodeKind {
    DEVICE, SERVER, CLOUD;

    /** The name used in files and on the command line: {@code device}, {@code server}, {@code cloud}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds that can aggregate for a centralized algorithm. */
    public boolean isAggregator() {
        return this != DEVICE;
    }

    /**
     * Parses a kind by its file name.
     *
     * @throws IllegalArgumentException naming the kinds that exist when {@code id} is none of them
     */
    public static NodeKind fromId(String id) {
        for (NodeKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown node kind '" + id + "'; expected one of "
                + Arrays.stream(values()).map(NodeKind::id).collect(Collectors.joining(", ")));
    }
}
