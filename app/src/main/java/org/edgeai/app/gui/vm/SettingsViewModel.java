package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeai.app.gui.SettingsSchema;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.spi.ParameterDescriptor;

/**
 * The experiment settings form (workload, algorithm, compression, network, run, seed), built from the
 * {@link SettingsSchema}'s parameter descriptors. Each section has a type chooser (its plugin) and a
 * {@link ParameterFormViewModel}; the view calls {@link Section#commit()} when a field is confirmed, which
 * writes the section into the experiment as one undoable edit if every field is valid. Undo reloads the
 * forms.
 */
public final class SettingsViewModel {

    private final SettingsSchema schema;
    private final ObjectProperty<EditorDocument> document = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Section>> sections = new SimpleObjectProperty<>(List.of());
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringProperty seedError = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final InvalidationListener reload = o -> reloadIfChanged();
    private boolean committing;

    /** One section of the form. */
    public final class Section {
        private final String name;
        private final StringProperty type = new SimpleStringProperty("");
        private final ObjectProperty<ParameterFormViewModel> form = new SimpleObjectProperty<>();

        Section(String name, Map<String, Object> values) {
            this.name = name;
            load(values);
            type.addListener((o, a, b) -> {
                if (!committing && b != null && !b.equals(a)) {
                    Map<String, Object> current = currentValues();
                    buildForm(current);
                    commit();
                }
            });
        }

        public String name() {
            return name;
        }

        /** The key that holds the type ({@code type}, {@code task}) or empty when the section has none. */
        public String typeKey() {
            return schema.typeKey(name);
        }

        public List<String> types() {
            return schema.types(name);
        }

        public StringProperty typeProperty() {
            return type;
        }

        public ObjectProperty<ParameterFormViewModel> formProperty() {
            return form;
        }

        public ParameterFormViewModel form() {
            return form.get();
        }

        void load(Map<String, Object> values) {
            boolean was = committing;
            committing = true;
            try {
                String key = schema.typeKey(name);
                if (!key.isEmpty()) {
                    Object t = values.get(key);
                    List<String> types = schema.types(name);
                    type.set(t instanceof String s && types.contains(s) ? s : types.get(0));
                }
                buildForm(values);
            } finally {
                committing = was;
            }
        }

        private void buildForm(Map<String, Object> values) {
            List<ParameterDescriptor> ds = schema.parameters(name, type.get());
            form.set(new ParameterFormViewModel(ds, path -> ExperimentSettings.get(values, path)));
        }

        private Map<String, Object> currentValues() {
            EditorDocument d = document.get();
            return d == null ? Map.of() : d.settings().section(name);
        }

        /** The section as it would be written: existing keys kept, type and every field's value set. */
        Map<String, Object> compose() {
            Map<String, Object> m = new LinkedHashMap<>(currentValues());
            String key = schema.typeKey(name);
            if (!key.isEmpty()) {
                m = ExperimentSettings.with(m, key, type.get());
            }
            for (Map.Entry<String, Object> e : form.get().values().entrySet()) {
                m = ExperimentSettings.with(m, e.getKey(), e.getValue());
            }
            return m;
        }

        /**
         * Writes the section into the experiment as one undoable edit.
         *
         * @return false (and nothing written) when a field is invalid
         */
        public boolean commit() {
            EditorDocument d = document.get();
            if (d == null || !form.get().isValid()) {
                return false;
            }
            committing = true;
            try {
                d.editSettings("Edit " + name, d.settings().withSection(name, compose()));
            } finally {
                committing = false;
            }
            return true;
        }
    }

    public SettingsViewModel(SettingsSchema schema) {
        this.schema = schema;
        document.addListener((o, old, now) -> {
            if (old != null) {
                old.settingsProperty().removeListener(reload);
            }
            if (now != null) {
                now.settingsProperty().addListener(reload);
            }
            rebuild();
        });
        seed.addListener((o, a, b) -> {
            try {
                Long.parseLong(b.trim());
                seedError.set("");
            } catch (NumberFormatException e) {
                seedError.set("expected an integer");
            }
        });
    }

    public ObjectProperty<EditorDocument> documentProperty() {
        return document;
    }

    /** The sections, rebuilt when another document becomes active. */
    public ObjectProperty<List<Section>> sectionsProperty() {
        return sections;
    }

    public Section section(String name) {
        return sections.get().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no settings section '" + name + "'"));
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty seedErrorProperty() {
        return seedError;
    }

    /** Writes the seed field as one edit; false when it is not an integer. */
    public boolean commitSeed() {
        EditorDocument d = document.get();
        if (d == null || !seedError.get().isEmpty()) {
            return false;
        }
        d.editSettings("Set seed", d.settings().withSeed(Long.parseLong(seed.get().trim())));
        return true;
    }

    private void rebuild() {
        EditorDocument d = document.get();
        List<Section> out = new ArrayList<>();
        String why = "";
        if (d != null) {
            boolean pipeline = !d.settings().section("pipeline").isEmpty();
            boolean split = !d.settings().section("split").isEmpty();
            if (pipeline || split) {
                // The learning-run sections (workload, algorithm, ...) do not apply: showing their defaults would
                // suggest a training run that Run never starts.
                why = pipeline ? "A pipeline experiment: its model is edited in the Model view, its schedule, "
                        + "partitioner and nodes in the file's pipeline section. Run shows it in the Timeline."
                        : "A split-inference experiment: Run shows latency per cut point in the Split inference view.";
            } else {
                for (String s : schema.sections()) {
                    out.add(new Section(s, d.settings().section(s)));
                }
            }
            seed.set(Long.toString(d.settings().seed()));
        }
        note.set(why);
        sections.set(Collections.unmodifiableList(out));
    }

    /**
     * Why the form has no sections although an experiment is open (a pipeline or split experiment), or empty.
     */
    public StringProperty noteProperty() {
        return note;
    }

    /** Whether an experiment is open (the form then has a seed, and sections or a note). */
    public boolean hasExperiment() {
        return document.get() != null;
    }

    /** After undo/redo (or another view's edit) the forms show the experiment again. */
    private void reloadIfChanged() {
        if (committing) {
            return;
        }
        EditorDocument d = document.get();
        if (d == null) {
            return;
        }
        boolean notRun = !d.settings().section("pipeline").isEmpty() || !d.settings().section("split").isEmpty();
        if (notRun != !note.get().isEmpty()) {
            rebuild(); // became (or stopped being) a pipeline or split experiment: other sections apply
            return;
        }
        for (Section s : sections.get()) {
            Map<String, Object> now = d.settings().section(s.name());
            boolean differs;
            try {
                differs = !s.form().isValid() || !s.compose().equals(now);
            } catch (IllegalStateException e) {
                differs = true;
            }
            if (differs) {
                s.load(now);
            }
        }
        seed.set(Long.toString(d.settings().seed()));
    }
}
