package org.edgeai.model.engine.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a message carries, as written in the {@code kind} column of {@code messages.csv}: the model
 * (parameters), a gradient, a model update (difference), a scalar, a control message, or an activation
 * (pipelines).
 */
public enum MessageKind {
    MODEL, GRADIENT, UPDATE, SCALAR, CONTROL, ACTIVATION;

    private static final MessageKind[] VALUES = values();
    private final String id = name().toLowerCase(Locale.ROOT);

    /** The name used in the trace and in files: {@code model}, {@code gradient}, ... */
    public String id() {
        return id;
    }

    /** The kind with the given ordinal (0..5); the network stores kinds as bytes. */
    public static MessageKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * Parses a kind by its id.
     *
     * @throws IllegalArgumentException naming the kinds that exist when {@code id} is none of them
     */
    public static MessageKind fromId(String id) {
        for (MessageKind k : VALUES) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + id + "'; expected one of "
                + Arrays.stream(VALUES).map(MessageKind::id).collect(Collectors.joining(", ")));
    }
}
