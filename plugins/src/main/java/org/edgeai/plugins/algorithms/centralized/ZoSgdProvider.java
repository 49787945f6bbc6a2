package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code zo-sgd}: zeroth-order SGD with shared random directions ({@link ZoSgd}). */
public final class ZoSgdProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "zo-sgd";
    }

    @Override
    public String displayName() {
        return "Zeroth-order SGD (shared directions)";
    }

    @Override
    public String description() {
        return "Devices and server share random directions by seed; each device returns one 32-bit finite "
                + "difference of its loss per direction, and the server steps along the directions.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return CentralizedParameters.withCommon(List.of(
                CentralizedParameters.learningRate(0.01),
                ParameterDescriptor.integer("directions", 10L, 1L, 1_000_000L,
                        "random directions per round (scalars per upload), averaged"),
                ParameterDescriptor.real("mu", 1e-3, 1e-12, null, "smoothing: the finite-difference step along each direction")));
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new ZoSgd(id(), ctx, params);
    }
}
