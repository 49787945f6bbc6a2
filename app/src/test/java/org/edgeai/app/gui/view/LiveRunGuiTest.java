package org.edgeai.app.gui.view;

import static org.edgeai.app.gui.view.WorkbenchGuiTest.fx;
import static org.edgeai.app.gui.view.WorkbenchGuiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;

import org.edgeai.app.cli.WorkbenchCli;
import org.edgeai.app.gui.Workbench;
import org.edgeai.app.gui.WorkbenchServices;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.vm.ScriptedPrompts;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live run in the window, driven like a user (TestFX, headless Monocle): Run, Pause, jump to a round, Step, the
 * HUD's bits against summary.json, the editor locked during the run and unlocked after, Cancel mid-run (the engine
 * thread ends within 200 ms), and the GUI's run against the command line's {@code run} on the saved file (same
 * fingerprint). The {@link FxWatchdog} asserts no block of work on the JavaFX thread over 50 ms while the tests act.
 */
class LiveRunGuiTest {

    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").normalize();
    static final Path RING = SAMPLES.resolve("allreduce-ring-8.json");
    static ExecutorService background;

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    FxWatchdog watchdog;
    final List<Runnable> quits = new java.util.ArrayList<>();

    @BeforeAll
    static void toolkit(@TempDir Path tmp) throws Exception {
        System.setProperty("headless.geometry", "1200x800-32");
        FxToolkit.registerPrimaryStage();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
        warmUp(tmp);
    }

    /**
     * A throwaway run before the tests (not watched): loads ND4J and the data set, and runs the run controls, the
     * HUD and the animation once, so the watchdog measures a warm JVM.
     */
    static void warmUp(Path tmp) throws Exception {
        ScriptedPrompts prompts = new ScriptedPrompts();
        Workbench wb = build(tmp.resolve("warm-home"), prompts);
        TopologyEditorViewModel ed = wb.viewModel().active();
        fx(() -> {
            setRounds(ed, 3);
            wb.viewModel().runs().speedPositionProperty().set(1);
            wb.viewModel().runs().start();
            return null;
        });
        waitUntil(() -> fx(() -> wb.viewModel().runSession().live() != null
                && wb.viewModel().runSession().live().state() == LiveRun.State.COMPLETED));
        FxRobot robot = new FxRobot();
        robot.clickOn("#run-reset");
        robot.clickOn("#run-step");
        robot.clickOn("#run-step-round");
        robot.clickOn("#perspective-run");
        WaitForAsyncUtils.waitForFxEvents();
        quit(wb, prompts);
        FxToolkit.cleanupStages();
    }

    static Workbench build(Path home, ScriptedPrompts prompts) throws Exception {
        Workbench wb = FxToolkit.setupFixture((Callable<Workbench>) () -> {
            Workbench w = new Workbench(WorkbenchServices.defaults(LiveRunGuiTest.class.getClassLoader()),
                    new WorkbenchHome(home), new UiExecutors(background, Platform::runLater), prompts);
            w.window().setOnExit(() -> { });
            w.start(new Stage(), List.of(RING));
            return w;
        });
        wb.window().preloaded().get(60, TimeUnit.SECONDS);
        waitUntil(() -> wb.viewModel().active() != null && RING.equals(wb.viewModel().active().document().path()));
        WaitForAsyncUtils.waitForFxEvents();
        return wb;
    }

    /**
     * Quits a workbench the way the user does (discarding unsaved changes), so its autosave timer stops before the
     * next test class; the background pool stays (daemon threads) so nothing a closing window posts is rejected.
     */
    static void quit(Workbench wb, ScriptedPrompts prompts) throws Exception {
        fx(() -> {
            for (int i = 0; i < wb.viewModel().editors().size(); i++) {
                prompts.saveAnswers.add(org.edgeai.app.gui.UserPrompts.SaveChoice.DISCARD);
            }
            wb.window().quit();
            return null;
        });
    }

    @BeforeEach
    void arm() throws Exception {
        watchdog = new FxWatchdog().start();
        watchdog.pause();
    }

    @AfterEach
    void check() throws Exception {
        watchdog.close();
        for (Runnable q : quits) {
            q.run();
        }
        FxToolkit.cleanupStages();
        watchdog.assertWithinBudget();
    }

