package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.pipeline.layers.LayerProfile;
import org.edgeai.model.pipeline.layers.LayerSpec;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;

/**
 * The Model view: the layers of the active experiment's {@code pipeline.model} (per-sample parameters,
 * forward FLOPs and output elements from {@link ModelSpec#build()}, and their totals), and edits of that
 * model. Every edit builds the new model JSON, checks it with {@link ModelSpec#parse} (the file's own
 * parser, so messages name the JSON path, e.g. {@code pipeline.model.layers[14].in: ...}) and only then
 * writes it into the document's {@code pipeline} section as one undoable settings edit, exactly as the
 * settings form does; a refused edit leaves the document untouched and shows the message in
 * {@link #errorProperty()}. A preset model ({@code {"preset": "vgg16"}}) is read-only until it is expanded
 * into its explicit layer list. Toolkit-free: JavaFX properties only, no Node.
 */
public final class ModelViewModel {

    /** The section and key this view edits, and the JSON path used in messages. */
    public static final String SECTION = "pipeline";
    public static final String PATH = "pipeline.model";

    /** Layer types that take an {@code out} (the Out column is editable for them). */
    private static final List<String> HAS_OUT = List.of("conv2d", "linear", "bottleneck", "invertedresidual");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One table row: a layer as the shape calculator sees it (per sample).
     *
     * @param index          0-based position in {@code layers}
     * @param name           the layer's name (given or generated, e.g. {@code linear_3})
     * @param type           the vocabulary type
     * @param params         trainable parameters
     * @param forwardFlops   forward FLOPs for one sample
     * @param outputElements elements of the output activation of one sample
     * @param outputShape    the output shape, e.g. {@code [512, 7, 7]}
     * @param out            the layer's {@code out} key, or null when it has none
     * @param editable       true when the model is a layer list (not a preset)
     */
    public record LayerRow(int index, String name, String type, long params, double forwardFlops, long outputElements,
                           String outputShape, Integer out, boolean editable) {

        /** True for a {@code custom} layer: params, forward FLOPs and output elements are its own keys. */
        public boolean isCustom() {
            return type.equals("custom");
        }
    }

    private final ObjectProperty<EditorDocument> document = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<LayerRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("No experiment open.");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final InvalidationListener reload = o -> reload();
    private ModelSpec spec;
    private ModelProfile profile;

    public ModelViewModel() {
        document.addListener((o, old, now) -> {
            if (old != null) {
                old.settingsProperty().removeListener(reload);
            }
            if (now != null) {
                now.settingsProperty().addListener(reload);
            }
            error.set("");
            selected.set(-1);
            reload();
        });
    }

    /** The document shown; set by the workbench to the active editor's document (null when none). */
    public ObjectProperty<EditorDocument> documentProperty() {
        return document;
    }

    public ReadOnlyObjectProperty<List<LayerRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<LayerRow> rows() {
        return rows.get();
    }

    /** Why there are no rows ("This experiment has no pipeline section", ...), empty when there are rows. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** One line: layers, total parameters, forward and backward FLOPs per sample. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** The last refused edit's message (starts with the JSON path), empty after a successful edit. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The preset id when the model is a preset (read-only until expanded), else empty. */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** True when the model is an explicit layer list the edit operations accept. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public boolean isEditable() {
        return editable.get();
    }

    /** The selected row's index, or -1; {@link #addLayer} inserts after it. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The built model, or null when there is none (no document, no pipeline section, or an invalid model). */
    public ModelProfile profile() {
        return profile;
    }

    /** Sum of the rows' parameters, 0 without a model. */
    public long totalParams() {
        return profile == null ? 0 : profile.params();
    }

    /** Sum of the rows' forward FLOPs per sample, 0 without a model. */
    public double totalForwardFlops() {
        return profile == null ? 0 : profile.forwardFlops();
    }

    // ------------------------------------------------------------------ edits

