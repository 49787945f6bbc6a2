package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.cli.WorkbenchCli;
import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.Workbench;
import org.edgeai.app.gui.vm.ScriptedPrompts;
import org.edgeai.app.gui.vm.SplitViewModel;
import org.edgeai.app.gui.vm.TimelineViewModel;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
import org.edgeai.model.pipeline.split.SplitInference;
import org.edgeai.model.pipeline.split.SplitSpec;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Timeline and Split inference views driven in the window (TestFX, headless Monocle): a GPipe pipeline run from
 * the GUI shows the command line's bubble fraction; a click on the timeline moves the cursor; the split chart's
 * bandwidth slider moves the best cut where {@link SplitInference} says. The {@link FxWatchdog} keeps the JavaFX
 * thread's blocks of work under the workbench's budget meanwhile.
 */
class TimelineGuiTest {

    static final Path GPIPE = Path.of("../sample-topologies/pipeline-vgg16-4dev-gpipe.json").toAbsolutePath().normalize();
    static final Path SPLIT = Path.of("../sample-topologies/split-phone-edge-alexnet.json").toAbsolutePath().normalize();
    static ExecutorService background;

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    FxWatchdog watchdog;

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
     * A throwaway session before the tests (not watched), as in WorkbenchGuiTest: both samples opened and run once,
     * so the watchdog measures the views in a warm JVM rather than the JIT compiling them on first use.
     */
    static void warmUp(Path tmp) throws Exception {
        for (Path file : List.of(GPIPE, SPLIT)) {
            Workbench wb = start(tmp.resolve("warm-" + file.getFileName()), file);
            fx(() -> {
                wb.viewModel().pipelineRun().run(wb.viewModel().active());
                return null;
            });
            waitUntil(() -> !wb.viewModel().pipelineRun().busyProperty().get());
            for (int i = 0; i < 10; i++) {
                WaitForAsyncUtils.waitForFxEvents();
            }
            FxToolkit.cleanupStages();
        }
    }

