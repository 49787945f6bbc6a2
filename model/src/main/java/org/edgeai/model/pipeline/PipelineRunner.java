package org.edgeai.model.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.CostModel;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.pipeline.partition.Partitioners;
import org.edgeai.model.pipeline.schedule.EnginePipelineNetwork;
import org.edgeai.model.pipeline.schedule.PipelineNetwork;
import org.edgeai.model.pipeline.schedule.PipelineSimulator;
import org.edgeai.model.pipeline.schedule.ScheduleResult;
import org.edgeai.model.pipeline.schedule.SimulationInput;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * Runs a pipeline experiment: resolves the nodes (listed, or the least-latency path between two nodes),
 * builds the model's layer profiles, partitions them, and simulates the schedule on the topology with the
 * network timing rules. Deterministic: the same spec and topology give the same result.
 */
public final class PipelineRunner {

    private PipelineRunner() {
    }

    /**
     * @throws SpecException when the spec does not fit the topology (unknown node, unreachable nodes, more
     *                       stages than layers, ...), naming the JSON path under {@code pipeline}
     */
    public static PipelineResult run(PipelineSpec spec, Topology topology) {
        return run(spec, topology, new EnginePipelineNetwork(topology));
    }

    /** As {@link #run(PipelineSpec, Topology)} on a given (fresh) network, e.g. one with ideal links. */
    public static PipelineResult run(PipelineSpec spec, Topology topology, PipelineNetwork network) {
        ModelProfile model = spec.model().build("pipeline.model");
        List<String> path = resolvePath(spec, topology);
        List<Node> nodes = new ArrayList<>();
        path.forEach(id -> nodes.add(topology.node(id)));
        java.util.Map<String, Double> bwCache = new java.util.HashMap<>(); // the DP asks for the same pairs often
        CostModel cost = new CostModel(model, nodes,
                (a, b) -> bwCache.computeIfAbsent(a + "\u0000" + b, k -> bottleneckBitsPerSecond(topology, a, b)),
                spec.effectiveMicroBatchSize(), spec.precisionBits(), spec.rematerialize(), spec.effectiveMicroBatches());
        Partition partition;
        try {
            partition = switch (spec.partitioner()) {
                case "uniform" -> Partitioners.uniform(cost);
                case "balanced" -> Partitioners.balanced(cost);
                case "pipedream" -> Partitioners.pipedream(cost, spec.replication());
                case "user" -> Partitioners.user(cost, spec.layersPerStage());
                default -> throw new IllegalStateException(spec.partitioner());
            };
        } catch (IllegalArgumentException e) {
            if (e instanceof SpecException) {
                throw e;
            }
            throw new SpecException("pipeline.partitioner", e.getMessage());
        }
        SimulationInput in;
        try {
            in = new SimulationInput(model, partition, spec.schedule(), spec.effectiveMicroBatches(),
                    spec.effectiveMicroBatchSize(), spec.minibatches(), spec.precisionBits(), spec.rematerialize(),
                    spec.updateFlopsPerParam());
        } catch (IllegalArgumentException e) {
            throw new SpecException("pipeline.microBatches", e.getMessage());
        }
        ScheduleResult result = PipelineSimulator.simulate(in, network);
        return new PipelineResult(spec, model, path, partition, result, topology);
    }

    /** The nodes of the pipeline, checked against the topology. */
    public static List<String> resolvePath(PipelineSpec spec, Topology topology) {
        if (!spec.isRoute()) {
            for (int i = 0; i < spec.nodes().size(); i++) {
                String id = spec.nodes().get(i);
                if (!topology.hasNode(id)) {
                    throw new SpecException(Json.at("pipeline.nodes", i), unknownNode(topology, id));
                }
            }
            for (int i = 0; i + 1 < spec.nodes().size(); i++) {
                try {
                    Routes.shortestPath(topology, spec.nodes().get(i), spec.nodes().get(i + 1));
                } catch (IllegalArgumentException e) {
                    throw new SpecException(Json.at("pipeline.nodes", i + 1), e.getMessage());
                }
            }
            return spec.nodes();
        }
        if (!topology.hasNode(spec.from())) {
            throw new SpecException("pipeline.nodes.from", unknownNode(topology, spec.from()));
        }
        if (!topology.hasNode(spec.to())) {
            throw new SpecException("pipeline.nodes.to", unknownNode(topology, spec.to()));
        }
        try {
            return Routes.shortestPath(topology, spec.from(), spec.to());
        } catch (IllegalArgumentException e) {
            throw new SpecException("pipeline.nodes", e.getMessage());
        }
    }

    static String unknownNode(Topology topology, String id) {
        List<String> ids = new ArrayList<>();
        topology.nodes().forEach(n -> ids.add(n.id()));
        return "unknown node '" + id + "'; the topology has " + String.join(", ", ids);
    }

    /** The smallest bandwidth (bit/s) on the least-latency route between two nodes (infinite for a == b). */
    public static double bottleneckBitsPerSecond(Topology topology, String a, String b) {
        List<String> route = Routes.shortestPath(topology, a, b);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < route.size(); i++) {
            Link l = topology.findLink(route.get(i), route.get(i + 1)).orElseThrow();
            min = Math.min(min, l.bitsPerSecond());
        }
        return min;
    }
}
