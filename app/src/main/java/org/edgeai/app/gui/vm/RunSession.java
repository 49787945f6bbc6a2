package org.edgeai.app.gui.vm;

import java.util.Objects;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.run.PlaybackClock;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.trace.RoundMetrics;

/**
 * The run the workbench is showing, and how it is being played: the contract between the run controls and the
 * run-time views (animation on the canvas, HUD, charts, timeline). JavaFX thread only; no {@code Node}s.
 *
 * <h2>Per frame</h2>
 * The window's frame timer calls {@link #pulse(long)} once a frame: it drains the engine's records into the
 * recording (at most {@link #DRAIN_PER_FRAME}), moves the {@link PlaybackClock} by the frame's screen time,
 * tells the engine how far it may run ahead of the picture, and bumps {@link #frameProperty()}; views redraw
 * when the frame changes, reading {@link #recording()} at {@link PlaybackClock#cursor()}. Nothing here waits.
 *
 * <h2>What is shown</h2>
 * {@link #recordingProperty()} is what the animation and the timeline show: a live run's recording, or a
 * recording built from a pipeline's schedule. {@link #runs()} keeps every finished or running live run until the
 * user removes it (the charts overlay them); {@link #liveProperty()} is the one being played, if it is a live run.
 * {@link #editorProperty()} is the editor whose topology is being run: edits to it are locked while
 * {@link #runningProperty()} is true.
 */
public final class RunSession {

    /** Animation records moved from the engine per frame at most, so a frame stays short. */
    public static final int DRAIN_PER_FRAME = 200_000;
    /** Rounds the engine may finish beyond the one being shown. */
    public static final int ROUNDS_AHEAD = 2;

    private final PlaybackClock clock = new PlaybackClock();
    private final ObjectProperty<LiveRun> live = new SimpleObjectProperty<>();
    private final ObjectProperty<RunRecording> recording = new SimpleObjectProperty<>();
    private final ObjectProperty<TopologyEditorViewModel> editor = new SimpleObjectProperty<>();
    private final ObservableList<LiveRun> runs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper();
    private final LongProperty roundsShown = new SimpleLongProperty();
    private final ReadOnlyObjectWrapper<LiveRun.State> state = new ReadOnlyObjectWrapper<>();
    private long lastNanos = -1;

    public PlaybackClock clock() {
        return clock;
    }

    /** The live run being played, or null (none yet, or a pipeline is shown). */
    public ObjectProperty<LiveRun> liveProperty() {
        return live;
    }

    public LiveRun live() {
        return live.get();
    }

    /** What the animation and the timeline show, or null. */
    public ObjectProperty<RunRecording> recordingProperty() {
        return recording;
    }

    public RunRecording recording() {
        return recording.get();
    }

    /** The editor whose experiment runs (its canvas animates), or null. */
    public ObjectProperty<TopologyEditorViewModel> editorProperty() {
        return editor;
    }

    /** Every live run kept for the charts and the run table, oldest first. */
    public ObservableList<LiveRun> runs() {
        return runs;
    }

    /** Whether a live run's engine is still going (edits to its editor's topology are locked meanwhile). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The played run's state as of the last frame, or null. */
    public ReadOnlyObjectProperty<LiveRun.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Bumped once a frame after the recording and the cursor changed: views redraw on it. */
    public ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Rounds finished at the cursor (what the HUD and the charts show). */
    public LongProperty roundsShownProperty() {
        return roundsShown;
    }

    /**
     * Starts showing {@code run} (already started or not) for {@code ed}: it joins {@link #runs()}, the clock goes
     * back to 0 and plays.
     */
    public void show(LiveRun run, TopologyEditorViewModel ed) {
        Objects.requireNonNull(run, "run");
        if (!runs.contains(run)) {
            runs.add(run);
        }
        live.set(run);
        editor.set(ed);
        recording.set(run.recording());
        clock.reset();
        clock.play();
        state.set(run.state());
        running.set(run.state() == LiveRun.State.RUNNING);
        lastNanos = -1;
        bump();
    }

    /** Shows a recording that is not a live run (a pipeline's schedule), already complete. */
    public void showRecording(RunRecording r, TopologyEditorViewModel ed) {
        live.set(null);
        editor.set(ed);
        recording.set(r);
        clock.reset();
        clock.play();
        state.set(null);
        running.set(false);
        lastNanos = -1;
        bump();
    }

