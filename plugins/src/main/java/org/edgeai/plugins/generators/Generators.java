package org.edgeai.plugins.generators;

import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/** Entry point to the generator plugins. */
public final class Generators {

    /** The family name used in registry messages ("unknown generator 'x'; expected one of ..."). */
    public static final String FAMILY = "generator";

    private Generators() {
    }

    /**
     * The generators found by {@link java.util.ServiceLoader} on {@code loader}: the 12 built-in ones listed in
     * {@code META-INF/services/org.edgeai.model.topology.generate.GeneratorProvider} plus any others on it.
     */
    public static ProviderRegistry<GeneratorProvider> registry(ClassLoader loader) {
        return ProviderRegistry.load(FAMILY, GeneratorProvider.class, loader);
    }
}
