package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code ps-sgd}: synchronous parameter-server SGD ({@link PsSgd}). */
public final class PsSgdProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "ps-sgd";
    }

    @Override
    public String displayName() {
        return "Parameter-server SGD";
    }

    @Override
    public String description() {
        return "Each round the server sends its model to every active device, each returns one (compressed) "
                + "gradient, and the server steps with their data-weighted mean.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return CentralizedParameters.withCommon(List.of(
                CentralizedParameters.learningRate(0.1),
                CentralizedParameters.fullBatch(false)));
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new PsSgd(id(), ctx, params);
    }
}
