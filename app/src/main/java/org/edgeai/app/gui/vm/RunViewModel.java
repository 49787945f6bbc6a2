package org.edgeai.app.gui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.edgeai.app.gui.WorkbenchServices;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.run.PlaybackClock;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunSummary;

/**
 * Run control: starts a run of the active editor's experiment and drives the {@link RunSession} (play, pause, step,
 * step round, jump, scrub, reset, cancel, speed), locks the run's editor while its engine runs, and reports the end
 * in the console and the status bar. No {@code Node}s; the run controls and the menu bind to it.
 *
 * <h2>What runs</h2>
 * Exactly what {@code run FILE} would run from the saved experiment: the editor's content is saved, as File › Save
 * writes it ({@link WorkbenchServices#documents()}), to {@code experiment.json} in a new per-run folder
 * {@code <home>/runs/<name-slug>-<yyyyMMdd-HHmmss>[-k]/}, read back with {@link ExperimentFile#load} and planned
 * with {@link RunPlan#of} over {@link WorkbenchServices#runRegistries()} (paths inside it, e.g. a CSV data set,
 * resolve against the editor's own file when it has one). The engine writes {@code metrics.csv},
 * {@code messages.csv} and {@code summary.json} beside it, so {@code run experiment.json} in that folder gives the
 * same fingerprint. Saving and planning run on {@link UiExecutors#background()}; a problem (a located
 * {@code file:line:col: path: message}) goes to the console and the status bar, never to the toolkit.
 *
 * <p>An experiment with a {@code pipeline} or {@code split} section goes to the {@link #setPipelineRunner pipeline runner}
 * instead.
 */
