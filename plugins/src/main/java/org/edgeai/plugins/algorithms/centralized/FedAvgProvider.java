package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code fedavg}: federated averaging ({@link FedAvg}). */
public final class FedAvgProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "fedavg";
    }

    @Override
    public String displayName() {
        return "Federated averaging (FedAvg)";
    }

    @Override
    public String description() {
        return "Each round the server samples a fraction of the devices; each runs a few local SGD steps from the "
                + "server's model and returns the (compressed) change, which the server averages by data size.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return CentralizedParameters.withCommon(fedAvgParameters());
    }

    static List<ParameterDescriptor> fedAvgParameters() {
        return List.of(
                clientFraction(0.1),
                localSteps(),
                CentralizedParameters.learningRate(0.1));
    }

    static ParameterDescriptor clientFraction(double def) {
        return ParameterDescriptor.real("clientFraction", def, 1e-9, 1.0,
                "share of the active devices sampled each round: m = max(1, round(clientFraction * K))");
    }

    static ParameterDescriptor localSteps() {
        return ParameterDescriptor.integer("localSteps", 5L, 1L, 100_000L, "local SGD steps per round on each sampled device");
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new FedAvg(id(), ctx, params, 0.0, true);
    }
}
