package org.edgeai.model.pipeline.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.Json;
import org.edgeai.model.pipeline.SpecException;

/**
 * One layer as written in a file: its JSON object ({@code {"type": "linear", "in": 1024, "out": 1024}}),
 * kept as given so an editor can change it and write it back. {@link #profile} runs the shape calculator.
 *
 * <p>The vocabulary (keys beyond {@code type}; every layer also takes an optional {@code name} and an
 * optional {@code backwardFlops} per sample, default 2 x forward):
 * <pre>
 * conv2d           out, kernel, [in], [stride 1], [padding 0], [groups 1], [bias true], [batchNorm false], [activation none]
 * linear           in, out, [bias true], [activation none], [tied false]
 * maxpool, avgpool kernel, [stride = kernel], [padding 0]
 * globalavgpool    -
 * batchnorm        -
 * layernorm        -
 * activation       function (none, relu, relu6, tanh, sigmoid, gelu)
 * flatten          -
 * embedding        vocab, dim, [positions 0], [types 0], [layerNorm false]       input [T] (token ids)
 * attention        heads                                                        input [T, D]
 * transformer      heads, ffn, [activation gelu]                                input [T, D]
 * bottleneck       mid, out, [stride 1]                                         ResNet block
 * invertedresidual out, [stride 1], [expand 6]                                  MobileNetV2 block
 * token            [index 0]                                                    [T, D] -> [D]
 * custom           forwardFlops, params, outputElements
 * </pre>
 */
public final class LayerSpec {

    /** Keys every type accepts besides its own. */
    private static final String[] COMMON = {"type", "name", "backwardFlops"};

