package org.edgeai.plugins.algorithms.centralized;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.spi.ParameterDescriptor;

/** Parameter descriptors shared by the centralized algorithms. */
final class CentralizedParameters {

    private CentralizedParameters() {
    }

    static ParameterDescriptor learningRate(double def) {
        return ParameterDescriptor.real("learningRate", def, 0.0, null, "step size η of the model updates");
    }

    static ParameterDescriptor server() {
        return ParameterDescriptor.string("server", "",
                "id of the aggregating node (a server or cloud); empty: the first cloud or server in topology order");
    }

    static ParameterDescriptor aggregation() {
        return ParameterDescriptor.choice("aggregation", Aggregation.DIGITAL.id(), Aggregation.IDS,
                "digital: separate messages, exact mean; over-the-air: uploads start together and superpose, "
                        + "the server gets their sum plus noise");
    }

    static ParameterDescriptor snrDb() {
        return ParameterDescriptor.real("snrDb", 20.0, -50.0, 300.0,
                "over-the-air only: signal-to-noise ratio of one device's upload at the server, dB");
    }

    static ParameterDescriptor fullBatch(boolean def) {
        return ParameterDescriptor.bool("fullBatch", def,
                "gradients on a device's whole shard instead of a minibatch of batchSize samples");
    }

    /** {@code own} followed by server, aggregation and snrDb. */
    static List<ParameterDescriptor> withCommon(List<ParameterDescriptor> own) {
        List<ParameterDescriptor> all = new ArrayList<>(own);
        all.add(server());
        all.add(aggregation());
        all.add(snrDb());
        return List.copyOf(all);
    }
}
