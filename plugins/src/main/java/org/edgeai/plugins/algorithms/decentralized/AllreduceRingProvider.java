package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;

/** {@code allreduce-ring}: synchronous SGD with a ring all-reduce of the gradients; see {@link AllreduceRing}. */
public final class AllreduceRingProvider extends DecentralizedProvider {

    public AllreduceRingProvider() {
        super("allreduce-ring", "Ring all-reduce SGD",
                "Gradients are summed around a logical ring in node order (reduce-scatter, then all-gather: 2(N-1) "
                        + "chunk messages per node); every node then steps with the average gradient.",
                learningRate());
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new AllreduceRing(ctx, p.getDouble("learningRate"));
    }
}
