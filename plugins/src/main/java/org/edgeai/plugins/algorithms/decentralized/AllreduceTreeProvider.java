package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;

/** {@code allreduce-tree}: synchronous SGD with a tree all-reduce of the gradients; see {@link AllreduceTree}. */
public final class AllreduceTreeProvider extends DecentralizedProvider {

    public AllreduceTreeProvider() {
        super("allreduce-tree", "Tree all-reduce SGD",
                "Gradients are summed up a BFS spanning tree rooted at the most central node and the average is sent "
                        + "back down; every node then steps with the average gradient.",
                learningRate());
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new AllreduceTree(ctx, p.getDouble("learningRate"));
    }
}
