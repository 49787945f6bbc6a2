package org.edgeai.model.engine;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.Provider;

/**
 * An algorithm plugin ({@code ps-sgd}, {@code fedavg}, {@code dsgd}, {@code gossip-avg}, ...), found with
 * {@link java.util.ServiceLoader} through {@link org.edgeai.model.spi.ProviderRegistry}. The id is the
 * experiment file's {@code algorithm.type}.
 */
public interface AlgorithmProvider extends Provider {

    /** How the GUI groups algorithms. */
    enum Family { CENTRALIZED, DECENTRALIZED, PIPELINE }

    Family family();

    /**
     * Creates the algorithm for one run.
     *
     * @param params validated by {@link #validate(java.util.Map)}
     * @param ctx    the engine's services for this run
     * @throws IllegalArgumentException when the topology does not suit the algorithm (e.g. no server for a
     *         centralized one), with a message that says what is needed
     */
    Algorithm create(Parameters params, SimulationContext ctx);
}
