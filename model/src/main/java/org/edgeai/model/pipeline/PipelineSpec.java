package org.edgeai.model.pipeline;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.layers.ModelSpec;
import org.edgeai.model.pipeline.partition.Partitioners;
import org.edgeai.model.pipeline.schedule.ScheduleKind;

/**
 * The {@code pipeline} section of an experiment file, parsed and validated. Keys (defaults in brackets):
 * <pre>
 * model               { "preset": "vgg16" } or { "input": [3, 224, 224], "layers": [ ... ] }   (required)
 * nodes               ["n0", "n1", ...] (stage s on the s-th node)  or  { "from": "a", "to": "b" }: the
 *                     least-latency path between two nodes                                    (required)
 * partitioner         "uniform" | "balanced" | "pipedream" | "user", or an object
 *                     { "type": "pipedream", "replication": true } / { "type": "user", "layersPerStage": [..] }
 *                     ["balanced"]
 * schedule            "gpipe" | "1f1b" | "pipedream" | "sequential"                           ["gpipe"]
 * microBatches        M, micro-batches per minibatch, 1..100000                               [8]
 * microBatchSize      samples per micro-batch, 1..1000000                                     [8]
 * minibatches         minibatches per run, 1..100000                                          [1]
 * precisionBits       bits per activation, gradient and weight element: 32 (fp32) or 16 (fp16) [32]
 * rematerialize       recompute the forward during the backward                               [false]
 * updateFlopsPerParam FLOPs of the weight update per parameter                                [0]
 * </pre>
 * {@code sequential} processes each minibatch (microBatches x microBatchSize samples) as one micro-batch.
 * Immutable.
 */
