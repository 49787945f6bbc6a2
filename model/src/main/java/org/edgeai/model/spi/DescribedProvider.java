package org.edgeai.model.spi;

import java.util.List;
import java.util.Objects;

/**
 * The identity half of a provider, for plugins that state it once in their constructor: id, display name,
 * description and parameter descriptors, returned as given. Families add their factory method.
 */
public abstract class DescribedProvider implements Provider {

    private final String id;
    private final String displayName;
    private final String description;
    private final List<ParameterDescriptor> parameters;

    protected DescribedProvider(String id, String displayName, String description, ParameterDescriptor... parameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = List.of(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterDescriptor> parameters() {
        return parameters;
    }

    /**
     * Validates values that may not have gone through {@link #validate} (e.g. {@link Parameters#of} maps), so
     * every range in the descriptors holds on every path into the factory.
     */
    protected final Parameters revalidate(Parameters params) {
        return validate(Objects.requireNonNull(params, "params").asMap());
    }
}
