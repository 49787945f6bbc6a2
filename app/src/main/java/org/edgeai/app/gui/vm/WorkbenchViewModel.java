package org.edgeai.app.gui.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

import org.edgeai.app.gui.SampleCatalog;
import org.edgeai.app.gui.UserPrompts;
import org.edgeai.app.gui.WorkbenchServices;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.layout.LayoutStore;
import org.edgeai.app.gui.layout.WorkbenchLayout;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * The workbench as a whole, without a toolkit: open experiments (editor tabs) and the active one, the
 * layout model, the views' view models (all following the active editor), files (open, save, import,
 * export, recent), the dirty prompts, autosave to recovery files and restore after a crash, and the
 * status bar's text and progress. File and CPU work runs on {@link UiExecutors#background()}; results come
 * back on {@link UiExecutors#ui()}.
 */
public final class WorkbenchViewModel {

    /** Seconds between autosaves to the recovery files. */
    public static final int AUTOSAVE_SECONDS = 30;
    private static final int MAX_RECENT = 10;

    private final WorkbenchServices services;
    private final WorkbenchHome home;
    private final UiExecutors executors;
    private final UserPrompts prompts;
    private final ConsoleViewModel console = new ConsoleViewModel();
    private final TopologyClipboard clipboard = new TopologyClipboard();
    private final LayoutStore layoutStore;
    private final WorkbenchLayout layout;
    private final RecoveryStore recovery;
    private final ObservableList<TopologyEditorViewModel> editors = FXCollections.observableArrayList();
    private final ObjectProperty<TopologyEditorViewModel> active = new SimpleObjectProperty<>();
    private final Map<TopologyEditorViewModel, String> keys = new IdentityHashMap<>();
    private final PropertiesViewModel properties;
    private final OutlineViewModel outline = new OutlineViewModel();
    private final SpectrumViewModel spectrum;
    private final SettingsViewModel settings;
    private final ModelViewModel model = new ModelViewModel();
    private final RunSession runSession = new RunSession();
    private final ChartsViewModel charts;
    private final SplitViewModel split = new SplitViewModel();
    private final PipelineRunViewModel pipelineRun;
    private final TimelineViewModel timeline;
    private final RunViewModel runs;
    private final HudViewModel hud;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fileStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectionStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper taskStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final boolean firstStart;
    private int tasks;
    private int untitled;
    private int nextKey;

    public WorkbenchViewModel(WorkbenchServices services, WorkbenchHome home, UiExecutors executors, UserPrompts prompts) {
        this.services = Objects.requireNonNull(services);
        this.home = Objects.requireNonNull(home);
        this.executors = Objects.requireNonNull(executors);
        this.prompts = Objects.requireNonNull(prompts);
        this.layoutStore = new LayoutStore(home.layoutFile());
        this.firstStart = !Files.exists(home.layoutFile());
        LayoutStore.Loaded loaded = layoutStore.load();
        this.layout = loaded.layout();
        if (!loaded.problem().isEmpty()) {
            console.warn(loaded.problem());
        }
        this.recovery = new RecoveryStore(home, services.documents());
        this.properties = new PropertiesViewModel(console);
        this.spectrum = new SpectrumViewModel(services.spectrum(), executors);
        this.settings = new SettingsViewModel(services.settings());
        this.charts = new ChartsViewModel(runSession, executors);
        this.pipelineRun = new PipelineRunViewModel(runSession, executors, console, split);
        this.timeline = new TimelineViewModel(runSession, pipelineRun);
        services.generators().failures().forEach(console::warn);
        loadRecent();
        this.runs = new RunViewModel(services, home, executors, console, runSession, active, editors,
                java.time.Clock.systemDefaultZone());
        this.hud = new HudViewModel(runSession, System::nanoTime);
        hud.editorProperty().bind(active);
        runs.setPipelineRunner(pipelineRun.asRunner()); // pipeline and split experiments run as schedules

        InvalidationListener status = o -> updateStatus();
        SetChangeListener<Object> selection = c -> updateStatus();
        active.addListener((o, old, now) -> {
            if (old != null) {
                old.document().revisionProperty().removeListener(status);
                old.document().pathProperty().removeListener(status);
                old.selectedNodes().removeListener(selection);
                old.selectedLinks().removeListener(selection);
            }
            if (now != null) {
                now.document().revisionProperty().addListener(status);
                now.document().pathProperty().addListener(status);
                now.selectedNodes().addListener(selection);
                now.selectedLinks().addListener(selection);
            }
            properties.editorProperty().set(now);
            outline.editorProperty().set(now);
            spectrum.editorProperty().set(now);
            settings.documentProperty().set(now == null ? null : now.document());
            model.documentProperty().set(now == null ? null : now.document());
            updateStatus();
        });
    }

    // ------------------------------------------------------------------ accessors

    public WorkbenchServices services() {
        return services;
    }

    public WorkbenchLayout layout() {
        return layout;
    }

    public ConsoleViewModel console() {
        return console;
    }

    public ObservableList<TopologyEditorViewModel> editors() {
        return editors;
    }

    public ObjectProperty<TopologyEditorViewModel> activeProperty() {
        return active;
    }

    public TopologyEditorViewModel active() {
        return active.get();
    }

    public PropertiesViewModel properties() {
        return properties;
    }

    public OutlineViewModel outline() {
        return outline;
    }

    public SpectrumViewModel spectrum() {
        return spectrum;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** The Model view: layers of the active experiment's {@code pipeline.model}. */
    public ModelViewModel model() {
        return model;
    }

    /** The run being shown and played (run controls, animation, charts, timeline). */
    public RunSession runSession() {
        return runSession;
    }

    /** The Charts view's state: the session's runs and runs read from folders, overlaid. */
    public ChartsViewModel charts() {
        return charts;
    }

    /**
     * Prepares a comparison of the settings of {@code ed}'s experiment in the background and hands it to {@code ok}
     * on the JavaFX thread (or the problem to {@code failed}, also logged in the Console). Its sweep folder is the
     * next free {@code <home>/compare/compare-NNN}; the experiment is its saved file when it has one without unsaved
     * changes, else a copy of the document saved into that folder. Runs with the workbench's providers
     * ({@link WorkbenchServices#runRegistries()}).
     */
    public void compare(TopologyEditorViewModel ed, Consumer<CompareViewModel> ok, Consumer<Exception> failed) {
        org.edgeai.app.gui.doc.EditorDocumentData snapshot = ed.document().snapshot();
        Path saved = ed.document().isDirty() ? null : ed.document().path();
        runTask("Preparing the comparison", () -> compareFor(snapshot, saved), ok, e -> {
            console.error("Compare: " + e.getMessage());
            failed.accept(e);
        });
    }

    private CompareViewModel compareFor(org.edgeai.app.gui.doc.EditorDocumentData snapshot, Path saved) throws java.io.IOException {
        Path root = home.dir().resolve("compare");
        Path dir = root.resolve("compare-001");
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(String.format(java.util.Locale.ROOT, "compare-%03d", i));
        }
        Files.createDirectories(dir);
        Path file = saved;
        if (file == null) {
            file = dir.resolve("experiment.json");
            services.documents().save(snapshot, file);
        }
        return new CompareViewModel(file, services.runRegistries(), executors, charts, dir);
    }

    /** The workbench's home folder (layout, recent files, plugins; the Compare dialog's sweeps go under it). */
    public WorkbenchHome home() {
        return home;
    }

    /** Runs experiments with a {@code pipeline} (or {@code split}) section: the run controls' pipeline hook. */
    public PipelineRunViewModel pipelineRun() {
        return pipelineRun;
    }

    /** The Timeline view's state. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The split-inference chart's state. */
    public SplitViewModel split() {
        return split;
    }

    /** Run control: start a run of the active experiment, play, step, jump, scrub, cancel; editor locks. */
    public RunViewModel runs() {
        return runs;
    }

    /** The heads-up display over the canvas of the editor being run. */
    public HudViewModel hud() {
        return hud;
    }

    public ObservableList<Path> recentFiles() {
        return recent;
    }

    public List<SampleCatalog.Sample> samples() {
        return services.samples().samples();
    }

    public ReadOnlyStringProperty fileStatusProperty() {
        return fileStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionStatusProperty() {
        return selectionStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taskStatusProperty() {
        return taskStatus.getReadOnlyProperty();
    }

    /** 0 when idle, -1 (indeterminate) while background work runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True when this home had no saved layout: the very first start. */
    public boolean isFirstStart() {
        return firstStart;
    }

    public UiExecutors executors() {
        return executors;
    }

    // ------------------------------------------------------------------ start and end

    /**
     * Starts the session: if the last one crashed and left recovery files, offers to restore them; then, if
     * no experiment is open, opens the first sample so a newcomer sees something at once.
     */
    public void start() {
        start(List.of());
    }

    /**
     * Starts the session and opens {@code files} (the command line's); the default sample opens only when
     * nothing else does.
     */
    public void start(List<Path> files) {
        files.forEach(this::open);
        // Opening is asynchronous: decide now, not by whether an editor has appeared yet.
        Runnable openDefault = files.isEmpty() ? this::openDefaultIfEmpty : () -> { };
        boolean crashed;
        List<RecoveryStore.Entry> entries;
        try {
            crashed = recovery.startSession();
            entries = recovery.entries();
        } catch (IOException e) {
            console.error("cannot use the recovery directory " + home.recoveryDir() + ": " + e.getMessage());
            crashed = false;
            entries = List.of();
        }
        if (crashed && !entries.isEmpty()
                && prompts.askRestore(entries.stream().map(RecoveryStore.Entry::title).toList())) {
            List<RecoveryStore.Entry> toRestore = entries;
            runTask("Restoring " + entries.size() + " experiment(s)", () -> {
                List<EditorDocumentData> data = new ArrayList<>();
                for (RecoveryStore.Entry e : toRestore) {
                    data.add(recovery.read(e));
                }
                recovery.clear();
                return data;
            }, data -> {
                for (int i = 0; i < data.size(); i++) {
                    TopologyEditorViewModel ed = add(new EditorDocument(data.get(i), toRestore.get(i).original()));
                    ed.document().markUnsaved();
                    console.info("restored " + toRestore.get(i).title() + " from its recovery file");
                }
                openDefault.run();
            }, e -> openDefault.run());
        } else {
            try {
                recovery.clear();
            } catch (IOException e) {
                console.warn("cannot clear old recovery files: " + e.getMessage());
            }
            openDefault.run();
        }
    }

    private void openDefaultIfEmpty() {
        if (editors.isEmpty() && !samples().isEmpty()) {
            openSample(samples().get(0).id());
        }
    }

    /**
     * Ends the session cleanly (saves the layout, deletes recovery files and the session marker). Call only
     * after {@link #requestQuit} said yes.
     */
    public void shutdown() {
        saveLayout();
        try {
            recovery.endSession();
        } catch (IOException e) {
            console.warn("cannot clean the recovery directory: " + e.getMessage());
        }
    }

    public void saveLayout() {
        try {
            layoutStore.save(layout);
        } catch (IOException e) {
            console.warn("cannot save the layout to " + layoutStore.file() + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ documents

    private TopologyEditorViewModel add(EditorDocument doc) {
        TopologyEditorViewModel ed = new TopologyEditorViewModel(doc, executors, console, clipboard);
        keys.put(ed, "doc-" + (++nextKey));
        editors.add(ed);
        active.set(ed);
        return ed;
    }

    /** A new, empty experiment. */
    public TopologyEditorViewModel newExperiment() {
        untitled++;
        return add(new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("untitled-" + untitled), new Topology()), null));
    }

    public void openSample(String id) {
        try {
            EditorDocumentData d = services.samples().open(id);
            add(new EditorDocument(d, null));
            console.info("opened sample " + id);
        } catch (IOException | IllegalArgumentException e) {
            report("Cannot open sample " + id, e);
        }
    }

    /** Asks for a file and opens it. */
    public void openWithDialog() {
        prompts.chooseOpen("Open Experiment", List.of("json")).ifPresent(this::open);
    }

    /** Opens an experiment file in the background; if it is open already, shows its tab. */
    public void open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (TopologyEditorViewModel ed : editors) {
            if (abs.equals(ed.document().path())) {
                active.set(ed);
                return;
            }
        }
        runTask("Opening " + abs.getFileName(), () -> services.documents().load(abs), data -> {
            add(new EditorDocument(data, abs));
            remember(abs);
            console.info("opened " + abs);
        }, e -> report("Cannot open " + abs.getFileName(), e));
    }

    /** Opens files dropped on the window: experiments, or topologies in an import format. */
    public void openDropped(List<Path> files) {
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") && looksLikeExperiment(f)) {
                open(f);
            } else if (services.exchange().formatOf(f).isPresent()) {
                importTopology(f);
            } else {
                console.warn("cannot open " + f.getFileName() + ": not an experiment, and its extension is none of "
                        + String.join(", ", services.exchange().importFormats()));
            }
        }
    }

    private static boolean looksLikeExperiment(Path f) {
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n = r.read(buf);
            return n > 0 && new String(buf, 0, n).contains("\"schemaVersion\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Saves the active experiment (asking for a file when it has none). */
    public void save() {
        if (active.get() != null) {
            save(active.get(), () -> { });
        }
    }

    public void saveAs() {
        if (active.get() != null) {
            saveAs(active.get(), () -> { });
        }
    }

    /** Saves {@code ed}; {@code after} runs (on the ui executor) once it is saved, not if saving failed or was cancelled. */
    public void save(TopologyEditorViewModel ed, Runnable after) {
        Path p = ed.document().path();
        if (p == null) {
            saveAs(ed, after);
        } else {
            write(ed, p, after);
        }
    }

    public void saveAs(TopologyEditorViewModel ed, Runnable after) {
        String suggested = ed.document().path() != null ? ed.document().path().getFileName().toString()
                : ed.document().settings().name() + ".json";
        prompts.chooseSave("Save Experiment", suggested, List.of("json")).ifPresent(p -> write(ed, p.toAbsolutePath().normalize(), after));
    }

    private void write(TopologyEditorViewModel ed, Path p, Runnable after) {
        EditorDocumentData snapshot = ed.document().snapshot();
        long revision = ed.document().revision();
        String key = keys.get(ed);
        runTask("Saving " + p.getFileName(), () -> {
            services.documents().save(snapshot, p);
            recovery.delete(key);
            return p;
        }, saved -> {
            if (ed.document().revision() == revision) {
                ed.document().markSaved(saved);
            } else {
                ed.document().pathProperty().set(saved); // edited while saving: still dirty
            }
            remember(saved);
            console.info("saved " + saved);
            after.run();
        }, e -> report("Cannot save " + p.getFileName(), e));
    }

    /**
     * Closes an editor, asking first when it has unsaved changes. {@code closed} runs once it is closed
     * (not when the user cancels or saving fails).
     */
    public void close(TopologyEditorViewModel ed, Runnable closed) {
        Runnable doClose = () -> {
            int i = editors.indexOf(ed);
            editors.remove(ed);
            String key = keys.remove(ed);
            try {
                recovery.delete(key);
            } catch (IOException e) {
                console.warn("cannot delete the recovery file of " + ed.document().title() + ": " + e.getMessage());
            }
            if (active.get() == ed) {
                active.set(editors.isEmpty() ? null : editors.get(Math.max(0, Math.min(i, editors.size() - 1))));
            }
            closed.run();
        };
        if (!ed.document().isDirty()) {
            doClose.run();
            return;
        }
        switch (prompts.askSaveChanges(ed.document().title().replaceFirst("\\*$", ""))) {
            case SAVE -> save(ed, doClose);
            case DISCARD -> doClose.run();
            case CANCEL -> { }
        }
    }

    public void closeActive() {
        if (active.get() != null) {
            close(active.get(), () -> { });
        }
    }

    /**
     * Asks about every unsaved experiment in turn; {@code quit} runs (after {@link #shutdown()}) only if
     * none was cancelled and every requested save succeeded.
     */
    public void requestQuit(Runnable quit) {
        Iterator<TopologyEditorViewModel> dirty = editors.stream().filter(e -> e.document().isDirty()).toList().iterator();
        askNext(dirty, () -> {
            shutdown();
            quit.run();
        });
    }

    private void askNext(Iterator<TopologyEditorViewModel> it, Runnable done) {
        if (!it.hasNext()) {
            done.run();
            return;
        }
        TopologyEditorViewModel ed = it.next();
        active.set(ed);
        switch (prompts.askSaveChanges(ed.document().title().replaceFirst("\\*$", ""))) {
            case SAVE -> save(ed, () -> askNext(it, done));
            case DISCARD -> askNext(it, done);
            case CANCEL -> { }
        }
    }

    // ------------------------------------------------------------------ autosave

    /**
     * Writes every unsaved experiment to its recovery file (in the background, from a snapshot) and deletes
     * the recovery files of saved ones; also saves the layout. The view calls it every
     * {@value #AUTOSAVE_SECONDS} s.
     */
    public void autosave() {
        saveLayout();
        for (TopologyEditorViewModel ed : List.copyOf(editors)) {
            String key = keys.get(ed);
            if (ed.document().isDirty()) {
                EditorDocumentData snapshot = ed.document().snapshot();
                String title = ed.document().title().replaceFirst("\\*$", "");
                Path original = ed.document().path();
                executors.background().execute(() -> {
                    try {
                        recovery.write(key, title, original, snapshot);
                    } catch (IOException | RuntimeException e) {
                        executors.ui().execute(() -> console.warn("autosave of " + title + " failed: " + e.getMessage()));
                    }
                });
            } else {
                executors.background().execute(() -> {
                    try {
                        recovery.delete(key);
                    } catch (IOException e) {
                        // Stale recovery files are harmless: they are offered only after a crash.
                    }
                });
            }
        }
    }

    // ------------------------------------------------------------------ import, export

    public void importWithDialog() {
        prompts.chooseOpen("Import Topology", services.exchange().importFormats()).ifPresent(this::importTopology);
    }

    /** Imports a topology file as a new, unsaved experiment. */
    public void importTopology(Path file) {
        String format = services.exchange().formatOf(file).orElse("");
        runTask("Importing " + file.getFileName(), () -> services.exchange().importTopology(file, format), t -> {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            TopologyEditorViewModel ed = add(new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults(name), t), null));
            ed.document().markUnsaved();
            console.info("imported " + file + " (" + t.nodeCount() + " nodes, " + t.linkCount() + " links)");
        }, e -> report("Cannot import " + file.getFileName(), e));
    }

    public void exportWithDialog() {
        TopologyEditorViewModel ed = active.get();
        if (ed == null) {
            return;
        }
        List<String> formats = services.exchange().exportFormats();
        prompts.chooseSave("Export Topology", ed.document().settings().name() + "." + formats.get(0), formats)
                .ifPresent(p -> exportTopology(p));
    }

    public void exportTopology(Path file) {
        TopologyEditorViewModel ed = active.get();
        if (ed == null) {
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Topology copy = ed.topology().copy();
        runTask("Exporting " + name, () -> {
            services.exchange().exportTopology(copy, file, ext);
            return file;
        }, f -> console.info("exported " + f), e -> report("Cannot export " + name, e));
    }

    // ------------------------------------------------------------------ editing shortcuts on the active editor

    public void undo() {
        TopologyEditorViewModel ed = active.get();
        if (ed != null && ed.document().canUndoProperty().get()) {
            ed.document().undo();
        }
    }

    public void redo() {
        TopologyEditorViewModel ed = active.get();
        if (ed != null && ed.document().canRedoProperty().get()) {
            ed.document().redo();
        }
    }

    public void relayout(LayoutKind kind) {
        TopologyEditorViewModel ed = active.get();
        if (ed != null) {
            tasks++;
            updateTask("Layout: " + kind.id());
            ed.relayout(kind, ok -> {
                tasks--;
                updateTask("");
            });
        }
    }

    /** The Generate dialog's view model for generator {@code id} on the active editor (null when none is open). */
    public GenerateViewModel generate(String id) {
        TopologyEditorViewModel ed = active.get();
        return ed == null ? null : new GenerateViewModel(services.generators(), id, ed, executors);
    }

    // ------------------------------------------------------------------ background tasks, status

    /** Runs {@code work} in the background with the status bar showing {@code message} and progress. */
    public <T> void runTask(String message, Callable<T> work, Consumer<T> ok, Consumer<Exception> failed) {
        tasks++;
        updateTask(message);
        executors.background().execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                executors.ui().execute(() -> {
                    tasks--;
                    updateTask("");
                    failed.accept(e);
                });
                return;
            }
            executors.ui().execute(() -> {
                tasks--;
                updateTask("");
                ok.accept(result);
            });
        });
    }

    private void updateTask(String message) {
        taskStatus.set(tasks > 0 ? message + "\u2026" : "");
        progress.set(tasks > 0 ? -1 : 0);
    }

    private void report(String title, Exception e) {
        String msg = e.getMessage() != null ? e.getMessage() : e.toString();
        console.error(title + ": " + msg);
        prompts.showError(title, msg);
    }

    private void updateStatus() {
        TopologyEditorViewModel ed = active.get();
        if (ed == null) {
            fileStatus.set("No experiment open");
            selectionStatus.set("");
            return;
        }
        Path p = ed.document().path();
        fileStatus.set((p != null ? p.toString() : ed.document().settings().name() + " (not saved)")
                + (ed.document().isDirty() ? " *" : ""));
        int n = ed.selectedNodes().size();
        int m = ed.selectedLinks().size();
        String sel = n + m == 0 ? "nothing selected" : n + (n == 1 ? " node, " : " nodes, ") + m + (m == 1 ? " link" : " links") + " selected";
        selectionStatus.set(sel + "  |  " + ed.topology().nodeCount() + " nodes, " + ed.topology().linkCount() + " links");
    }

    // ------------------------------------------------------------------ recent files

    private void loadRecent() {
        try {
            if (Files.isRegularFile(home.recentFile())) {
                for (String line : Files.readAllLines(home.recentFile(), StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && recent.size() < MAX_RECENT) {
                        recent.add(Path.of(line.trim()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            console.warn("cannot read the recent files list: " + e.getMessage());
        }
    }

    private void remember(Path p) {
        recent.remove(p);
        recent.add(0, p);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        List<String> lines = recent.stream().map(Path::toString).toList();
        try {
            Files.createDirectories(home.dir());
            Files.write(home.recentFile(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.warn("cannot write the recent files list: " + e.getMessage());
        }
    }
}
