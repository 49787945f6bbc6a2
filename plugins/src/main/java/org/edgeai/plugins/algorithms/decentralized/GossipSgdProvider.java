package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;

/** {@code gossip-sgd}: gossip averaging with one local SGD step by the node that wakes; see {@link Gossip}. */
public final class GossipSgdProvider extends DecentralizedProvider {

    public GossipSgdProvider() {
        super("gossip-sgd", "Gossip SGD",
                "As gossip averaging, but the node that wakes first takes one local SGD step, then averages with a "
                        + "random neighbour. A metrics round is N wake-ups.",
                learningRate());
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new Gossip(id(), ctx, true, p.getDouble("learningRate"));
    }
}
