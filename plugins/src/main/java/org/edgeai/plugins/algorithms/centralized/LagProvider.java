package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code lag}: lazily aggregated gradients ({@link Lag}). */
public final class LagProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "lag";
    }

    @Override
    public String displayName() {
        return "Lazily aggregated gradient (LAG)";
    }

    @Override
    public String description() {
        return "Parameter-server gradient descent in which a device uploads only when its gradient has changed "
                + "enough since its last upload; otherwise the server reuses the old one. Reports skipped uploads.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return CentralizedParameters.withCommon(List.of(
                CentralizedParameters.learningRate(0.1),
                ParameterDescriptor.real("threshold", 1.0, 0.0, null,
                        "upload when ||g_i - last upload||^2 > threshold * ||x_t - x_(t-1)||^2; 0 uploads always"),
                CentralizedParameters.fullBatch(true)));
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new Lag(id(), ctx, params);
    }
}
