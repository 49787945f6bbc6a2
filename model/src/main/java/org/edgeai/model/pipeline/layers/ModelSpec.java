package org.edgeai.model.pipeline.layers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.Json;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.presets.Presets;

/**
 * A model definition: a name, the shape of one input sample and the list of layers, either written in a
 * file or produced by a preset. JSON forms:
 * <pre>
 * { "preset": "vgg16" }                            (optionally "seqLen": 128 for bert-base and gpt2-small)
 * { "name": "my-net", "input": [3, 32, 32], "layers": [ { "type": "conv2d", "out": 16, "kernel": 3 }, ... ] }
 * </pre>
 * Immutable; {@link #build()} runs the shape calculator and checks every layer against its input shape.
 */
public final class ModelSpec {

    private final String name;
    private final String preset;
    private final Shape input;
    private final List<LayerSpec> layers;

    public ModelSpec(String name, Shape input, List<LayerSpec> layers) {
        this(name, null, input, layers);
    }

    private ModelSpec(String name, String preset, Shape input, List<LayerSpec> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model " + name + ": needs at least one layer");
        }
        this.name = name;
        this.preset = preset;
        this.input = input;
        this.layers = List.copyOf(layers);
    }

    /** The same model, marked as coming from preset {@code id} (written back as {@code {"preset": id}}). */
    public ModelSpec asPreset(String id) {
        return new ModelSpec(name, id, input, layers);
    }

    /**
     * Parses a {@code model} object.
     *
     * @param path JSON path for messages, e.g. {@code pipeline.model}
     * @throws SpecException naming the path of the first bad value
     */
    public static ModelSpec parse(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SpecException(path, "expected a model object ({\"preset\": ...} or {\"input\": [...], \"layers\": [...]}), got "
                    + Json.describe(node));
        }
        if (node.has("preset")) {
            Json.requireObject(node, path, "preset", "seqLen");
            String id = Json.choice(node, "preset", path, null, Presets.names());
            int seqLen = Json.integer(node, "seqLen", path, 1, 1_000_000, -1);
            try {
                return Presets.spec(id, seqLen);
            } catch (IllegalArgumentException e) {
                throw new SpecException(Json.at(path, "seqLen"), e.getMessage());
            }
        }
        Json.requireObject(node, path, "name", "input", "layers");
        String name = Json.text(node, "name", path, "custom");
        int[] dims = Json.intArray(node, "input", path, 1, Integer.MAX_VALUE);
        JsonNode arr = node.get("layers");
        String lp = Json.at(path, "layers");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new SpecException(lp, "expected a non-empty array of layer objects, got " + Json.describe(arr));
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            layers.add(LayerSpec.parse(arr.get(i), Json.at(lp, i)));
        }
        ModelSpec spec = new ModelSpec(name, Shape.of(dims), layers);
        spec.build(path); // shape errors are file errors: report them now, with their path
        return spec;
    }

    /**
     * The model of a file given to {@code model info FILE}: an experiment's {@code pipeline.model} or
     * {@code split.model}, or a bare model object ({@code {"preset": ...}} or {@code {"input": ..., "layers": ...}}).
     *
     * @throws SpecException when the document holds none of these, or the model is invalid
     */
    public static ModelSpec fromDocument(JsonNode root) {
        if (root != null && root.isObject()) {
            for (String section : new String[] {"pipeline", "split"}) {
                JsonNode s = root.get(section);
                if (s != null && s.isObject() && s.has("model")) {
                    return parse(s.get("model"), section + ".model");
                }
            }
            if (root.has("preset") || root.has("layers")) {
                return parse(root, "model");
            }
        }
        throw new SpecException("(root)", "expected an experiment with pipeline.model or split.model, or a model object"
                + " with \"preset\" or \"input\" and \"layers\", got " + Json.describe(root));
    }

    public String name() {
        return name;
    }

    /** The preset id when this model came from a preset, else null. */
    public String preset() {
        return preset;
    }

    public Shape input() {
        return input;
    }

    public List<LayerSpec> layers() {
        return layers;
    }

    /** Runs the shape calculator over the layers. O(layers). */
    public ModelProfile build() {
        return build("model");
    }

    /**
     * Runs the shape calculator over the layers; messages name {@code path.layers[i]}.
     *
     * @throws SpecException when a layer does not fit its input or two layers share a name
     */
    public ModelProfile build(String path) {
        List<LayerProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Shape s = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String lp = Json.at(Json.at(path, "layers"), i);
            LayerProfile p = l.profile(s, l.type() + "_" + (i + 1), lp);
            if (!names.add(p.name())) {
                throw new SpecException(Json.at(lp, "name"), "duplicate layer name '" + p.name() + "'");
            }
            out.add(p);
            s = p.outputShape();
        }
        return new ModelProfile(name, input, out);
    }

    /** The JSON form: {@code {"preset": id}} for an unedited preset, else name, input and layers. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (preset != null) {
            o.put("preset", preset);
            return o;
        }
        o.put("name", name);
        ArrayNode in = o.putArray("input");
        for (int d : input.dims()) {
            in.add(d);
        }
        ArrayNode arr = o.putArray("layers");
        for (LayerSpec l : layers) {
            arr.add(l.toJson());
        }
        return o;
    }

    /** The JSON form with every layer listed, also for a preset (what a user edits after "copy preset"). */
    public ObjectNode toExpandedJson() {
        return new ModelSpec(name, null, input, layers).toJson();
    }
}
