package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;

import org.edgeai.app.cli.WorkbenchCli;
import org.edgeai.app.cli.Workspace;
import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.Workbench;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.vm.ChartsViewModel;
import org.edgeai.app.gui.vm.ScriptedPrompts;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
import org.edgeai.app.plot.PlotData;
import org.edgeai.app.plot.PlotOptions;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.RunPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import picocli.CommandLine;

/**
 * The Charts view in the workbench window (TestFX, headless Monocle): live runs played as fast as possible fill the
 * three small multiples (round 0 + one point a round), runs overlay with one legend entry each, the x axis and log
 * scales switch, the bar charts show the selected run, and the figure exported from the charts is byte for byte the
 * one {@code plot} draws from the same run folders. The {@link FxWatchdog} holds the JavaFX thread to 50 ms.
 */
class ChartsGuiTest {

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
        // A throwaway session first (not watched), so the watchdog measures a warm JVM, not the JIT compiling
        // JFreeChart, the software renderer and our classes on their first use.
        Workbench wb = open(tmp.resolve("warm-home"));
        Platform.runLater(() -> wb.viewModel().layout().switchTo("analyze"));
        for (String s : List.of("ring-16.json", "complete-8.json")) {
            play(wb, s, 3, tmp.resolve("warm-" + s));
        }
        ChartsView v = wb.window().chartsView();
        fx(() -> {
            wb.viewModel().charts().xAxisProperty().set(XAxisKind.BITS);
            wb.viewModel().charts().logYProperty(YMetric.LOSS).set(true);
            v.flush();
            for (String tab : List.of("#charts-tab-nodes", "#charts-tab-links", "#charts-tab-runs", "#charts-tab-metrics")) {
                ((javafx.scene.control.TabPane) wb.window().stage().getScene().lookup("#charts-tabs")).getTabs().stream()
                        .filter(t -> ("#" + t.getId()).equals(tab)).findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t));
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the Compare dialog and its progress view, once
        CompareDialog d = fx(() -> wb.window().openCompare()).get(60, TimeUnit.SECONDS);
        int before = fx(() -> wb.viewModel().charts().runs().size());
        fx(() -> {
            d.viewModel().axes().get(0).pathProperty().set("run.rounds");
            d.viewModel().axes().get(0).valuesProperty().set("1");
            return d.start();
        });
        waitUntil(() -> fx(() -> wb.viewModel().charts().runs().size() == before + 1 && v.isSettled()));
        fx(() -> {
            d.stage().hide();
            wb.window().stage().hide();
            return null;
        });
        FxToolkit.cleanupStages();
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

    static Workbench open(Path home) throws Exception {
        Workbench wb = FxToolkit.setupFixture((Callable<Workbench>) () -> {
            Workbench w = new Workbench(FakeRingGenerator.services(), new WorkbenchHome(home),
                    new UiExecutors(background, Platform::runLater), new ScriptedPrompts());
            w.window().setOnExit(() -> { });
            w.start(new Stage(), List.of());
            return w;
        });
        WaitForAsyncUtils.waitForFxEvents();
        wb.window().preloaded().get(60, TimeUnit.SECONDS);
        waitUntil(() -> !wb.viewModel().editors().isEmpty() || wb.viewModel().progressProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        return wb;
    }

    Workbench openWatched() throws Exception {
        watchdog.pause();
        Workbench wb = open(dir.resolve("home"));
        fx(() -> {
            wb.viewModel().layout().switchTo("analyze");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        watchdog.resume();
        return wb;
    }

    static RunPlan plan(String sample, int rounds) {
        Workspace ws = Workspace.standard();
        Path file = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").resolve(sample).normalize();
        return RunPlan.of(ExperimentFile.load(file, ws.generators(), List.of("run.rounds=" + rounds)), ws.registries());
    }

    /** Shows a run of {@code sample} in the session, as fast as possible, and waits until its lines are complete. */
    static LiveRun play(Workbench wb, String sample, int rounds, Path runDir) throws Exception {
        LiveRun run = new LiveRun(plan(sample, rounds), runDir, sample.replace(".json", ""));
        fx(() -> {
            wb.viewModel().runSession().clock().setAsFastAsPossible();
            run.start();
            wb.viewModel().runSession().show(run, null);
            return null;
        });
        ChartsViewModel charts = wb.viewModel().charts();
        waitUntil(() -> fx(() -> run.state() != LiveRun.State.RUNNING
                && charts.runs().stream().anyMatch(c -> c.live() == run && c.size() == rounds + 1)));
        return run;
    }

    static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** Points per line of metric y's chart as the chart holds them. */
    static List<Integer> points(ChartsView v, YMetric y) throws Exception {
        return fx(() -> v.chart(y).snapshot().series().stream().map(s -> s.size()).toList());
    }

    @Test
    void fiveRoundsLiveGiveSixPointsOnEachChart() throws Exception {
        Workbench wb = openWatched();
        ChartsView v = wb.window().chartsView();
        // a sample with run.rounds = 5, opened and run as a user does (Run > Run Experiment, as fast as possible)
        Path sample = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies/dsgd-topk-ring.json").normalize();
        com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(sample.toFile());
        e.putObject("run").put("rounds", 5);
        Path file = dir.resolve("ring-5.json");
        Files.writeString(file, e.toPrettyString());
        watchdog.phase("open the sample");
        fx(() -> {
            wb.viewModel().open(file);
            return null;
        });
        waitUntil(() -> fx(() -> wb.viewModel().active() != null && file.equals(wb.viewModel().active().document().path())));
        watchdog.phase("a live run of 5 rounds: run, pause, step, then as fast as possible");
        fx(() -> {
            wb.viewModel().runs().speedPositionProperty().set(0.3); // slow enough to pause in the first round
            wb.window().run("run.start");
            return null;
        });
        waitUntil(() -> fx(() -> wb.viewModel().runSession().live() != null
                && wb.viewModel().runSession().recording().frontier() > 0));
        fx(() -> {
            wb.window().run("run.pause");
            return null;
        });
        double paused = fx(() -> wb.viewModel().runSession().clock().cursor());
        assertTrue(fx(() -> wb.viewModel().runSession().clock().isPaused()));
        waitUntil(() -> fx(() -> !Double.isNaN(wb.viewModel().runSession().recording().nextEventAfter(paused))));
        double next = fx(() -> wb.viewModel().runSession().recording().nextEventAfter(paused));
        fx(() -> {
            wb.window().run("run.stepEvent");
            return null;
        });
        assertEquals(next, (double) fx(() -> wb.viewModel().runSession().clock().cursor()), 0, "Step moves to the next event");
        fx(() -> {
            wb.viewModel().runs().speedPositionProperty().set(1.0); // as fast as possible
            wb.window().run("run.pause"); // resume
            return null;
        });
        waitUntil(() -> fx(() -> wb.viewModel().runSession().live().state() != LiveRun.State.RUNNING
                && wb.viewModel().runSession().clock().cursor() >= wb.viewModel().runSession().recording().frontier()));
        LiveRun run = fx(() -> wb.viewModel().runSession().live());
        assertEquals(LiveRun.State.COMPLETED, run.state());
        long bitsSent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.dir().resolve("summary.json").toFile())
                .get("bits_sent").asLong();
        waitUntil(() -> fx(() -> wb.viewModel().hud().bits() == bitsSent));
        assertTrue(bitsSent > 0);
        // the frame timer takes the last points within a repaint period
        waitUntil(() -> points(v, YMetric.LOSS).equals(List.of(6)) && points(v, YMetric.ACCURACY).equals(List.of(6))
                && points(v, YMetric.CONSENSUS_ERROR).equals(List.of(6)));
        PlotData loss = fx(() -> v.chart(YMetric.LOSS).snapshot());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, loss.series().get(0).xs(), "round 0 (initial state) + 5 rounds");
        assertEquals(fx(() -> wb.viewModel().charts().plotData(YMetric.LOSS).series()), loss.series(),
                "the chart holds the view model's line");
        assertEquals(1, fx(() -> v.chart(YMetric.LOSS).chart().getXYPlot().getLegendItems()
                .getItemCount()));
        waitUntil(() -> fx(v::isSettled));
        for (YMetric y : ChartsViewModel.METRICS) {
            javafx.scene.image.Image img = fx(() -> v.image(y));
            assertNotNull(img, "the chart of " + y + " is drawn");
            assertTrue(img.getWidth() > 100 && img.getHeight() > 60, img.getWidth() + " x " + img.getHeight());
        }

        watchdog.phase("bits per node and link utilisation");
        robot.clickOn("#charts-tab-nodes .tab-label");
        waitUntil(() -> fx(() -> v.isSettled() && v.nodeBitsChart() != null));
        CategoryPlot nodes = fx(() -> v.nodeBitsChart().getCategoryPlot());
        assertEquals(16, nodes.getDataset().getColumnCount(), "one bar per node of the ring of 16");
        robot.clickOn("#charts-tab-links .tab-label");
        waitUntil(() -> fx(() -> v.isSettled() && v.linkUseChart() != null));
        CategoryPlot links = fx(() -> v.linkUseChart().getCategoryPlot());
        assertEquals(16, links.getDataset().getColumnCount(), "a ring of 16 has 16 links");
        double first = links.getDataset().getValue(0, 0).doubleValue();
        double last = links.getDataset().getValue(0, 15).doubleValue();
        assertTrue(first >= last && first > 0, "sorted from the busiest link");
        robot.clickOn("#charts-tab-metrics .tab-label");
    }

    @Test
    void threeRunsOverlayAndTheExportIsWhatPlotWrites() throws Exception {
        Workbench wb = openWatched();
        ChartsView v = wb.window().chartsView();
        ChartsViewModel charts = wb.viewModel().charts();
        watchdog.phase("three runs");
        List<Path> dirs = new ArrayList<>();
        List<String> labels = List.of("ring-16", "erdos-renyi-20", "complete-8");
        for (String s : labels) {
            Path d = dir.resolve(s);
            play(wb, s + ".json", 4, d);
            dirs.add(d);
        }
        waitUntil(() -> fx(v::isSettled) && points(v, YMetric.LOSS).equals(List.of(5, 5, 5))
                && points(v, YMetric.ACCURACY).equals(List.of(5, 5, 5))
                && points(v, YMetric.CONSENSUS_ERROR).equals(List.of(5, 5, 5)));
        for (YMetric y : ChartsViewModel.METRICS) {
            assertEquals(3, (int) fx(() -> v.chart(y).chart().getXYPlot().getLegendItems().getItemCount()),
                    "one legend entry per run on the chart of " + y);
            assertEquals(labels, fx(() -> v.chart(y).snapshot().series().stream().map(s -> s.label()).toList()));
        }
        assertEquals(3, (int) fx(() -> charts.rows().size()));

        watchdog.phase("x axis and log scale");
        robot.clickOn("#charts-x-bits");
        waitUntil(() -> fx(v::isSettled));
        assertEquals(XAxisKind.BITS, charts.xAxisProperty().get());
        assertTrue(fx(() -> v.chart(YMetric.ACCURACY).chart().getXYPlot().getDomainAxis().getLabel()).startsWith("Bits sent"));
        assertEquals(fx(() -> charts.runs().get(2).x(XAxisKind.BITS, 4)),
                fx(() -> v.chart(YMetric.ACCURACY).snapshot().series().get(2).x(4)));
        robot.clickOn("#charts-log-loss");
        waitUntil(() -> fx(v::isSettled));
        assertTrue(fx(() -> v.chart(YMetric.LOSS).chart().getXYPlot().getRangeAxis() instanceof LogAxis));
        robot.clickOn("#charts-log-consensus_error");
        waitUntil(() -> fx(v::isSettled));
        assertTrue(fx(() -> v.chart(YMetric.CONSENSUS_ERROR).chart().getXYPlot().getRangeAxis() instanceof LogAxis));

        watchdog.phase("export and plot");
        for (YMetric y : ChartsViewModel.METRICS) {
            Path gui = dir.resolve("gui-" + y.id() + ".svg");
            CompletableFuture<String> done = new CompletableFuture<>();
            fx(() -> {
                charts.exportInBackground(y, PlotOptions.defaults(), gui, p -> done.complete(p == null ? "" : p));
                return null;
            });
            assertEquals("", done.get(60, TimeUnit.SECONDS));
            Path cli = dir.resolve("cli-" + y.id() + ".svg");
            List<String> args = new ArrayList<>(List.of("plot"));
            dirs.forEach(d -> args.add(d.toString()));
            args.addAll(List.of("--y", y.id(), "--x", "bits", "--out", cli.toString()));
            labels.forEach(l -> args.addAll(List.of("--label", l)));
            if (y != YMetric.ACCURACY) {
                args.add("--logy");
            }
            assertEquals(0, new CommandLine(new WorkbenchCli()).execute(args.toArray(String[]::new)));
            assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(gui),
                    "the charts' SVG of " + y + " is the file `plot` writes from the same runs");
        }

        watchdog.phase("remove a run");
        fx(() -> {
            charts.remove(charts.runs().get(1));
            return null;
        });
        waitUntil(() -> fx(v::isSettled));
        assertEquals(List.of("ring-16", "complete-8"),
                fx(() -> v.chart(YMetric.LOSS).snapshot().series().stream().map(s -> s.label()).toList()));
        assertEquals(2, (int) fx(() -> wb.viewModel().runSession().runs().size()));
        assertNull(fx(() -> charts.runs().stream().filter(c -> c.label().equals("erdos-renyi-20")).findFirst().orElse(null)));
        assertNotNull(fx(() -> v.chart(YMetric.LOSS)));
    }

    @Test
    void compareRunsASweepInTheBackgroundAndOverlaysItsRuns() throws Exception {
        Workbench wb = openWatched();
        ChartsView v = wb.window().chartsView();
        ChartsViewModel charts = wb.viewModel().charts();
        assertNotNull(wb.viewModel().active(), "the default sample is open");
        watchdog.pause(); // a new top-level window is built (excluded, as in WorkbenchGuiTest)
        CompareDialog d = fx(() -> wb.window().openCompare()).get(60, TimeUnit.SECONDS);
        assertNotNull(d);
        WaitForAsyncUtils.waitForFxEvents();
        watchdog.resume();
        watchdog.phase("choose the grid");
        fx(() -> {
            d.viewModel().axes().get(0).pathProperty().set("run.rounds");
            return null;
        });
        robot.clickOn("#compare-values-1").eraseText(40).write("1, 2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(d.viewModel().summaryProperty().get().startsWith("2 runs"), d.viewModel().summaryProperty().get());
        watchdog.phase("run the sweep");
        robot.clickOn("#compare-run");
        waitUntil(() -> fx(() -> charts.runs().size() == 2 && v.isSettled()));
        assertEquals(List.of("rounds=1", "rounds=2"), fx(() -> v.chart(YMetric.LOSS).snapshot().series().stream()
                .map(s -> s.label()).toList()));
        assertEquals(List.of(2, 3), points(v, YMetric.LOSS), "round 0 and the rounds of each point");
        assertTrue(Files.isRegularFile(d.viewModel().sweepDir().resolve("index.csv")));
        assertTrue(fx(() -> robot.lookup("#compare-result").queryLabeled().getText()).startsWith("2 runs added"));
    }
}