    /**
     * Replaces {@code model: {preset}} by the preset's explicit layer list (same totals), as one edit.
     *
     * @return false (error set) when there is no preset model
     */
    public boolean expandPreset() {
        if (spec == null || spec.preset() == null) {
            return refuse("the model is not a preset; nothing to expand");
        }
        return write("Expand preset " + spec.preset(), spec.toExpandedJson());
    }

    /**
     * Inserts a layer after the selected one (at the end when none is selected), as one edit. A {@code linear}
     * layer maps the previous output's last dimension to itself, so the shapes after it still chain; a
     * {@code custom} layer costs nothing and outputs as many elements as the previous layer.
     *
     * @param type {@code linear} or {@code custom}
     * @return false (error set) when the model is not editable or the new model is invalid
     */
    public boolean addLayer(String type) {
        if (!checkEditable()) {
            return false;
        }
        int after = selected.get() >= 0 && selected.get() < profile.layerCount() ? selected.get() : profile.layerCount() - 1;
        LayerProfile prev = profile.layer(after);
        ObjectNode layer = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "linear" -> {
                int width = prev.outputShape().last();
                layer.put("type", "linear");
                layer.put("in", width);
                layer.put("out", width);
            }
            case "custom" -> {
                layer.put("type", "custom");
                layer.put("forwardFlops", 0);
                layer.put("params", 0);
                layer.put("outputElements", prev.outputElements());
            }
            default -> {
                return refuse("cannot add a layer of type '" + type + "'; expected linear or custom");
            }
        }
        layer.put("name", freshName(type));
        ObjectNode model = spec.toJson();
        ArrayNode layers = (ArrayNode) model.get("layers");
        layers.insert(after + 1, layer);
        if (write("Add " + type + " layer", model)) {
            selected.set(after + 1);
            return true;
        }
        return false;
    }

    /**
     * Removes layer {@code index}, as one edit.
     *
     * @return false (error set, document unchanged) when it is the only layer or the shapes no longer chain
     */
    public boolean removeLayer(int index) {
        if (!checkEditable() || !checkIndex(index)) {
            return false;
        }
        if (profile.layerCount() == 1) {
            return refuse(PATH + ".layers: a model needs at least one layer");
        }
        ObjectNode model = spec.toJson();
        ((ArrayNode) model.get("layers")).remove(index);
        String name = profile.layer(index).name();
        if (write("Remove layer " + name, model)) {
            selected.set(Math.min(index, profile.layerCount() - 1));
            return true;
        }
        return false;
    }

    /**
     * Sets one key of layer {@code index} (e.g. {@code out}, {@code params}, {@code forwardFlops}) from the
     * text a user typed: an integer, a decimal number, {@code true}/{@code false}, or else a string. An
     * empty text removes the key (its default applies).
     *
     * @return false (error set, document unchanged) when the value or the resulting model is invalid
     */
    public boolean setField(int index, String key, String text) {
        if (!checkEditable() || !checkIndex(index)) {
            return false;
        }
        if (key == null || key.isBlank() || key.equals("type")) {
            return refuse(PATH + ".layers[" + index + "]: expected the name of a key to set, got '" + key + "'");
        }
        ObjectNode model = spec.toJson();
        ObjectNode layer = (ObjectNode) model.get("layers").get(index);
        JsonNode value = parseValue(text);
        if (value == null) {
            layer.remove(key);
        } else {
            layer.set(key, value);
        }
        return write("Set " + profile.layer(index).name() + "." + key, model);
    }

    // ------------------------------------------------------------------ internals

    /** The value of a typed text: integer, number, boolean or string; null for blank. */
    static JsonNode parseValue(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace("_", "").replace(",", "");
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            return f.numberNode(Long.parseLong(t));
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return f.numberNode((long) d); // 1e9 typed for an integer key
            }
            return f.numberNode(d);
        } catch (NumberFormatException e) {
            // not a number
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return f.booleanNode(Boolean.parseBoolean(t.toLowerCase(Locale.ROOT)));
        }
        return f.textNode(text.trim());
    }

    private String freshName(String type) {
        int k = profile.layerCount() + 1;
        while (true) {
            String n = type + "_new" + k;
            boolean used = false;
            for (LayerProfile l : profile.layers()) {
                used |= l.name().equals(n);
            }
            if (!used) {
                return n;
            }
            k++;
        }
    }

    private boolean checkEditable() {
        if (spec == null) {
            return refuse(emptyMessage.get().isEmpty() ? "no model to edit" : emptyMessage.get());
        }
        if (spec.preset() != null) {
            return refuse(PATH + ": the model is the preset '" + spec.preset() + "'; expand it into layers to edit it");
        }
        return true;
    }

    private boolean checkIndex(int index) {
        if (index < 0 || index >= profile.layerCount()) {
            return refuse(PATH + ".layers: expected a layer index in [0, " + (profile.layerCount() - 1) + "], got " + index);
        }
        return true;
    }

    private boolean refuse(String message) {
        error.set(message);
        return false;
    }

    /** Validates {@code model} with the file parser, then writes it as one undoable settings edit. */
    private boolean write(String editName, ObjectNode model) {
        EditorDocument d = document.get();
        try {
            ModelSpec.parse(model, PATH); // throws SpecException (an IllegalArgumentException) naming the path
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        Map<String, Object> value = JSON.convertValue(model, new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> section = ExperimentSettings.with(d.settings().section(SECTION), "model", value);
        error.set("");
        d.editSettings(editName, d.settings().withSection(SECTION, section));
        return true;
    }

    /** Rebuilds the rows from the document (after an edit, undo/redo, or another document). */
    private void reload() {
        spec = null;
        profile = null;
        preset.set("");
        EditorDocument d = document.get();
        if (d == null) {
            show("No experiment open.");
            return;
        }
        Map<String, Object> section = d.settings().sections().get(SECTION);
        if (section == null) {
            show("This experiment has no pipeline section: the Model view shows the layers of a pipeline "
                    + "experiment's model (pipeline.model).");
            return;
        }
        Object model = section.get("model");
        if (model == null) {
            show(PATH + ": missing; expected {\"preset\": ...} or {\"input\": [...], \"layers\": [...]}");
            return;
        }
        try {
            ModelSpec s = ModelSpec.parse(JSON.valueToTree(model), PATH);
            ModelProfile p = s.build(PATH);
            spec = s;
            profile = p;
        } catch (IllegalArgumentException e) {
            show("The model is invalid: " + e.getMessage());
            return;
        }
        preset.set(spec.preset() == null ? "" : spec.preset());
        editable.set(spec.preset() == null);
        List<LayerRow> out = new ArrayList<>();
        for (int i = 0; i < profile.layerCount(); i++) {
            LayerProfile l = profile.layer(i);
            JsonNode j = spec.layers().get(i).toJson();
            Integer o = HAS_OUT.contains(l.type()) && j.has("out") && j.get("out").canConvertToInt()
                    ? j.get("out").intValue() : null;
            out.add(new LayerRow(i, l.name(), l.type(), l.params(), l.forwardFlops(), l.outputElements(),
                    l.outputShape().toString(), o, editable.get()));
        }
        emptyMessage.set("");
        rows.set(Collections.unmodifiableList(out));
        totals.set(String.format(Locale.ROOT, "%d layers, %,d parameters, %.4g forward FLOPs and %.4g backward FLOPs per sample%s",
                profile.layerCount(), profile.params(), profile.forwardFlops(), profile.backwardFlops(),
                spec.preset() == null ? "" : " (preset " + spec.preset() + ", read-only: expand it to edit)"));
        if (selected.get() >= out.size()) {
            selected.set(out.size() - 1);
        }
    }

    private void show(String why) {
        rows.set(List.of());
        totals.set("");
        editable.set(false);
        emptyMessage.set(why);
    }

    /** The layer type names of the model vocabulary (for a type chooser). */
    public static List<String> layerTypes() {
        return List.copyOf(LayerSpec.TYPES.keySet());
    }
}