public final class RunViewModel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    /** Why the run's editor is locked, in the refusal message. */
    static final String LOCK_REASON = "its experiment runs";

    private final WorkbenchServices services;
    private final WorkbenchHome home;
    private final UiExecutors executors;
    private final ConsoleViewModel console;
    private final RunSession session;
    private final ObjectProperty<TopologyEditorViewModel> active;
    private final ObservableList<TopologyEditorViewModel> editors;
    private final Clock clock;
    private Consumer<TopologyEditorViewModel> pipelineRunner;

    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasRun = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper activeLocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> runDir = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty speedPosition = new SimpleDoubleProperty();
    private final ReadOnlyStringWrapper mapping = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper cursor = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper frontier = new ReadOnlyDoubleWrapper();
    private final ReadOnlyIntegerWrapper plannedRounds = new ReadOnlyIntegerWrapper(0);
    private LiveRun reported; // the run whose end was reported

    /**
     * @param services services (documents, generators, run registries)
     * @param home     the workbench's home (runs go to {@link WorkbenchHome#runsDir()})
     * @param executors background and ui executors
     * @param console  the console
     * @param session  the workbench's run session
     * @param active   the active editor
     * @param editors  every open editor (their locks follow the session)
     * @param clock    wall clock for the run folders' names
     */
    public RunViewModel(WorkbenchServices services, WorkbenchHome home, UiExecutors executors, ConsoleViewModel console,
                        RunSession session, ObjectProperty<TopologyEditorViewModel> active,
                        ObservableList<TopologyEditorViewModel> editors, Clock clock) {
        this.services = Objects.requireNonNull(services);
        this.home = Objects.requireNonNull(home);
        this.executors = Objects.requireNonNull(executors);
        this.console = Objects.requireNonNull(console);
        this.session = Objects.requireNonNull(session);
        this.active = Objects.requireNonNull(active);
        this.editors = Objects.requireNonNull(editors);
        this.clock = Objects.requireNonNull(clock);
        speedPosition.set(session.clock().sliderPosition());
        mapping.set(session.clock().mappingText());
        speedPosition.addListener((o, a, b) -> {
            session.clock().setSliderPosition(b.doubleValue());
            mapping.set(session.clock().mappingText());
        });
        session.runningProperty().addListener((o, a, b) -> updateLocks());
        session.editorProperty().addListener((o, a, b) -> updateLocks());
        session.frameProperty().addListener((o, a, b) -> onFrame());
        session.liveProperty().addListener((o, a, b) -> onFrame());
        editors.forEach(this::watch);
        editors.addListener((ListChangeListener<TopologyEditorViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            updateLocks();
        });
        active.addListener((o, a, b) -> {
            updateActiveLock();
            updateButtons();
        });
        updateButtons();
    }

    private void watch(TopologyEditorViewModel ed) {
        ed.document().addRefusalListener(msg -> {
            console.warn(msg);
            status.set(msg);
        });
        ed.lockedProperty().addListener((o, a, b) -> updateActiveLock());
    }

    // ------------------------------------------------------------------ state for the controls

    /** The session this drives. */
    public RunSession session() {
        return session;
    }

    /** Whether a new run can start: an editor is open and no run is going or being prepared. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Whether a run is shown (playback commands apply). */
    public ReadOnlyBooleanProperty hasRunProperty() {
        return hasRun.getReadOnlyProperty();
    }

    /** Whether the cursor is moving (Pause shows "Pause"), as of the last frame or command. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Whether a run is being saved and planned (between Run and the engine's start). */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** Whether the active editor is locked by a run (the palette, properties and settings are disabled). */
    public ReadOnlyBooleanProperty activeLockedProperty() {
        return activeLocked.getReadOnlyProperty();
    }

    /** The last run message (started, ended, refused edit, failure) for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "running round 12/100" while a run is going, else "". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The folder of the run shown (or being prepared), or null. */
    public ReadOnlyObjectProperty<Path> runDirProperty() {
        return runDir.getReadOnlyProperty();
    }

    public Path runDir() {
        return runDir.get();
    }

    /** The speed slider's position in [0, 1] ({@link PlaybackClock#setSliderPosition}; 1 = as fast as possible). */
    public DoubleProperty speedPositionProperty() {
        return speedPosition;
    }

    /** The speed mapping in words ({@link PlaybackClock#mappingText()}). */
    public ReadOnlyStringProperty mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    /** The cursor, simulated seconds, as of the last frame. */
    public ReadOnlyDoubleProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** The end of the recorded part of the run (the scrubber's range), simulated seconds. */
    public ReadOnlyDoubleProperty frontierProperty() {
        return frontier.getReadOnlyProperty();
    }

    /** The rounds the shown run plans (the jump field's maximum), 0 when none. */
    public ReadOnlyIntegerProperty plannedRoundsProperty() {
        return plannedRounds.getReadOnlyProperty();
    }

    /**
     * Who runs an experiment with a {@code pipeline} section (the timeline's code); without one, such a run is
     * refused with a console message.
     */
    public void setPipelineRunner(Consumer<TopologyEditorViewModel> runner) {
        pipelineRunner = runner;
    }

    // ------------------------------------------------------------------ starting

    /** Runs the active editor's experiment. */
    public void start() {
        start(active.get());
    }

    /** Runs {@code ed}'s experiment (see the class comment); returns at once. */
    public void start(TopologyEditorViewModel ed) {
        if (ed == null) {
            message("Nothing to run: open or create an experiment first");
            return;
        }
        if (preparing.get() || session.isRunning()) {
            message("A run is going: pause it, or cancel it (Shift+F5) before starting another");
            return;
        }
        EditorDocument doc = ed.document();
        ExperimentSettings settings = doc.settings();
        if (!settings.section("pipeline").isEmpty() || !settings.section("split").isEmpty()) {
            if (pipelineRunner == null) {
                console.info("Pipeline and split experiments run in the timeline, which is not available in this build ("
                        + settings.name() + " has a pipeline or split section)");
                message("Pipeline runs are not available here");
            } else {
                pipelineRunner.accept(ed);
            }
            return;
        }
        EditorDocumentData snapshot = doc.snapshot();
        Path origin = doc.path();
        Path dir;
        try {
            dir = newRunDir(settings.name());
        } catch (IOException e) {
            fail(settings.name(), "cannot create a run folder in " + home.runsDir() + ": " + e.getMessage());
            return;
        }
        preparing.set(true);
        runDir.set(dir);
        message("Preparing " + settings.name() + "\u2026");
        updateButtons();
        executors.background().execute(() -> {
            RunPlan plan;
            try {
                Path file = dir.resolve("experiment.json");
                services.documents().save(snapshot, file);
                Experiment e = ExperimentFile.load(file, services.generators().registry());
                if (origin != null) {
                    e = e.withSource(origin); // relative paths (a CSV data set) as for the editor's own file
                }
                plan = RunPlan.of(e, services.runRegistries());
            } catch (IOException | RuntimeException ex) {
                String msg = ex.getMessage() != null ? ex.getMessage() : ex.toString();
                executors.ui().execute(() -> {
                    preparing.set(false);
                    fail(settings.name(), msg);
                });
                return;
            }
            executors.ui().execute(() -> launch(plan, dir, ed));
        });
    }

    private void launch(RunPlan plan, Path dir, TopologyEditorViewModel ed) {
        preparing.set(false);
        if (!editors.contains(ed)) {
            message("Run not started: its editor was closed");
            updateButtons();
            return;
        }
        LiveRun run = new LiveRun(plan, dir, plan.experiment().name() + " (" + dir.getFileName() + ")");
        session.show(run, ed);
        run.start();
        plannedRounds.set(plan.rounds());
        console.info("run started: " + plan.experiment().name() + ", " + plan.rounds() + " rounds -> " + dir);
        message("Running " + plan.experiment().name());
        onFrame();
    }

    /** A new folder {@code <home>/runs/<slug>-<stamp>[-k]}, created (so two runs in one second do not share it). */
    Path newRunDir(String name) throws IOException {
        Path root = home.runsDir();
        Files.createDirectories(root);
        String base = slug(name) + "-" + LocalDateTime.now(clock).format(STAMP);
        for (int k = 1; ; k++) {
            Path p = root.resolve(k == 1 ? base : base + "-" + k);
            try {
                Files.createDirectory(p);
                return p;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // next k
            }
        }
    }

    /** Lower-case letters, digits and single dashes; "experiment" when nothing is left. */
    static String slug(String name) {
        String s = Objects.toString(name, "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "experiment" : s;
    }

    private void fail(String name, String msg) {
        console.error("Cannot run " + name + ": " + msg);
        message("Cannot run " + name + ": " + firstLine(msg));
        updateButtons();
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private void message(String m) {
        status.set(m);
    }

    // ------------------------------------------------------------------ playback commands

    public void play() {
        session.play();
        updateButtons();
    }

    public void pause() {
        session.pause();
        updateButtons();
    }

    /** Pause when playing, play when paused. */
    public void togglePause() {
        if (session.recording() == null) {
            return;
        }
        if (session.clock().isPaused()) {
            play();
        } else {
            pause();
        }
    }

    /** To the next recorded event (a hop queued, sent or arrived, a computation, a round's end). */
    public void stepEvent() {
        session.stepEvent();
        updateButtons();
    }

    /** Plays to the end of the next round and pauses. */
    public void stepRound() {
        session.stepRound();
        updateButtons();
    }

    /** Jumps (or plays) to the end of round {@code round}, clamped to [0, planned rounds]. */
    public void jumpToRound(long round) {
        long r = Math.max(0, plannedRounds.get() > 0 ? Math.min(round, plannedRounds.get()) : round);
        session.jumpToRound(r);
        updateButtons();
    }

    /** Puts the cursor at {@code t} (the scrubber), within the recorded part. */
    public void seek(double t) {
        session.seek(t);
        cursor.set(session.clock().cursor());
        updateButtons();
    }

    /** Back to time 0, paused (the run goes on in the background). */
    public void reset() {
        session.reset();
        updateButtons();
    }

    /** Cancels the run shown: the engine stops before its next event; the GUI does not wait. */
    public void cancel() {
        LiveRun run = session.live();
        if (run == null || run.state() != LiveRun.State.RUNNING) {
            message("No run to cancel");
            return;
        }
        session.cancel();
        message("Cancelling " + run.label() + "\u2026");
    }

    /** The folder of the run shown, to open in the system's file browser (the view opens it), or null. */
    public Path runFolder() {
        return runDir.get();
    }

    // ------------------------------------------------------------------ per frame

    private void onFrame() {
        RunRecording rec = session.recording();
        cursor.set(session.clock().cursor());
        frontier.set(rec == null ? 0 : rec.frontier());
        LiveRun run = session.live();
        if (run != null) {
            plannedRounds.set(run.plan().rounds());
            if (run.state() == LiveRun.State.RUNNING) {
                String p = "running round " + Math.min(run.plan().rounds(), run.recording().rounds().size() + 1) + "/"
                        + run.plan().rounds();
                if (!p.equals(progressText.get())) {
                    progressText.set(p);
                }
            } else {
                progressText.set("");
                if (reported != run) {
                    reported = run;
                    reportEnd(run);
                }
            }
        } else {
            progressText.set("");
        }
        updateButtons();
    }

    private void reportEnd(LiveRun run) {
        RunSummary s = run.summary();
        switch (run.state()) {
            case FAILED -> {
                Throwable f = run.failure();
                String msg = f == null ? "unknown failure" : (f.getMessage() != null ? f.getMessage() : f.toString());
                console.error("run failed: " + run.label() + ": " + msg);
                message("Run failed: " + firstLine(msg));
            }
            case CANCELLED -> {
                String line = "run cancelled after " + (s == null ? run.recording().rounds().size() : s.rounds())
                        + " of " + run.plan().rounds() + " rounds (files up to then in " + run.dir() + ")";
                console.info(line);
                message(line);
            }
            default -> {
                String line = s.resultLine("experiment.json", run.dir());
                if (run.state() == LiveRun.State.STALLED) {
                    console.warn("the run stalled after round " + s.rounds() + " of " + s.roundsPlanned()
                            + ": nothing was left to happen (the algorithm may be waiting for a device that dropped out)");
                }
                console.info(line);
                message(run.plan().experiment().name() + ": " + s.status().id() + ", " + s.rounds() + "/"
                        + s.roundsPlanned() + " rounds, " + HudViewModel.bytes(s.bitsSent()) + " sent (fingerprint "
                        + s.fingerprint().substring(0, 12) + ")");
            }
        }
    }

    private void updateButtons() {
        boolean running = session.isRunning();
        canStart.set(active.get() != null && !running && !preparing.get());
        hasRun.set(session.recording() != null);
        PlaybackClock c = session.clock();
        playing.set(session.recording() != null && (!c.isPaused() || !Double.isNaN(c.target())));
    }

    // ------------------------------------------------------------------ locks

    private void updateLocks() {
        TopologyEditorViewModel runEd = session.editorProperty().get();
        boolean running = session.isRunning();
        for (TopologyEditorViewModel ed : editors) {
            boolean lock = running && ed == runEd;
            if (ed.isLocked() != lock) {
                ed.document().setLocked(lock, LOCK_REASON);
            }
        }
        updateActiveLock();
        updateButtons();
    }

    private void updateActiveLock() {
        TopologyEditorViewModel ed = active.get();
        activeLocked.set(ed != null && ed.isLocked());
    }
}
