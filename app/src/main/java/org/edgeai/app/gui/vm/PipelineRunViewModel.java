package org.edgeai.app.gui.vm;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.pipeline.PipelineSpec;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.split.SplitSpec;
import org.edgeai.model.topology.Topology;

/**
 * Runs the experiment of an editor that has a {@code pipeline} section (or a {@code split} section) from the GUI.
 *
 * <p>A pipeline: the spec is read from the editor's document as saving would write it, the schedule is simulated on
 * {@link UiExecutors#background()} (on a copy of the topology), and on the UI thread the result becomes a
 * {@link PipelineRecording} that {@link RunSession#showRecording} plays: the canvas animates its activations and
 * gradients and the timeline draws its blocks. {@link #currentProperty()} holds the pipeline being shown (its
 * per-block micro-batch and phase for the timeline).
 *
 * <p>A split-inference experiment: the split chart's view model gets the spec and topology
 * ({@link SplitViewModel#show}) and {@link #setOnShowSplit} is told, so the window can bring the chart forward.
 *
 * <p>Errors (a spec that does not fit the topology) go to the console, naming the JSON path. JavaFX thread only.
 */
public final class PipelineRunViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunSession session;
    private final UiExecutors executors;
    private final ConsoleViewModel console;
    private final SplitViewModel split;
    private final ReadOnlyObjectWrapper<PipelineRecording> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Runnable onShowSplit = () -> { };
    private Runnable onShowPipeline = () -> { };
    private long generation;

    public PipelineRunViewModel(RunSession session, UiExecutors executors, ConsoleViewModel console, SplitViewModel split) {
        this.session = Objects.requireNonNull(session);
        this.executors = Objects.requireNonNull(executors);
        this.console = Objects.requireNonNull(console);
        this.split = Objects.requireNonNull(split);
        // another recording shown (a live run): the pipeline's side table no longer applies
        session.recordingProperty().addListener((o, a, r) -> {
            PipelineRecording p = current.get();
            if (p != null && p.recording() != r) {
                current.set(null);
            }
        });
    }

    /** The pipeline being shown (the session's recording is its recording), or null. */
    public ReadOnlyObjectProperty<PipelineRecording> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public PipelineRecording current() {
        return current.get();
    }

    /** Whether a pipeline is being simulated in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public SplitViewModel split() {
        return split;
    }

    /** Called after a split experiment was loaded into the split chart (the window shows the chart's view). */
    public void setOnShowSplit(Runnable r) {
        onShowSplit = r == null ? () -> { } : r;
    }

    /** Called after a pipeline is shown (the window can bring the timeline forward). */
    public void setOnShowPipeline(Runnable r) {
        onShowPipeline = r == null ? () -> { } : r;
    }

    /** Whether the editor's experiment is one this runs: it has a {@code pipeline} or a {@code split} section. */
    public static boolean handles(TopologyEditorViewModel ed) {
        Map<String, Map<String, Object>> s = ed.document().settings().sections();
        return has(s, "pipeline") || has(s, "split");
    }

    private static boolean has(Map<String, Map<String, Object>> s, String name) {
        return s.containsKey(name) && !s.get(name).isEmpty();
    }

    /** As a consumer, for {@code RunViewModel.setPipelineRunner}. */
    public Consumer<TopologyEditorViewModel> asRunner() {
        return this::run;
    }

    /**
     * Runs the editor's pipeline (in the background) and shows it, or shows its split analysis. An editor with
     * neither section gets a console message.
     */
    public void run(TopologyEditorViewModel ed) {
        ExperimentSettings settings = ed.document().settings();
        Topology topology = ed.topology().copy();
        String title = ed.document().title();
        if (has(settings.sections(), "split") && !has(settings.sections(), "pipeline")) {
            long gen = ++generation;
            busy.set(true);
            executors.background().execute(() -> {
                SplitViewModel.Prepared p;
                try { // settings are immutable: read here, off the JavaFX thread (JSON and model building take time)
                    p = SplitViewModel.prepare(SplitSpec.parse(section(settings, "split"), "split"), topology, title);
                } catch (IllegalArgumentException e) {
                    executors.ui().execute(() -> {
                        if (gen == generation) {
                            busy.set(false);
                        }
                        console.error("cannot analyse " + title + ": " + e.getMessage());
                    });
                    return;
                }
                executors.ui().execute(() -> {
                    if (gen != generation) {
                        return;
                    }
                    busy.set(false);
                    split.show(p);
                    console.info("split inference of " + title + ": best cut after layer " + split.bestCut() + " at "
                            + split.bandwidthText());
                    onShowSplit.run();
                });
            });
            return;
        }
        long gen = ++generation;
        busy.set(true);
        executors.background().execute(() -> {
            PipelineRecording p;
            try {
                p = PipelineRecording.run(PipelineSpec.parse(section(settings, "pipeline"), "pipeline"), topology);
            } catch (IllegalArgumentException | IllegalStateException e) {
                executors.ui().execute(() -> {
                    if (gen == generation) {
                        busy.set(false);
                    }
                    console.error("cannot run " + title + ": " + e.getMessage());
                });
                return;
            }
            executors.ui().execute(() -> {
                if (gen != generation) {
                    return; // a newer run was asked for meanwhile
                }
                busy.set(false);
                current.set(p);
                session.showRecording(p.recording(), ed);
                console.info("pipeline " + title + ": " + p.summaryText() + ", " + p.bubbleText());
                onShowPipeline.run();
            });
        });
    }

    /** The section as JSON, exactly as saving writes it (a missing section is an empty object). */
    static JsonNode section(ExperimentSettings settings, String name) {
        Map<String, Object> values = settings.section(name);
        if (values.isEmpty()) {
            throw new SpecException(name, "the experiment has no '" + name + "' section");
        }
        return JSON.valueToTree(values);
    }
}
