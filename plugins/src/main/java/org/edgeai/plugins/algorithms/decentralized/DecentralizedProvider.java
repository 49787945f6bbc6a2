package org.edgeai.plugins.algorithms.decentralized;

import java.util.List;
import java.util.Objects;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.DescribedProvider;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.analysis.MixingRule;

/**
 * Shared plumbing of the decentralized providers: identity, descriptors, family, and re-validation of the
 * parameters handed to {@link #create} (callers may pass {@link Parameters#of} maps that never went through
 * {@link #validate}), so every range in the descriptors is enforced on every path.
 */
abstract class DecentralizedProvider extends DescribedProvider implements AlgorithmProvider {

    /** Default learning rate of every decentralized algorithm (the contract's common default). */
    static final double DEFAULT_LEARNING_RATE = 0.1;


    DecentralizedProvider(String id, String displayName, String description, ParameterDescriptor... parameters) {
        super(id, displayName, description, parameters);
    }

    /** {@code learningRate}: η of the local SGD steps, default 0.1. */
    static ParameterDescriptor learningRate() {
        return ParameterDescriptor.real("learningRate", DEFAULT_LEARNING_RATE, 0.0, 1e6,
                "step size of the local SGD steps (ignored by the consensus task, which has no gradient)");
    }

    /** {@code mixing}: the rule of W, default metropolis. */
    static ParameterDescriptor mixing() {
        return ParameterDescriptor.choice("mixing", MixingRule.METROPOLIS.id(),
                List.of(MixingRule.METROPOLIS.id(), MixingRule.MAX_DEGREE.id(), MixingRule.CUSTOM.id()),
                "mixing matrix W: metropolis 1/(1+max(deg_i,deg_j)), max-degree 1/(1+d_max), or custom (the links' weights)");
    }

    @Override
    public final Family family() {
        return Family.DECENTRALIZED;
    }

    @Override
    public final Algorithm create(Parameters params, SimulationContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        return build(revalidate(params), ctx);
    }

    /** Builds the algorithm from parameters already checked against {@link #parameters()}. */
    abstract Algorithm build(Parameters p, SimulationContext ctx);
}
