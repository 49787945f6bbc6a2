package org.edgeai.model.pipeline.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.Json;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.layers.ModelSpec;

/**
 * The {@code split} section of an experiment file (Neurosurgeon-style split inference). Keys (defaults in
 * brackets):
 * <pre>
 * model                { "preset": "mobilenetv2" } or { "input": [...], "layers": [...] }        (required)
 * device               id of the node that holds the input and starts the inference            (required)
 * server               id of the edge server that can finish it                                 (required)
 * batchSize            samples per request                                                     [1]
 * precisionBits        bits per activation element sent (32 fp32, 16 fp16)                      [32]
 * inputBitsPerElement  bits per element of the raw input sent when the cut is 0 (8 for pixels)  [precisionBits]
 * bandwidthSweepMbps   bandwidths (Mbit/s) given in turn to every link of the device-server route
 *                      to show where the best cut moves                                       [none]
 * earlyExit            { "afterLayer": 5, "fraction": 0.3, "exitFlops": 0 }                    [none]
 * </pre>
 * Immutable.
 */
public record SplitSpec(ModelSpec model, String device, String server, int batchSize, int precisionBits,
                        int inputBitsPerElement, double[] bandwidthSweepMbps, EarlyExit earlyExit) {

    public static final String[] KEYS = {"model", "device", "server", "batchSize", "precisionBits", "inputBitsPerElement",
        "bandwidthSweepMbps", "earlyExit"};

    public static SplitSpec parse(JsonNode section) {
        return parse(section, "split");
    }

    /**
     * @throws SpecException naming the path of the first bad value
     */
    public static SplitSpec parse(JsonNode section, String path) {
        Json.requireObject(section, path, KEYS);
        if (!Json.has(section, "model")) {
            throw new SpecException(Json.at(path, "model"), "missing; expected {\"preset\": ...} or {\"input\": [...], \"layers\": [...]}");
        }
        ModelSpec model = ModelSpec.parse(section.get("model"), Json.at(path, "model"));
        String device = Json.text(section, "device", path);
        String server = Json.text(section, "server", path);
        if (device.equals(server)) {
            throw new SpecException(Json.at(path, "server"), "expected a node other than the device '" + device + "'");
        }
        int batch = Json.integer(section, "batchSize", path, 1, 1_000_000, 1);
        int bits = Json.integer(section, "precisionBits", path, 1, 64, 32);
        if (bits != 16 && bits != 32) {
            throw new SpecException(Json.at(path, "precisionBits"), "expected 32 (fp32) or 16 (fp16), got " + bits);
        }
        int inBits = Json.integer(section, "inputBitsPerElement", path, 1, 64, bits);
        double[] sweep = Json.has(section, "bandwidthSweepMbps") ? Json.positiveArray(section, "bandwidthSweepMbps", path)
                : new double[0];
        EarlyExit ee = null;
        if (Json.has(section, "earlyExit")) {
            String ep = Json.at(path, "earlyExit");
            JsonNode e = section.get("earlyExit");
            Json.requireObject(e, ep, "afterLayer", "fraction", "exitFlops");
            int layers = model.layers().size();
            if (layers < 2) {
                throw new SpecException(ep, "an early exit needs a model of at least 2 layers, got " + layers);
            }
            int after = Json.integer(e, "afterLayer", ep, 1, layers - 1);
            if (!Json.has(e, "fraction")) {
                throw new SpecException(Json.at(ep, "fraction"), "missing; expected a number in [0, 1]");
            }
            double fraction = Json.numberValue(e.get("fraction"), Json.at(ep, "fraction"), 0, false, 1);
            double flops = Json.number(e, "exitFlops", ep, 0, false, 0);
            ee = new EarlyExit(after, fraction, flops);
        }
        return new SplitSpec(model, device, server, batch, bits, inBits, sweep, ee);
    }

    /** The section with every default filled in. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("model", model.toJson());
        o.put("device", device);
        o.put("server", server);
        o.put("batchSize", batchSize);
        o.put("precisionBits", precisionBits);
        o.put("inputBitsPerElement", inputBitsPerElement);
        ArrayNode a = o.putArray("bandwidthSweepMbps");
        for (double d : bandwidthSweepMbps) {
            a.add(d);
        }
        if (earlyExit != null) {
            ObjectNode e = o.putObject("earlyExit");
            e.put("afterLayer", earlyExit.afterLayer());
            e.put("fraction", earlyExit.fraction());
            e.put("exitFlops", earlyExit.exitFlops());
        }
        return o;
    }
}