    Workbench open(ScriptedPrompts prompts) throws Exception {
        watchdog.pause();
        Workbench wb = build(dir.resolve("home"), prompts);
        quits.add(() -> {
            try {
                quit(wb, prompts);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watchdog.resume();
        return wb;
    }

    static void setRounds(TopologyEditorViewModel ed, int rounds) {
        Map<String, Object> run = new LinkedHashMap<>(ed.document().settings().section("run"));
        run.put("rounds", (long) rounds);
        ed.document().editSettings("Set rounds", ed.document().settings().withSection("run", run));
    }

    static JsonNode summary(Path runDir) throws Exception {
        return new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
    }

    @Test
    void runPauseJumpStepAndTheHudShowsTheBitsOfSummaryJsonAndTheCommandLineAgrees() throws Exception {
        ScriptedPrompts prompts = new ScriptedPrompts();
        Workbench wb = open(prompts);
        var vm = wb.viewModel();
        var runs = vm.runs();
        var session = vm.runSession();
        TopologyEditorViewModel ed = vm.active();
        fx(() -> {
            setRounds(ed, 8);
            runs.speedPositionProperty().set(0); // 1 simulated ms a second: the run waits for us at its start
            return null;
        });
        assertFalse(robot.lookup("#hud").query().isVisible(), "no HUD before a run");
        assertEquals("1 s on screen = 1 ms simulated", robot.lookup("#run-speed-text").queryAs(Label.class).getText());

        watchdog.phase("run, then pause");
        robot.clickOn("#run-start");
        waitUntil(() -> fx(() -> session.live() != null));
        robot.clickOn("#run-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\u25b6 Resume", robot.lookup("#run-pause").queryAs(Button.class).getText());
        assertTrue(fx(ed::isLocked), "the editor is locked while the engine runs");
        assertTrue(robot.lookup("#palette-phone").query().isDisabled(), "the palette is disabled meanwhile");
        assertTrue(robot.lookup("#hud").query().isVisible());

        watchdog.phase("an edit is refused");
        int nodes = fx(() -> ed.topology().nodeCount());
        fx(() -> {
            ed.selectOnly(java.util.Set.of("n0"), java.util.Set.of());
            wb.window().run("edit.delete");
            return null;
        });
        assertEquals(nodes, (int) fx(() -> ed.topology().nodeCount()));
        String refused = fx(() -> vm.console().lines().get(vm.console().lines().size() - 1).text());
        assertTrue(refused.startsWith("Cannot delete") && refused.contains("locked"), refused);

        watchdog.phase("jump to round 5");
        fx(() -> {
            robot.lookup("#run-speed").queryAs(Slider.class).setValue(0.5 * org.edgeai.app.gui.run.PlaybackClock.SLIDER_FINITE);
            return null;
        });
        assertEquals("1 s on screen = 1 s simulated", robot.lookup("#run-speed-text").queryAs(Label.class).getText());
        Spinner<?> round = robot.lookup("#run-round").queryAs(Spinner.class);
        robot.doubleClickOn(round.getEditor()).write("5");
        robot.clickOn("#run-jump");
        waitUntil(() -> fx(() -> session.roundsShownProperty().get() == 5 && !runs.playingProperty().get()));
        assertEquals("round 5 / 8", robot.lookup("#hud-round").queryAs(Label.class).getText());
        double atRound5 = fx(() -> session.recording().rounds().get(4).timeS());
        assertEquals(atRound5, fx(() -> session.clock().cursor()), 0);

        watchdog.phase("step one event");
        robot.clickOn("#run-step");
        WaitForAsyncUtils.waitForFxEvents();
        double stepped = fx(() -> session.clock().cursor());
        assertEquals(fx(() -> session.recording().nextEventAfter(atRound5)), stepped, 0);
        assertTrue(stepped > atRound5);
        waitUntil(() -> fx(() -> vm.hud().bits() == session.recording().bitsAt(stepped)));
        String scrubbed = fx(() -> String.valueOf(wb.window().runControls().scrubber().getValue()));
        assertEquals(stepped, Double.parseDouble(scrubbed), 0, "the scrubber follows the cursor");

        watchdog.phase("scrub back");
        double[] back = fx(() -> {
            Slider s = wb.window().runControls().scrubber();
            double v = s.getMax() / 4;
            s.setValue(v); // what a drag does
            return new double[] {v, session.clock().cursor()};
        });
        assertEquals(back[0], back[1], 0, "the scrubber seeks");
        assertTrue(fx(() -> session.clock().isPaused()));

        watchdog.phase("as fast as possible to the end");
        fx(() -> {
            robot.lookup("#run-speed").queryAs(Slider.class).setValue(1);
            return null;
        });
        assertEquals("as fast as possible", robot.lookup("#run-speed-text").queryAs(Label.class).getText());
        robot.clickOn("#run-pause"); // resume
        waitUntil(() -> fx(() -> !session.isRunning() && session.clock().cursor() >= session.recording().frontier()));
        WaitForAsyncUtils.waitForFxEvents();
        Path runDir = runs.runDir();
        JsonNode sum = summary(runDir);
        assertEquals("completed", sum.get("status").asText());
        waitUntil(() -> fx(() -> vm.hud().bits() == sum.get("bits_sent").asLong()));
        assertTrue(robot.lookup("#hud-bits").queryAs(Label.class).getText().startsWith(sum.get("bits_sent").asLong() + " bits"));
        assertEquals("round 8 / 8", robot.lookup("#hud-round").queryAs(Label.class).getText());
        assertFalse(fx(ed::isLocked), "unlocked after the run");
        assertFalse(robot.lookup("#palette-phone").query().isDisabled());
        assertTrue(robot.lookup("#status-run").queryAs(Label.class).getText().contains("completed, 8/8 rounds"));
        assertTrue(robot.lookup("#run-cancel").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#run-start").queryAs(Button.class).isDisabled());

        watchdog.phase("save, and the command line runs the saved file");
        Path saved = dir.resolve("saved.json");
        prompts.files.add(saved);
        fx(() -> {
            vm.saveAs();
            return null;
        });
        waitUntil(() -> Files.isRegularFile(saved) && fx(() -> !ed.document().isDirty()));
        StringWriter out = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("run", saved.toString(), "--out", dir.resolve("cli").toString(), "--quiet");
        assertEquals(0, code, out.toString());
        assertEquals(summary(dir.resolve("cli")).get("fingerprint").asText(), sum.get("fingerprint").asText(),
                "a GUI run and `run` on the saved experiment give the same fingerprint");
        // The run folder reproduces itself too.
        code = WorkbenchCli.newCommandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("run", runDir.resolve("experiment.json").toString(), "--out", dir.resolve("cli2").toString(), "--quiet");
        assertEquals(0, code, out.toString());
        assertEquals(summary(dir.resolve("cli2")).get("fingerprint").asText(), sum.get("fingerprint").asText());
        assertEquals(List.of(), prompts.errors);
    }

    @Test
    void cancelMidRunEndsTheEngineWithin200msAndUnlocksTheEditor() throws Exception {
        Workbench wb = open(new ScriptedPrompts());
        var vm = wb.viewModel();
        var session = vm.runSession();
        TopologyEditorViewModel ed = vm.active();
        fx(() -> {
            setRounds(ed, 1_000_000);
            vm.runs().speedPositionProperty().set(1);
            return null;
        });
        watchdog.phase("a long run");
        robot.clickOn("#run-start");
        waitUntil(() -> fx(() -> session.live() != null && session.recording().rounds().size() >= 3));
        LiveRun run = fx(session::live);
        assertTrue(fx(ed::isLocked));
        assertFalse(robot.lookup("#run-cancel").queryAs(Button.class).isDisabled());

        watchdog.phase("cancel");
        Button cancel = robot.lookup("#run-cancel").queryAs(Button.class);
        long t0 = fx(() -> {
            long t = System.nanoTime();
            cancel.fire(); // the button's action, on the JavaFX thread
            return t;
        });
        // Waited for on a background thread, never on the JavaFX thread.
        double ms = CompletableFuture.supplyAsync(() -> {
            try {
                return run.join(5_000) ? (System.nanoTime() - t0) / 1e6 : Double.POSITIVE_INFINITY;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, background).get(10, TimeUnit.SECONDS);
        assertTrue(ms < 200, "the engine thread ended " + ms + " ms after the cancel");
        waitUntil(() -> fx(() -> !session.isRunning()));
        assertEquals(LiveRun.State.CANCELLED, fx(run::state));
        assertFalse(fx(ed::isLocked), "unlocked after the cancel");
        assertFalse(robot.lookup("#palette-phone").query().isDisabled());
        assertTrue(fx(() -> vm.console().lines().get(vm.console().lines().size() - 1).text()).startsWith("run cancelled after"));
        assertEquals("stopped", summary(run.dir()).get("status").asText());
    }
}
