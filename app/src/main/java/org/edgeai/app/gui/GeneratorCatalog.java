package org.edgeai.app.gui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.TopologyBuilder;

/**
 * The topology generators the Generate dialogs offer: a thin layer over a
 * {@link ProviderRegistry}{@code <GeneratorProvider>} (ServiceLoader in the application, explicit
 * providers in tests).
 */
public final class GeneratorCatalog {

    private final ProviderRegistry<GeneratorProvider> registry;

    public GeneratorCatalog(ProviderRegistry<GeneratorProvider> registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** The generators found with {@link java.util.ServiceLoader} on {@code loader}. */
    /** The registry underneath, for model code that takes one (experiment files, topology import). */
    public ProviderRegistry<GeneratorProvider> registry() {
        return registry;
    }

    public static GeneratorCatalog load(ClassLoader loader) {
        return new GeneratorCatalog(ProviderRegistry.load("generator", GeneratorProvider.class, loader));
    }

    /** Generators in id order. */
    public List<GeneratorProvider> generators() {
        return registry.all();
    }

    /** Messages about generators that failed to load (shown in the Console). */
    public List<String> failures() {
        return registry.failures();
    }

    /** @throws IllegalArgumentException naming the known ids */
    public GeneratorProvider get(String id) {
        return registry.get(id);
    }

    /**
     * Validates {@code raw} against the generator's descriptors, generates with {@code seed} and builds a
     * topology (nodes n0.., per-kind defaults, the generator's positions or layout). Cost is the
     * generator's, plus O(n + m): call it off the JavaFX thread for large graphs.
     *
     * @throws IllegalArgumentException for invalid parameters (message starts with the generator id)
     */
    public Topology generate(String id, Map<String, ?> raw, long seed, TopologyDefaults defaults) {
        GeneratorProvider p = get(id);
        Parameters params = p.validate(raw);
        GeneratedGraph g = p.generate(params, seed);
        return TopologyBuilder.build(g, defaults, seed);
    }
}
