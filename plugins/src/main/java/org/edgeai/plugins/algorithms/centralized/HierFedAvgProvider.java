package org.edgeai.plugins.algorithms.centralized;

import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code hier-fedavg}: device–edge–cloud federated averaging ({@link HierFedAvg}). */
public final class HierFedAvgProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "hier-fedavg";
    }

    @Override
    public String displayName() {
        return "Hierarchical FedAvg (device-edge-cloud)";
    }

    @Override
    public String description() {
        return "Every edge server runs federated averaging with its nearest devices each round; every cloudPeriod "
                + "rounds the cloud averages the edge models. Needs server and cloud nodes.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(
                FedAvgProvider.clientFraction(1.0),
                FedAvgProvider.localSteps(),
                CentralizedParameters.learningRate(0.1),
                ParameterDescriptor.integer("cloudPeriod", 5L, 1L, 1_000_000L,
                        "rounds between two cloud averagings of the edge models"),
                ParameterDescriptor.string("cloud", "", "id of the cloud node; empty: the first cloud in topology order"),
                CentralizedParameters.aggregation(),
                CentralizedParameters.snrDb());
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new HierFedAvg(id(), ctx, params);
    }
}