public record PipelineSpec(ModelSpec model, List<String> nodes, String from, String to, String partitioner,
                           boolean replication, int[] layersPerStage, ScheduleKind schedule, int microBatches,
                           int microBatchSize, int minibatches, int precisionBits, boolean rematerialize,
                           double updateFlopsPerParam) {

    /** The accepted keys of the section. */
    public static final String[] KEYS = {"model", "nodes", "partitioner", "schedule", "microBatches", "microBatchSize",
        "minibatches", "precisionBits", "rematerialize", "updateFlopsPerParam"};

    /** Parses a {@code pipeline} section found at JSON path {@code pipeline}. */
    public static PipelineSpec parse(JsonNode section) {
        return parse(section, "pipeline");
    }

    /**
     * Parses a {@code pipeline} section.
     *
     * @param path the section's JSON path, used in messages
     * @throws SpecException naming the path of the first bad value, what was expected and what was found
     */
    public static PipelineSpec parse(JsonNode section, String path) {
        Json.requireObject(section, path, KEYS);
        if (!Json.has(section, "model")) {
            throw new SpecException(Json.at(path, "model"), "missing; expected {\"preset\": ...} or {\"input\": [...], \"layers\": [...]}");
        }
        ModelSpec model = ModelSpec.parse(section.get("model"), Json.at(path, "model"));

        List<String> nodes = null;
        String from = null;
        String to = null;
        JsonNode n = section.get("nodes");
        String np = Json.at(path, "nodes");
        if (n == null || n.isNull()) {
            throw new SpecException(np, "missing; expected an array of node ids or {\"from\": id, \"to\": id}");
        } else if (n.isArray()) {
            nodes = Json.textArray(n, np);
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.indexOf(nodes.get(i)) != i) {
                    throw new SpecException(Json.at(np, i), "node '" + nodes.get(i) + "' is listed twice; a node runs one stage");
                }
            }
        } else if (n.isObject()) {
            Json.requireObject(n, np, "from", "to");
            from = Json.text(n, "from", np);
            to = Json.text(n, "to", np);
        } else {
            throw new SpecException(np, "expected an array of node ids or {\"from\": id, \"to\": id}, got " + Json.describe(n));
        }

        String partitioner = "balanced";
        boolean replication = false;
        int[] perStage = null;
        JsonNode p = section.get("partitioner");
        String pp = Json.at(path, "partitioner");
        if (p != null && !p.isNull()) {
            if (p.isTextual()) {
                partitioner = Json.choice(section, "partitioner", path, null, Partitioners.NAMES);
            } else if (p.isObject()) {
                Json.requireObject(p, pp, "type", "replication", "layersPerStage");
                partitioner = Json.choice(p, "type", pp, null, Partitioners.NAMES);
                replication = Json.bool(p, "replication", pp, false);
                if (replication && !partitioner.equals("pipedream")) {
                    throw new SpecException(Json.at(pp, "replication"), "replication is planned only by the pipedream partitioner, not by "
                            + partitioner);
                }
                if (Json.has(p, "layersPerStage")) {
                    if (!partitioner.equals("user")) {
                        throw new SpecException(Json.at(pp, "layersPerStage"), "applies only to the user partitioner");
                    }
                    perStage = Json.intArray(p, "layersPerStage", pp, 1, Integer.MAX_VALUE);
                }
            } else {
                throw new SpecException(pp, "expected a partitioner name (" + String.join(", ", Partitioners.NAMES)
                        + ") or an object, got " + Json.describe(p));
            }
            if (partitioner.equals("user") && perStage == null) {
                throw new SpecException(Json.at(pp, "layersPerStage"),
                        "missing; the user partitioner needs {\"type\": \"user\", \"layersPerStage\": [...]}");
            }
        }
        if (perStage != null && nodes != null && perStage.length != nodes.size()) {
            throw new SpecException(Json.at(pp, "layersPerStage"), "expected " + nodes.size() + " entries (one per node), got "
                    + perStage.length);
        }
        int layerCount = model.layers().size();
        if (perStage != null) {
            int sum = 0;
            for (int c : perStage) {
                sum += c;
            }
            if (sum != layerCount) {
                throw new SpecException(Json.at(pp, "layersPerStage"), "expected counts summing to the model's " + layerCount
                        + " layers, got a sum of " + sum);
            }
        }

        ScheduleKind schedule = ScheduleKind.fromId(Json.choice(section, "schedule", path, "gpipe", ScheduleKind.ids()));
        int m = Json.integer(section, "microBatches", path, 1, 100_000, 8);
        int mbs = Json.integer(section, "microBatchSize", path, 1, 1_000_000, 8);
        int minibatches = Json.integer(section, "minibatches", path, 1, 100_000, 1);
        int bits = Json.integer(section, "precisionBits", path, 1, 64, 32);
        if (bits != 16 && bits != 32) {
            throw new SpecException(Json.at(path, "precisionBits"), "expected 32 (fp32) or 16 (fp16), got " + bits);
        }
        if ((long) m * minibatches > 1_000_000) {
            throw new SpecException(Json.at(path, "minibatches"), "expected microBatches x minibatches <= 1000000, got "
                    + m + " x " + minibatches);
        }
        boolean remat = Json.bool(section, "rematerialize", path, false);
        double upd = Json.number(section, "updateFlopsPerParam", path, 0, false, 0);
        if (nodes != null && !partitioner.equals("pipedream") && nodes.size() > layerCount) {
            throw new SpecException(np, "expected at most " + layerCount + " nodes (one stage each, the model has "
                    + layerCount + " layers), got " + nodes.size());
        }
        return new PipelineSpec(model, nodes == null ? null : List.copyOf(nodes), from, to, partitioner, replication,
                perStage, schedule, m, mbs, minibatches, bits, remat, upd);
    }

    /** Whether the nodes are given as a route between two named nodes. */
    public boolean isRoute() {
        return nodes == null;
    }

    /** Micro-batches per minibatch the simulation uses (1 for sequential). */
    public int effectiveMicroBatches() {
        return schedule == ScheduleKind.SEQUENTIAL ? 1 : microBatches;
    }

    /** Samples per simulated micro-batch (the whole minibatch for sequential). */
    public int effectiveMicroBatchSize() {
        return schedule == ScheduleKind.SEQUENTIAL ? microBatches * microBatchSize : microBatchSize;
    }

    /** Samples per minibatch: microBatches x microBatchSize. */
    public long samplesPerMinibatch() {
        return (long) microBatches * microBatchSize;
    }

    /** The section with every default filled in, keys in {@link #KEYS} order. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("model", model.toJson());
        if (nodes != null) {
            ArrayNode a = o.putArray("nodes");
            nodes.forEach(a::add);
        } else {
            ObjectNode r = o.putObject("nodes");
            r.put("from", from);
            r.put("to", to);
        }
        if (partitioner.equals("user") || replication) {
            ObjectNode p = o.putObject("partitioner");
            p.put("type", partitioner);
            if (replication) {
                p.put("replication", true);
            }
            if (layersPerStage != null) {
                ArrayNode a = p.putArray("layersPerStage");
                for (int c : layersPerStage) {
                    a.add(c);
                }
            }
        } else {
            o.put("partitioner", partitioner);
        }
        o.put("schedule", schedule.id());
        o.put("microBatches", microBatches);
        o.put("microBatchSize", microBatchSize);
        o.put("minibatches", minibatches);
        o.put("precisionBits", precisionBits);
        o.put("rematerialize", rematerialize);
        o.put("updateFlopsPerParam", updateFlopsPerParam);
        return o;
    }
}
