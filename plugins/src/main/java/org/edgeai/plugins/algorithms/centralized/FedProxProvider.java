package org.edgeai.plugins.algorithms.centralized;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** {@code fedprox}: federated averaging with a proximal term μ/2 ||y − x_t||² in the local steps ({@link FedAvg}). */
public final class FedProxProvider extends CentralizedProvider {

    @Override
    public String id() {
        return "fedprox";
    }

    @Override
    public String displayName() {
        return "FedProx";
    }

    @Override
    public String description() {
        return "Federated averaging whose local steps are pulled back towards the server's model by a proximal "
                + "term mu, which keeps heterogeneous devices from drifting apart.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        List<ParameterDescriptor> own = new ArrayList<>(FedAvgProvider.fedAvgParameters());
        own.add(ParameterDescriptor.real("mu", 0.01, 0.0, null, "weight of the proximal term (0 gives fedavg)"));
        return CentralizedParameters.withCommon(own);
    }

    @Override
    public Algorithm create(Parameters params, SimulationContext ctx) {
        return new FedAvg(id(), ctx, params, params.getDouble("mu"), true);
    }
}
