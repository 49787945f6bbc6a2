package org.edgeai.app.gui.vm;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.edgeai.app.gui.GeneratorCatalog;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.topology.LinkDefaults;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * The Generate dialog of one generator: its parameters (a generic form), the seed, the default link
 * properties, and whether to replace the graph or add to it. {@link #generate} runs the generator in the
 * background and applies the result to the editor as one undoable edit.
 */
public final class GenerateViewModel {

    private final GeneratorCatalog catalog;
    private final GeneratorProvider provider;
    private final TopologyEditorViewModel editor;
    private final UiExecutors executors;
    private final ParameterFormViewModel form;
    private final ParameterFormViewModel common;
    private final BooleanProperty replace = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canGenerate;

    public GenerateViewModel(GeneratorCatalog catalog, String generatorId, TopologyEditorViewModel editor, UiExecutors executors) {
        this.catalog = catalog;
        this.provider = catalog.get(generatorId);
        this.editor = Objects.requireNonNull(editor);
        this.executors = executors;
        this.form = new ParameterFormViewModel(provider.parameters(), n -> null);
        LinkDefaults ld = editor.defaults().link();
        this.common = new ParameterFormViewModel(java.util.List.of(
                ParameterDescriptor.integer("seed", editor.document().settings().seed(), null, null, "The generator's seed."),
                ParameterDescriptor.real("bandwidthMbps", ld.bandwidthMbps(), 1e-9, null, "Bandwidth of every generated link, Mbit/s."),
                ParameterDescriptor.real("latencyMs", ld.latencyMs(), 0.0, null, "Latency of every generated link, ms.")), n -> null);
        canGenerate = Bindings.createBooleanBinding(() -> form.isValid() && common.isValid() && !running.get(),
                form.validProperty(), common.validProperty(), running);
    }

    public GeneratorProvider provider() {
        return provider;
    }

    public ParameterFormViewModel form() {
        return form;
    }

    /** Seed, bandwidthMbps and latencyMs. */
    public ParameterFormViewModel common() {
        return common;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    /**
     * Generates in the background and applies the result on the ui executor. {@code done} gets true when
     * the graph was applied, false when generation failed (the reason is in {@link #errorProperty()}).
     */
    public void generate(Consumer<Boolean> done) {
        if (!canGenerate.get()) {
            done.accept(false);
            return;
        }
        var params = form.values();
        var c = common.values();
        long seed = (Long) c.get("seed");
        var defaults = editor.defaults().withLink(new LinkDefaults((Double) c.get("bandwidthMbps"), (Double) c.get("latencyMs")));
        boolean rep = replace.get();
        running.set(true);
        error.set("");
        executors.background().execute(() -> {
            Topology t;
            try {
                t = catalog.generate(provider.id(), params, seed, defaults);
            } catch (RuntimeException e) {
                executors.ui().execute(() -> {
                    running.set(false);
                    error.set(e.getMessage());
                    done.accept(false);
                });
                return;
            }
            executors.ui().execute(() -> {
                running.set(false);
                editor.applyGenerated("Generate " + provider.id() + " (" + t.nodeCount() + " nodes)", t, rep);
                done.accept(true);
            });
        });
    }
}
