package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.analysis.MixingRule;

/** {@code choco-sgd}: decentralized SGD with compressed communication (Koloskova et al. 2019); see {@link ChocoSgd}. */
public final class ChocoSgdProvider extends DecentralizedProvider {

    /** Default consensus step size γ. */
    static final double DEFAULT_GAMMA = 0.2;

    public ChocoSgdProvider() {
        super("choco-sgd", "CHOCO-SGD",
                "Decentralized SGD with compressed messages: nodes send the compressed change of their public copy "
                        + "q_i = C(x_i - xhat_i) and move towards their neighbours' public copies with step gamma.",
                learningRate(), mixing(),
                ParameterDescriptor.real("gamma", DEFAULT_GAMMA, 1e-9, 1.0,
                        "consensus step size in (0, 1]: 1 suits no compression (then like dsgd), 0.2 (default) converges with the"
                                + " usual compressors; smaller for stronger compression"));
    }

    @Override
    Algorithm build(Parameters p, SimulationContext ctx) {
        return new ChocoSgd(ctx, p.getDouble("learningRate"), p.getDouble("gamma"), MixingRule.fromId(p.getString("mixing")));
    }
}