    /** One frame at {@code nowNanos} (the frame timer's clock). */
    public void pulse(long nowNanos) {
        double wall = lastNanos < 0 ? 0 : Math.min(0.25, (nowNanos - lastNanos) / 1e9); // no leap after a stall
        lastNanos = nowNanos;
        for (LiveRun r : runs) {
            if (r != live.get() && r.state() == LiveRun.State.RUNNING) {
                r.setAllowedRounds(Integer.MAX_VALUE); // not shown: let it finish
                r.drain(DRAIN_PER_FRAME);
            }
        }
        LiveRun run = live.get();
        if (run != null) {
            run.drain(DRAIN_PER_FRAME);
            state.set(run.state());
            running.set(run.state() == LiveRun.State.RUNNING);
        }
        RunRecording rec = recording.get();
        if (rec == null) {
            return;
        }
        resolvePendingJump();
        clock.advance(wall, rec.frontier());
        int shown = rec.roundsFinishedAt(clock.cursor());
        roundsShown.set(shown);
        if (run != null) {
            run.setAllowedRounds(clock.isAsFastAsPossible() && !clock.isPaused() ? Integer.MAX_VALUE
                    : Math.max(shown, targetRound(rec)) + ROUNDS_AHEAD);
        }
        bump();
    }

    private int targetRound(RunRecording rec) {
        double t = clock.target();
        return Double.isNaN(t) ? 0 : rec.roundsFinishedAt(t);
    }

    private void bump() {
        frame.set(frame.get() + 1);
    }

    // ------------------------------------------------------------------ commands

    public void play() {
        pendingRound = -1;
        clock.play();
    }

    public void pause() {
        pendingRound = -1;
        clock.pause();
    }

    /** Moves the cursor to the next recorded event (a hop queued, sent or arrived, a computation, a round's end). */
    public void stepEvent() {
        RunRecording rec = recording.get();
        if (rec == null) {
            return;
        }
        double t = rec.nextEventAfter(clock.cursor());
        if (!Double.isNaN(t)) {
            clock.seek(t);
        } else {
            clock.pause();
        }
        bump();
    }

    /** Plays to the end of the next round and pauses there (waiting for the engine if it is not there yet). */
    public void stepRound() {
        jumpToRound(roundsShown.get() + 1);
    }

    /**
     * Plays to the end of file round {@code round} (1-based) and pauses; a round already recorded is jumped to at
     * once, a later one is played to at the current speed.
     */
    public void jumpToRound(long round) {
        RunRecording rec = recording.get();
        if (rec == null || round < 0) {
            return;
        }
        if (round == 0) {
            clock.seek(0);
        } else if (round <= rec.rounds().size()) {
            RoundMetrics m = rec.rounds().get((int) round - 1);
            clock.seek(m.timeS());
        } else {
            LiveRun run = live.get();
            if (run != null) {
                run.setAllowedRounds((int) Math.min(Integer.MAX_VALUE, round + ROUNDS_AHEAD));
            }
            clock.runTo(Double.POSITIVE_INFINITY); // until the round is recorded; see pulse
            pendingRound = round;
        }
        bump();
    }

    private long pendingRound = -1;

    /** Turns a pending "jump to round" into a target once that round is recorded. */
    private void resolvePendingJump() {
        RunRecording rec = recording.get();
        if (pendingRound > 0 && rec != null && pendingRound <= rec.rounds().size()) {
            double t = rec.rounds().get((int) pendingRound - 1).timeS();
            if (clock.cursor() >= t) {
                clock.seek(t);
            } else {
                clock.runTo(t);
            }
            pendingRound = -1;
        }
    }

    /** Puts the cursor at {@code t} within the recorded part (the scrubber). */
    public void seek(double t) {
        RunRecording rec = recording.get();
        if (rec != null) {
            clock.seek(Math.max(0, Math.min(t, rec.frontier())));
            bump();
        }
    }

    /** Back to time 0, paused (the run itself goes on in the background). */
    public void reset() {
        clock.reset();
        bump();
    }

    /** Cancels the played run (effective before the engine's next event); the GUI does not wait. */
    public void cancel() {
        LiveRun run = live.get();
        if (run != null) {
            run.cancel();
        }
    }

    /** Removes a run from the kept ones (cancelling it if it still runs). */
    public void remove(LiveRun run) {
        run.cancel();
        runs.remove(run);
        if (live.get() == run) {
            live.set(null);
            recording.set(null);
            running.set(false);
            state.set(null);
        }
    }
}