    static Workbench start(Path home, Path file) throws Exception {
        Workbench wb = FxToolkit.setupFixture((Callable<Workbench>) () -> {
            Workbench w = new Workbench(FakeRingGenerator.services(), new WorkbenchHome(home),
                    new UiExecutors(background, Platform::runLater), new ScriptedPrompts());
            w.window().setOnExit(() -> { });
            w.start(new Stage(), List.of());
            return w;
        });
        wb.window().preloaded().get(60, TimeUnit.SECONDS);
        fx(() -> {
            wb.viewModel().open(file);
            return null;
        });
        waitUntil(() -> wb.viewModel().active() != null && file.equals(wb.viewModel().active().document().path()));
        new FxRobot().clickOn("#perspective-pipeline");
        WaitForAsyncUtils.waitForFxEvents();
        return wb;
    }

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }

    @BeforeEach
    void arm() throws Exception {
        watchdog = new FxWatchdog().start();
        watchdog.pause();
    }

    @AfterEach
    void check() throws Exception {
        watchdog.close();
        FxToolkit.cleanupStages();
        watchdog.assertWithinBudget();
    }

    /** A workbench with {@code file} open in the Pipeline perspective; the watchdog is paused meanwhile. */
    Workbench open(Path file) throws Exception {
        return start(dir.resolve("home"), file);
    }

    static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** The {@code pipeline} command's output for a file, run in-process. */
    String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WorkbenchCli.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    @Test
    void aGpipeRunFromTheGuiShowsTheCommandLinesBubbleFractionAndAClickMovesTheCursor() throws Exception {
        Workbench wb = open(GPIPE);
        watchdog.resume();
        TopologyEditorViewModel ed = wb.viewModel().active();
        fx(() -> {
            wb.viewModel().pipelineRun().run(ed);
            return null;
        });
        waitUntil(() -> wb.viewModel().pipelineRun().current() != null);
        Label bubble = robot.lookup("#timeline-bubble").queryAs(Label.class);
        waitUntil(() -> !bubble.getText().isEmpty());

        String out = cli("pipeline", GPIPE.toString(), "--out", dir.resolve("cli").toString());
        Matcher m = Pattern.compile("bubble fraction [0-9.]+").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(m.group(), bubble.getText(), "the Timeline prints the command line's bubble fraction");
        double fromSummary = new ObjectMapper().readTree(dir.resolve("cli/summary.json").toFile())
                .get("bubble_fraction").asDouble();
        assertEquals(fromSummary, wb.viewModel().pipelineRun().current().result().bubbleFraction(), 0);
        Label summary = robot.lookup("#timeline-summary").queryAs(Label.class);
        assertTrue(out.contains(summary.getText()), out + " / " + summary.getText());

        // the chart is painted: micro-batch 0's colour (forward blocks) is on the canvas
        TimelineView view = wb.window().timelineView();
        Canvas canvas = view.canvas();
        watchdog.pause(); // a snapshot of the whole canvas is a test's cost, not the view's
        WritableImage img = fx(() -> canvas.snapshot(null, null));
        watchdog.resume();
        PixelReader px = img.getPixelReader();
        int hits = 0;
        for (int y = 0; y < (int) img.getHeight(); y += 2) {
            for (int x = (int) TimelineView.LABEL_W; x < (int) img.getWidth(); x += 2) {
                if (px.getArgb(x, y) == toArgb(TimelineView.PALETTE[0])) {
                    hits++;
                }
            }
        }
        assertTrue(hits > 20, "forward blocks of micro-batch 0 drawn: " + hits);

        // a click on the timeline puts the cursor at the time under it
        fx(() -> {
            wb.viewModel().runSession().pause();
            return null;
        });
        TimelineViewModel tl = wb.viewModel().timeline();
        double x = 300;
        Point2D p = fx(() -> canvas.localToScreen(TimelineView.LABEL_W + x, TimelineView.AXIS_H + 10));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = fx(() -> tl.timeAt(x));
        double cursor = fx(() -> wb.viewModel().runSession().clock().cursor());
        assertEquals(expected, cursor, 2 * tl.secondsPerPixel(), "cursor at the clicked time");
        assertTrue(cursor > 0);
    }

    private static int toArgb(javafx.scene.paint.Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void theSplitChartsBandwidthSliderMovesTheBestCutWhereTheModelSays() throws Exception {
        Workbench wb = open(SPLIT);
        watchdog.resume();
        TopologyEditorViewModel ed = wb.viewModel().active();
        fx(() -> {
            wb.viewModel().pipelineRun().run(ed);
            return null;
        });
        waitUntil(() -> robot.lookup("#split-best").tryQuery().isPresent());
        Label best = robot.lookup("#split-best").queryAs(Label.class);
        waitUntil(() -> !best.getText().isEmpty());
        Slider slider = robot.lookup("#split-bandwidth").queryAs(Slider.class);

        SplitSpec spec = SplitSpec.parse(new ObjectMapper().valueToTree(ed.document().settings().section("split")), "split");
        Topology t = ed.topology();
        var base = SplitInference.run(spec, t);
        for (double mbps : new double[] {0.5, 10, 1000}) {
            double pos = SplitViewModel.positionOf(mbps);
            fx(() -> {
                slider.setValue(pos);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            var rows = SplitInference.evaluate(base.model(), SplitInference.withRouteBandwidth(t, base.route(),
                    SplitViewModel.mbpsAt(pos)), base.route(), spec);
            int cut = SplitInference.best(rows).cutAfterLayer();
            assertTrue(best.getText().startsWith("best: cut after layer " + cut + " ("), mbps + " Mbit/s: " + best.getText());
            assertEquals(cut, wb.viewModel().split().bestCut());
        }
        // and with the mouse and keyboard: grab the thumb, End: 10 Gbit/s sends the raw input
        robot.clickOn(slider.lookup(".thumb"));
        robot.push(javafx.scene.input.KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(slider.getValue() > 0.9, "slider at " + slider.getValue());
        assertTrue(best.getText().startsWith("best: cut after layer 0 (input)"), best.getText());
    }
}
