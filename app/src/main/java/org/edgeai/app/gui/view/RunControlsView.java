package org.edgeai.app.gui.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.edgeai.app.gui.run.PlaybackClock;
import org.edgeai.app.gui.vm.CommandCatalog;
import org.edgeai.app.gui.vm.RunViewModel;

/**
 * The run controls, one row under the tool bar (it stays in presentation mode, where teachers step through a run):
 * Run, Pause/Resume, Step (next event), Step round, Reset, Cancel; the speed slider with its mapping ("1 s on screen
 * = 100 ms simulated" .. "as fast as possible"); a round field with Go (jump to round N); the scrubber over the
 * recorded part of the run with the cursor's time; and the run folder button.
 *
 * <p>The scrubber follows the cursor each frame; a flag keeps that programmatic update from seeking back (no
 * feedback loop), and while the user drags it the frame updates leave its value alone.
 */
public final class RunControlsView {

    private final RunViewModel vm;
    private final HBox root = new HBox(6);
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Spinner<Integer> round = new Spinner<>();
    private final Label time = new Label("t = 0 s");
    private boolean updating;

    /**
     * @param vm         run control
     * @param openFolder opens the run folder in the system's file browser
     */
    public RunControlsView(RunViewModel vm, Runnable openFolder) {
        this.vm = vm;
        root.setId("run-controls");
        root.getStyleClass().add("run-controls");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(2, 8, 2, 8));

        Button start = button("run-start", "\u25b6 Run", "run.start", vm::start);
        start.disableProperty().bind(vm.canStartProperty().not());
        Button pause = button("run-pause", "Pause", "run.pause", vm::togglePause);
        pause.textProperty().bind(Bindings.when(vm.playingProperty()).then("\u2016 Pause").otherwise("\u25b6 Resume"));
        Button step = button("run-step", "Step", "run.stepEvent", vm::stepEvent);
        Button stepRound = button("run-step-round", "Step round", "run.stepRound", vm::stepRound);
        Button reset = button("run-reset", "\u21ba Reset", "run.reset", vm::reset);
        Button cancel = button("run-cancel", "\u25a0 Cancel", "run.cancel", vm::cancel);
        cancel.disableProperty().bind(vm.session().runningProperty().not());
        for (Button b : new Button[] {pause, step, stepRound, reset}) {
            b.disableProperty().bind(vm.hasRunProperty().not());
        }

        Slider speed = new Slider(0, 1, vm.speedPositionProperty().get());
        speed.setId("run-speed");
        speed.setPrefWidth(110);
        speed.setTooltip(new Tooltip("Speed: simulated time per second on screen, from "
                + PlaybackClock.duration(PlaybackClock.MIN_SPEED) + " to " + PlaybackClock.duration(PlaybackClock.MAX_SPEED)
                + " simulated per second (log scale); at the right end, as fast as possible"));
        speed.valueProperty().bindBidirectional(vm.speedPositionProperty());
        Label mapping = new Label();
        mapping.setId("run-speed-text");
        mapping.textProperty().bind(vm.mappingProperty());
        mapping.setMinWidth(190);

        round.setId("run-round");
        round.setEditable(true);
        round.setPrefWidth(90);
        SpinnerValueFactory.IntegerSpinnerValueFactory rounds = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1, 0);
        round.setValueFactory(rounds);
        vm.plannedRoundsProperty().addListener((o, a, b) -> rounds.setMax(Math.max(1, b.intValue())));
        round.setTooltip(new Tooltip("Jump to the end of round N (" + accel("run.jump") + " focuses this field)"));
        Button go = button("run-jump", "Go", "run.jump", this::jump);
        round.getEditor().setOnAction(e -> jump());
        round.disableProperty().bind(vm.hasRunProperty().not());
        go.disableProperty().bind(vm.hasRunProperty().not());

        scrubber.setId("run-scrubber");
        scrubber.setMinWidth(80);
        scrubber.setTooltip(new Tooltip("The recorded part of the run: drag to replay any moment"));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.disableProperty().bind(vm.hasRunProperty().not());
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                vm.seek(b.doubleValue());
            }
        });
        time.setId("run-time");
        time.setMinWidth(90);
        vm.cursorProperty().addListener((o, a, b) -> follow());
        vm.frontierProperty().addListener((o, a, b) -> follow());

        Button folder = button("run-open-folder", "Folder", "run.openFolder", openFolder);
        folder.disableProperty().bind(vm.runDirProperty().isNull());

        Label speedLabel = new Label("Speed");
        Label roundLabel = new Label("Round");
        root.getChildren().addAll(start, pause, step, stepRound, reset, cancel, sep(), speedLabel, speed, mapping, sep(),
                roundLabel, round, go, sep(), scrubber, time, folder);
        // Buttons and labels keep their text whole (presentation mode's large fonts): the scrubber gives way first.
        for (javafx.scene.Node n : root.getChildren()) {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        mapping.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        round.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // ... but the row never asks the window to be wider than it is: in a narrow window its right end (the
        // scrubber, the folder button) runs off the edge instead of squeezing the views below.
        root.setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String accel(String command) {
        return CommandCatalog.get(command).accelerator().replace("Shortcut", "Ctrl");
    }

    private static Button button(String id, String text, String command, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        CommandCatalog.Command c = CommandCatalog.get(command);
        b.setTooltip(new Tooltip(c.label() + " (" + accel(command) + ")"));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The scrubber and the time label follow the cursor (once a frame), without seeking back. */
    private void follow() {
        updating = true;
        try {
            double max = Math.max(vm.frontierProperty().get(), 1e-9);
            if (scrubber.getMax() != max) {
                scrubber.setMax(max);
            }
            if (!scrubber.isValueChanging() && scrubber.getValue() != vm.cursorProperty().get()) {
                scrubber.setValue(vm.cursorProperty().get());
            }
        } finally {
            updating = false;
        }
        String t = "t = " + PlaybackClock.duration(vm.cursorProperty().get());
        if (!t.equals(time.getText())) {
            time.setText(t);
        }
    }

    private void jump() {
        Integer n;
        try {
            n = Integer.valueOf(round.getEditor().getText().trim());
        } catch (NumberFormatException e) {
            n = round.getValue();
        }
        if (n != null) {
            round.getValueFactory().setValue(Math.max(0, n));
            vm.jumpToRound(n);
        }
    }

    /** Puts the keyboard focus in the round field (Run › Jump to Round…). */
    public void focusRound() {
        round.requestFocus();
        round.getEditor().selectAll();
    }

    /** The scrubber (tests drive it). */
    public Slider scrubber() {
        return scrubber;
    }

    public javafx.scene.Node node() {
        return root;
    }
}
