package org.edgeai.app.gui;

import static org.edgeai.model.spi.ParameterDescriptor.bool;
import static org.edgeai.model.spi.ParameterDescriptor.choice;
import static org.edgeai.model.spi.ParameterDescriptor.integer;
import static org.edgeai.model.spi.ParameterDescriptor.real;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.spi.ParameterDescriptor;

/**
 * A hand-written {@link SettingsSchema} following DESIGN.md's experiment example and ALGORITHMS.md's
 * names, standing in until the algorithm, compressor and workload plugins exist and their registries'
 * parameter descriptors can be used instead.
 */
public final class BuiltInSettingsSchema implements SettingsSchema {

    static final List<String> ALGORITHMS = List.of("ps-sgd", "fedavg", "fedprox", "hier-fedavg", "lag", "zo-sgd",
            "dsgd", "gossip-avg", "gossip-sgd", "allreduce-ring", "allreduce-tree", "choco-sgd");
    static final List<String> COMPRESSORS = List.of("none", "fp16", "qsgd", "topk", "randk", "sign");
    static final List<String> TASKS = List.of("classification", "consensus", "least-squares");

    @Override
    public List<String> sections() {
        return List.of("workload", "algorithm", "compression", "network", "run");
    }

    @Override
    public String typeKey(String section) {
        return switch (section) {
            case "workload" -> "task";
            case "algorithm", "compression" -> "type";
            default -> "";
        };
    }

    @Override
    public List<String> types(String section) {
        return switch (section) {
            case "workload" -> TASKS;
            case "algorithm" -> ALGORITHMS;
            case "compression" -> COMPRESSORS;
            default -> List.of();
        };
    }

    @Override
    public List<ParameterDescriptor> parameters(String section, String type) {
        List<ParameterDescriptor> p = new ArrayList<>();
        switch (section) {
            case "workload" -> {
                switch (type) {
                    case "consensus" -> p.add(integer("dimension", 5L, 1L, 1_000_000L, "Length of each node's vector."));
                    case "least-squares" -> {
                        p.add(integer("features", 20L, 1L, 100_000L, "Number of features."));
                        p.add(integer("samplesPerNode", 50L, 1L, 10_000_000L, "Training samples per node."));
                        p.add(real("noise", 0.1, 0.0, null, "Standard deviation of the label noise."));
                    }
                    default -> {
                        p.add(choice("dataset.type", "digits", List.of("digits", "csv"), "The data set."));
                        p.add(choice("model.type", "softmax", List.of("softmax", "mlp"), "The model trained."));
                        p.add(choice("partition.type", "iid", List.of("iid", "dirichlet", "shards", "by-label"),
                                "How the training data is split over the nodes."));
                        p.add(real("partition.alpha", 0.5, 1e-6, null, "Dirichlet concentration (dirichlet only); small = skewed."));
                        p.add(integer("batchSize", 32L, 1L, 1_000_000L, "Minibatch size of each local step."));
                        p.add(real("testFraction", 0.2, 0.0, 0.9, "Share of the data held out for testing."));
                    }
                }
            }
            case "algorithm" -> {
                p.add(real("learningRate", 0.1, 0.0, null, "Step size η."));
                switch (type) {
                    case "fedavg", "fedprox", "hier-fedavg" -> {
                        p.add(integer("localSteps", 5L, 1L, 100_000L, "Local SGD steps per round."));
                        p.add(real("clientFraction", 1.0, 0.0, 1.0, "Share of devices sampled per round."));
                        if (type.equals("fedprox")) {
                            p.add(real("mu", 0.01, 0.0, null, "Proximal term weight μ."));
                        }
                        if (type.equals("hier-fedavg")) {
                            p.add(integer("cloudPeriod", 5L, 1L, 100_000L, "Rounds between cloud aggregations."));
                        }
                    }
                    case "lag" -> p.add(real("threshold", 1.0, 0.0, null, "Upload only when the gradient changed by more than this."));
                    case "zo-sgd" -> {
                        p.add(real("mu", 0.001, 1e-12, null, "Smoothing radius μ of the finite difference."));
                        p.add(integer("directions", 1L, 1L, 10_000L, "Random directions per round."));
                    }
                    case "dsgd", "gossip-sgd", "gossip-avg" -> p.add(
                            choice("mixing", "metropolis", List.of("metropolis", "max-degree", "custom"), "How W is built."));
                    case "choco-sgd" -> {
                        p.add(choice("mixing", "metropolis", List.of("metropolis", "max-degree", "custom"), "How W is built."));
                        p.add(real("gamma", 0.5, 0.0, 1.0, "Consensus step size γ."));
                    }
                    default -> {
                    }
                }
            }
            case "compression" -> {
                switch (type) {
                    case "qsgd" -> p.add(integer("levels", 4L, 1L, 65_536L, "Quantization levels s."));
                    case "topk" -> {
                        p.add(real("ratio", 0.05, 1e-9, 1.0, "Share of coordinates sent."));
                        p.add(bool("errorFeedback", true, "Keep what was not sent and add it next time."));
                    }
                    case "randk" -> p.add(real("ratio", 0.05, 1e-9, 1.0, "Share of coordinates sent."));
                    default -> {
                    }
                }
                if (!type.equals("none")) {
                    p.add(choice("direction", "uplink", List.of("uplink", "downlink", "both"), "Which messages are compressed."));
                }
            }
            case "network" -> {
                p.add(real("computeSpread", 0.0, 0.0, null, "Log-normal spread of node compute speeds."));
                p.add(real("stragglerProbability", 0.0, 0.0, 1.0, "Chance a node is slow in a round."));
                p.add(real("stragglerSlowdown", 4.0, 1.0, null, "How much slower a straggler is."));
                p.add(real("dropoutProbability", 0.0, 0.0, 1.0, "Chance a device skips a round."));
            }
            case "run" -> p.add(integer("rounds", 100L, 1L, 10_000_000L, "Rounds to simulate."));
            default -> throw new IllegalArgumentException("unknown settings section '" + section + "'; expected one of "
                    + String.join(", ", sections()));
        }
        return p;
    }
}
