package org.edgeai.model.topology.generate;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.Provider;

/**
 * A topology generator plugin ({@code ring}, {@code erdos-renyi}, ...). Implementations validate their
 * parameters through {@link #parameters()} and are deterministic: the same parameters and seed give the
 * same graph, on every machine.
 */
public interface GeneratorProvider extends Provider {

    /**
     * Generates the structure.
     *
     * @param params validated by {@link #validate(java.util.Map)}
     * @param seed   the generator's seed (ignored by deterministic families such as ring)
     * @throws IllegalArgumentException for parameter combinations the descriptors cannot express
     *         (e.g. {@code nodes * degree} odd), with a message naming the parameters
     * @throws GenerationException when a random draw cannot satisfy a constraint within its bounded tries
     */
    GeneratedGraph generate(Parameters params, long seed);
}
