package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.analysis.MixingRule;

/** {@code dsgd}: decentralized parallel SGD (Lian et al. 2017); see {@link Dsgd} for the exact rule and timing. */
public final class DsgdProvider extends DecentralizedProvider {

    public DsgdProvider() {
        super("dsgd", "Decentralized SGD (D-PSGD)",
                "Each round every node sends its model to its neighbours and takes a gradient step; then "
                        + "x_i <- sum_j W_ij x_j - eta g_i(x_i). On the consensus task: x <- W x.",
                learningRate(), mixing());
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new Dsgd(ctx, p.getDouble("learningRate"), MixingRule.fromId(p.getString("mixing")));
    }
}
