package org.edgeai.app.gui;

import java.util.List;

import org.edgeai.model.spi.ParameterDescriptor;

/**
 * Which parameters each section of the experiment settings has, for the generic settings form. A
 * section may have a "type" key (its plugin: {@code algorithm.type}, {@code workload.task}) whose value
 * selects the descriptors shown. Descriptor names are dotted paths inside the section
 * ({@code partition.alpha}). Built in: {@link BuiltInSettingsSchema}; after the plugins land, one built
 * from their registries' {@code parameters()}.
 */
public interface SettingsSchema {

    /** The sections, in form order. */
    List<String> sections();

    /** The key that selects the section's plugin ({@code type}, {@code task}), or empty for none. */
    String typeKey(String section);

    /** The values {@link #typeKey} can take (empty when the section has no type). */
    List<String> types(String section);

    /** The parameters of {@code section} for plugin {@code type} ({@code ""} for a section without type). */
    List<ParameterDescriptor> parameters(String section, String type);
}
