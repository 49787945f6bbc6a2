package org.edgeai.app.gui.vm;

import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeai.app.gui.SpectrumService;
import org.edgeai.app.gui.SpectrumSummary;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.topology.Topology;

/**
 * The Spectrum view: eigenvalues of the active editor's mixing matrix, rho and the spectral gap, kept up
 * to date as the graph or the mixing rule changes. Each computation runs in the background on a copy;
 * while one runs, further changes are coalesced into one follow-up computation of the latest state, so
 * a burst of edits never queues work. The rule follows the experiment's {@code algorithm.mixing} when it
 * has one, and the user can pick another here.
 */
public final class SpectrumViewModel {

    private final SpectrumService service;
    private final UiExecutors executors;
    private final ObjectProperty<TopologyEditorViewModel> editor = new SimpleObjectProperty<>();
    private final StringProperty mixingRule = new SimpleStringProperty("metropolis");
    private final ReadOnlyObjectWrapper<SpectrumSummary> summary =
            new ReadOnlyObjectWrapper<>(SpectrumSummary.problem(0, "No experiment open."));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final InvalidationListener changed = o -> request();
    private final InvalidationListener settingsChanged = o -> followSettings();
    private boolean pending;
    private long computations;

    public SpectrumViewModel(SpectrumService service, UiExecutors executors) {
        this.service = Objects.requireNonNull(service);
        this.executors = Objects.requireNonNull(executors);
        editor.addListener((o, old, now) -> {
            if (old != null) {
                old.document().revisionProperty().removeListener(changed);
                old.document().settingsProperty().removeListener(settingsChanged);
            }
            if (now != null) {
                now.document().revisionProperty().addListener(changed);
                now.document().settingsProperty().addListener(settingsChanged);
                followSettings();
            }
            request();
        });
        mixingRule.addListener(changed);
    }

    public ObjectProperty<TopologyEditorViewModel> editorProperty() {
        return editor;
    }

    public StringProperty mixingRuleProperty() {
        return mixingRule;
    }

    public java.util.List<String> mixingRules() {
        return service.mixingRules();
    }

    public ReadOnlyObjectProperty<SpectrumSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public SpectrumSummary summary() {
        return summary.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How many computations ran (tests check coalescing with it). */
    public long computations() {
        return computations;
    }

    private void followSettings() {
        TopologyEditorViewModel ed = editor.get();
        if (ed != null) {
            Object m = ExperimentSettings.get(ed.document().settings().section("algorithm"), "mixing");
            if (m instanceof String s && service.mixingRules().contains(s)) {
                mixingRule.set(s);
            }
        }
    }

    /** Asks for a recomputation of the current state (coalesced while one runs). */
    public void request() {
        if (busy.get()) {
            pending = true;
            return;
        }
        TopologyEditorViewModel ed = editor.get();
        if (ed == null) {
            summary.set(SpectrumSummary.problem(0, "No experiment open."));
            return;
        }
        Topology copy = ed.topology().copy();
        String rule = mixingRule.get();
        busy.set(true);
        computations++;
        executors.background().execute(() -> {
            SpectrumSummary s;
            try {
                s = service.compute(copy, rule);
            } catch (RuntimeException e) {
                s = SpectrumSummary.problem(copy.nodeCount(), "spectrum failed: " + e);
            }
            SpectrumSummary result = s;
            executors.ui().execute(() -> {
                busy.set(false);
                if (pending) {
                    pending = false;
                    request(); // the state changed meanwhile: this result is stale
                } else {
                    summary.set(result);
                }
            });
        });
    }
}
