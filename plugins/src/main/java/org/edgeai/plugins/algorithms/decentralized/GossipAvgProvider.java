package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;

/** {@code gossip-avg}: randomized pairwise gossip averaging (Boyd et al. 2006); see {@link Gossip}. */
public final class GossipAvgProvider extends DecentralizedProvider {

    public GossipAvgProvider() {
        super("gossip-avg", "Randomized gossip averaging",
                "Nodes wake up as a Poisson process of rate N; the node that wakes averages its value with a random "
                        + "neighbour's (both send their value, both take the mean). A metrics round is N wake-ups.");
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new Gossip(id(), ctx, false, 0.0);
    }
}