    /** The types and their own keys, in the order of the vocabulary. */
    public static final Map<String, String[]> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("conv2d", new String[] {"in", "out", "kernel", "stride", "padding", "groups", "bias", "batchNorm", "activation"});
        TYPES.put("linear", new String[] {"in", "out", "bias", "activation", "tied"});
        TYPES.put("maxpool", new String[] {"kernel", "stride", "padding"});
        TYPES.put("avgpool", new String[] {"kernel", "stride", "padding"});
        TYPES.put("globalavgpool", new String[] {});
        TYPES.put("batchnorm", new String[] {});
        TYPES.put("layernorm", new String[] {});
        TYPES.put("activation", new String[] {"function"});
        TYPES.put("flatten", new String[] {});
        TYPES.put("embedding", new String[] {"vocab", "dim", "positions", "types", "layerNorm"});
        TYPES.put("attention", new String[] {"heads"});
        TYPES.put("transformer", new String[] {"heads", "ffn", "activation"});
        TYPES.put("bottleneck", new String[] {"mid", "out", "stride"});
        TYPES.put("invertedresidual", new String[] {"out", "stride", "expand"});
        TYPES.put("token", new String[] {"index"});
        TYPES.put("custom", new String[] {"forwardFlops", "params", "outputElements"});
    }

    private static final int BIG = Integer.MAX_VALUE;

    private final ObjectNode json;

    private LayerSpec(ObjectNode json) {
        this.json = json;
    }

    /**
     * Checks the layer's keys and types (not yet its fit to the input shape, which {@link #profile} checks).
     *
     * @param path JSON path of the layer for messages, e.g. {@code pipeline.model.layers[3]}
     * @throws SpecException naming the path of the first bad value
     */
    public static LayerSpec parse(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SpecException(path, "expected a layer object, got " + Json.describe(node));
        }
        String type = Json.choice(node, "type", path, null, List.copyOf(TYPES.keySet()));
        List<String> keys = new ArrayList<>(List.of(COMMON));
        keys.addAll(List.of(TYPES.get(type)));
        Json.requireObject(node, path, keys.toArray(new String[0]));
        if (Json.has(node, "name")) {
            Json.textValue(node.get("name"), Json.at(path, "name"));
        }
        if (Json.has(node, "backwardFlops")) {
            Json.number(node, "backwardFlops", path, 0, false);
        }
        LayerSpec spec = new LayerSpec(node.deepCopy());
        spec.cost(null, path); // validates every value that does not depend on the input shape
        return spec;
    }

    /** A layer built in code (the presets): {@code LayerSpec.of("linear", "in", 784, "out", 10)}. */
    public static LayerSpec of(String type, Object... keyValues) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type);
        for (int i = 0; i < keyValues.length; i += 2) {
            String k = (String) keyValues[i];
            Object v = keyValues[i + 1];
            if (v instanceof Integer n) {
                o.put(k, n);
            } else if (v instanceof Long n) {
                o.put(k, n);
            } else if (v instanceof Double n) {
                o.put(k, n);
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else {
                o.put(k, String.valueOf(v));
            }
        }
        return parse(o, "layer " + type);
    }

    public String type() {
        return json.get("type").asText();
    }

    /** The given name, or null. */
    public String name() {
        return Json.has(json, "name") ? json.get("name").asText() : null;
    }

    /** A copy of the layer's JSON object, as given (for writing back and for an editor). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /** A copy with one key set (for an editor); validated like {@link #parse}. */
    public LayerSpec with(String key, JsonNode value, String path) {
        ObjectNode o = json.deepCopy();
        o.set(key, value);
        return parse(o, path);
    }

    /**
     * Runs the shape calculator on an input of shape {@code in}.
     *
     * @param defaultName name used when the layer has none (e.g. {@code conv2d_3})
     * @param path        JSON path of the layer for messages
     * @throws SpecException when the layer does not fit the input shape
     */
    public LayerProfile profile(Shape in, String defaultName, String path) {
        Cost c = cost(in, path);
        double backward = Json.has(json, "backwardFlops") ? json.get("backwardFlops").asDouble() : 2 * c.flops();
        String name = name() == null ? defaultName : name();
        return new LayerProfile(name, type(), c.params(), c.flops(), backward, c.out());
    }

    private int req(String key, String path, int min) {
        return Json.integer(json, key, path, min, BIG);
    }

    private int opt(String key, String path, int min, int dflt) {
        return Json.integer(json, key, path, min, BIG, dflt);
    }

    private String act(String key, String path, String dflt) {
        return Json.choice(json, key, path, dflt, ShapeCalculator.ACTIVATIONS);
    }

    /** Reads and checks the values; with {@code in == null} only checks them. */
    private Cost cost(Shape in, String path) {
        String type = type();
        try {
            switch (type) {
                case "conv2d": {
                    int out = req("out", path, 1);
                    int kernel = req("kernel", path, 1);
                    int stride = opt("stride", path, 1, 1);
                    int padding = opt("padding", path, 0, 0);
                    int groups = opt("groups", path, 1, 1);
                    boolean bias = Json.bool(json, "bias", path, true);
                    boolean bn = Json.bool(json, "batchNorm", path, false);
                    String a = act("activation", path, "none");
                    if (Json.has(json, "in")) {
                        int declared = req("in", path, 1);
                        if (in != null && (in.rank() != 3 || in.dim(0) != declared)) {
                            throw new SpecException(Json.at(path, "in"), "expected " + (in.rank() == 3 ? in.dim(0)
                                    : "a [C, H, W] input") + " (the input has shape " + in + "), got " + declared);
                        }
                    }
                    return in == null ? null : ShapeCalculator.conv2d(in, out, kernel, stride, padding, groups, bias, bn, a);
                }
                case "linear": {
                    int inF = req("in", path, 1);
                    int out = req("out", path, 1);
                    boolean bias = Json.bool(json, "bias", path, true);
                    String a = act("activation", path, "none");
                    boolean tied = Json.bool(json, "tied", path, false);
                    if (in != null && in.last() != inF && in.elements() != inF) {
                        throw new SpecException(Json.at(path, "in"), in.rank() == 1
                                ? "expected " + in.last() + " (the input has shape " + in + "), got " + inF
                                : "expected " + in.last() + " (last dimension of input " + in + ") or " + in.elements()
                                        + " (flattened), got " + inF);
                    }
                    return in == null ? null : ShapeCalculator.linear(in, inF, out, bias, a, tied);
                }
                case "maxpool":
                case "avgpool": {
                    int k = req("kernel", path, 1);
                    int s = opt("stride", path, 1, k);
                    int p = opt("padding", path, 0, 0);
                    return in == null ? null : ShapeCalculator.pool(in, k, s, p);
                }
                case "globalavgpool":
                    return in == null ? null : ShapeCalculator.globalAvgPool(in);
                case "batchnorm":
                    return in == null ? null : ShapeCalculator.batchNorm(in);
                case "layernorm":
                    return in == null ? null : ShapeCalculator.layerNorm(in);
                case "activation": {
                    String f = act("function", path, null);
                    return in == null ? null : ShapeCalculator.activation(in, f);
                }
                case "flatten":
                    return in == null ? null : ShapeCalculator.flatten(in);
                case "embedding": {
                    int vocab = req("vocab", path, 1);
                    int dim = req("dim", path, 1);
                    int pos = opt("positions", path, 0, 0);
                    int types = opt("types", path, 0, 0);
                    boolean ln = Json.bool(json, "layerNorm", path, false);
                    return in == null ? null : ShapeCalculator.embedding(in, vocab, dim, pos, types, ln);
                }
                case "attention": {
                    int heads = req("heads", path, 1);
                    return in == null ? null : ShapeCalculator.attention(in, heads);
                }
                case "transformer": {
                    int heads = req("heads", path, 1);
                    int ffn = req("ffn", path, 1);
                    String a = act("activation", path, "gelu");
                    return in == null ? null : ShapeCalculator.transformer(in, heads, ffn, a);
                }
                case "bottleneck": {
                    int mid = req("mid", path, 1);
                    int out = req("out", path, 1);
                    int s = opt("stride", path, 1, 1);
                    return in == null ? null : ShapeCalculator.bottleneck(in, mid, out, s);
                }
                case "invertedresidual": {
                    int out = req("out", path, 1);
                    int s = opt("stride", path, 1, 1);
                    int e = opt("expand", path, 1, 6);
                    return in == null ? null : ShapeCalculator.invertedResidual(in, out, s, e);
                }
                case "token": {
                    int idx = opt("index", path, 0, 0);
                    return in == null ? null : ShapeCalculator.token(in, idx);
                }
                case "custom": {
                    double f = Json.number(json, "forwardFlops", path, 0, false);
                    long params = Json.longInteger(json, "params", path, 0, Long.MAX_VALUE);
                    int outEl = req("outputElements", path, 1);
                    return ShapeCalculator.custom(f, params, outEl);
                }
                default:
                    throw new SpecException(Json.at(path, "type"), "unknown layer type '" + type + "'");
            }
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new SpecException(path, type + " layer on input " + in + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
