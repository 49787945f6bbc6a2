package org.edgeai.model.spi;

import java.util.List;

/**
 * A plugin: a stable id used in files and on the command line, a display name, a description and typed
 * parameter descriptors. Each family (generators, algorithms, compressors, ...) extends this with its
 * own factory method. Implementations need a public no-argument constructor for {@link java.util.ServiceLoader}.
 */
public interface Provider {

    /** Stable id, lower-case with dashes, e.g. {@code erdos-renyi}. */
    String id();

    String displayName();

    /** One or two sentences for tooltips and {@code --help}. */
    String description();

    List<ParameterDescriptor> parameters();

    /** Validates raw values against {@link #parameters()}; messages start with this provider's id. */
    default Parameters validate(java.util.Map<String, ?> raw) {
        return Parameters.validate(id(), parameters(), raw);
    }
}
