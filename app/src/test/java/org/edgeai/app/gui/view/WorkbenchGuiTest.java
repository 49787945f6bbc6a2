package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.Workbench;
import org.edgeai.app.gui.layout.StackPosition;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.vm.ScriptedPrompts;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
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
 * The workbench window driven like a user (TestFX, headless Monocle): palette, canvas, properties, undo,
 * generate, save and reopen; perspectives and layout persistence; the dirty prompt; recovery after a
 * crash. A watchdog ({@link FxWatchdog}) asserts that no block of work on the JavaFX thread exceeds 50 ms
 * while the tests act; building a new top-level window (the workbench itself, a detached view's window) is
 * excluded, and a throwaway warm-up session runs first so the figures are those of a warm JVM.
 */
class WorkbenchGuiTest {

    static ExecutorService background;

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    FxWatchdog watchdog;

    @BeforeAll
    static void toolkit(@TempDir Path tmp) throws Exception {
        // A smaller headless screen: Monocle composes every frame into it on the JavaFX thread.
        System.setProperty("headless.geometry", "1200x800-32");
        FxToolkit.registerPrimaryStage();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
        warmUpSession(tmp);
    }

    /**
     * A throwaway session before the tests (not watched): it runs the code paths the tests use once, so the
     * watchdog measures the workbench in steady state rather than the JIT compiling the toolkit, the
     * software renderer and our classes on their first use.
     */
    static void warmUpSession(Path tmp) throws Exception {
        FxRobot robot = new FxRobot();
        ScriptedPrompts prompts = new ScriptedPrompts();
        Workbench wb = FxToolkit.setupFixture((Callable<Workbench>) () -> {
            Workbench w = new Workbench(FakeRingGenerator.services(), new WorkbenchHome(tmp.resolve("warm-home")),
                    new UiExecutors(background, Platform::runLater), prompts);
            w.window().setOnExit(() -> { });
            w.start(new Stage(), List.of());
            return w;
        });
        wb.window().preloaded().get(60, TimeUnit.SECONDS);
        waitUntil(() -> wb.viewModel().active() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TopologyCanvasView canvas = wb.window().editorArea().activeCanvas();
        for (int round = 0; round < 2; round++) {
            robot.clickOn("#palette-phone");
            robot.clickOn(canvas.localToScreen(40 + 30 * round, 40));
            robot.clickOn("#palette-select");
            robot.moveTo(canvas).moveBy(30, 20).moveBy(-60, -40);
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            robot.push(KeyCode.CONTROL, KeyCode.Y);
            robot.push(KeyCode.CONTROL, KeyCode.A);
            robot.clickOn(canvas.localToScreen(5, 5));
            for (String p : List.of("run", "analyze", "design")) {
                robot.clickOn("#perspective-" + p);
            }
            robot.push(KeyCode.F1);
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane help = robot.lookup("#shortcuts-dialog").query();
            robot.clickOn(help.lookupButton(ButtonType.CLOSE));
            robot.push(KeyCode.CONTROL, KeyCode.N);
            WaitForAsyncUtils.waitForFxEvents();
            canvas = wb.window().editorArea().activeCanvas();
        }
        fx(() -> {
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

    /** Builds and shows a workbench on the test's home; the watchdog is paused while the window is built. */
    Workbench open(ScriptedPrompts prompts) throws Exception {
        watchdog.pause();
        Workbench wb = FxToolkit.setupFixture((Callable<Workbench>) () -> {
            Workbench w = new Workbench(FakeRingGenerator.services(), new WorkbenchHome(dir.resolve("home")),
                    new UiExecutors(background, Platform::runLater), prompts);
            w.window().setOnExit(() -> { });
            w.start(new Stage(), List.of());
            return w;
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("preloaded classes: " + wb.window().preloaded().get(60, TimeUnit.SECONDS));
        waitUntil(() -> !wb.viewModel().editors().isEmpty() || wb.viewModel().progressProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        watchdog.resume();
        return wb;
    }

    static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    Point2D onCanvas(TopologyCanvasView canvas, double x, double y) {
        return canvas.localToScreen(x, y);
    }

    Point2D nodeOnScreen(TopologyCanvasView canvas, String id) throws Exception {
        Point2D p = fx(() -> canvas.screenOf(id));
        return canvas.localToScreen(p);
    }

    /** The property sheet's editor in the row labelled {@code name}. */
    TextField propertyField(String name) {
        Label l = robot.lookup("#properties-sheet .label").match((Label x) -> name.equals(x.getText())).query();
        GridPane g = (GridPane) l.getParent();
        Integer row = GridPane.getRowIndex(l);
        return (TextField) g.getChildren().stream()
                .filter(n -> row.equals(GridPane.getRowIndex(n)) && Integer.valueOf(1).equals(GridPane.getColumnIndex(n)))
                .findFirst().orElseThrow();
    }

    /**
     * Fires an item of a view tab's context menu. (Monocle's headless platform does not turn a right click
     * into a context-menu request, so the menu is reached through the tab; the item's action is the real one.)
     */
    void tabMenu(String stack, String tabId, String itemId) throws Exception {
        TabPane tp = robot.lookup(stack).queryAs(TabPane.class);
        fx(() -> {
            var tab = tp.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
            tab.getContextMenu().getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void addLinkEditUndoGenerateSaveAndReopen() throws Exception {
        ScriptedPrompts prompts = new ScriptedPrompts();
        Workbench wb = open(prompts);
        var vm = wb.viewModel();
        assertEquals("edge-campus", vm.active().document().settings().name(), "a first start opens the default sample");

        watchdog.phase("new experiment");
        robot.clickOn("#tool-file-new");
        TopologyEditorViewModel ed = vm.active();
        assertEquals(0, ed.topology().nodeCount());
        TopologyCanvasView canvas = wb.window().editorArea().activeCanvas();

        watchdog.phase("drag from the palette");
        robot.drag("#palette-phone", MouseButton.PRIMARY).moveTo(onCanvas(canvas, 200, 150)).release(MouseButton.PRIMARY);
        robot.drag("#palette-server", MouseButton.PRIMARY).moveTo(onCanvas(canvas, 420, 260)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("n0", "n1"), ed.topology().nodes().stream().map(org.edgeai.model.topology.Node::id).toList());
        assertEquals("phone", ed.topology().node("n0").label());
        assertEquals(org.edgeai.model.topology.NodeKind.SERVER, ed.topology().node("n1").kind());

        watchdog.phase("link tool");
        robot.clickOn("#palette-link");
        robot.drag(nodeOnScreen(canvas, "n0"), MouseButton.PRIMARY).moveTo(nodeOnScreen(canvas, "n1")).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ed.topology().hasLink("n0", "n1"));

        watchdog.phase("edit a property");
        robot.clickOn("#palette-select");
        robot.clickOn(nodeOnScreen(canvas, "n0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.Set.of("n0"), ed.selectedNodes());
        robot.clickOn("#tab-properties");
        WaitForAsyncUtils.waitForFxEvents();
        TextField compute = propertyField("Compute (GFLOP/s)");
        assertEquals("10", compute.getText());
        robot.doubleClickOn(compute).push(KeyCode.CONTROL, KeyCode.A).write("42").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42.0, ed.topology().node("n0").computeGflops());
        assertEquals("Set compute of n0", ed.document().undoNameProperty().get());

        watchdog.phase("undo and redo");
        robot.clickOn(nodeOnScreen(canvas, "n0")); // focus out of the text field: Ctrl+Z is the document's again
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10.0, ed.topology().node("n0").computeGflops());
        assertEquals("10", propertyField("Compute (GFLOP/s)").getText(), "the sheet follows undo");
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42.0, ed.topology().node("n0").computeGflops());

        // The dialog's first showing: JavaFX creates its window and runs a CSS pass over it on this thread (the
        // workbench styles the dialog while it starts, but showing a window re-styles it).
        watchdog.phase("open the generate dialog", 2 * FxWatchdog.BUDGET_MS);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        watchdog.phase("generate a ring");
        DialogPane gen = robot.lookup("#generate-dialog").query();
        TextField nodes = robot.lookup("#gen-nodes").query();
        robot.doubleClickOn(nodes).push(KeyCode.CONTROL, KeyCode.A).write("12");
        robot.clickOn(gen.lookupButton(GenerateDialog.GENERATE));
        waitUntil(() -> ed.topology().nodeCount() == 12);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, ed.topology().linkCount());
        assertTrue(robot.lookup("#generate-dialog").tryQuery().isEmpty(), "the dialog closes once the graph is applied");
        watchdog.phase("undo and redo the ring");
        robot.clickOn(canvas);
        robot.push(KeyCode.CONTROL, KeyCode.Z); // generate is one edit
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ed.topology().nodeCount());
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, ed.topology().nodeCount());

        watchdog.phase("save");
        Path file = dir.resolve("ring.json");
        prompts.files.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !ed.document().isDirty());
        assertTrue(Files.isRegularFile(file));
        Topology saved = fx(() -> ed.topology().copy());
        var settings = ed.document().settings();

        watchdog.phase("close and reopen");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.editors().contains(ed), "a saved experiment closes without a question");
        prompts.files.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitUntil(() -> vm.active() != null && file.equals(vm.active().document().path()));
        assertEquals(saved, vm.active().topology());
        assertEquals(settings, vm.active().document().settings());
        assertEquals("ring.json", ((TabPane) robot.lookup("#editor-tabs").query()).getSelectionModel().getSelectedItem().getText());
        assertEquals(List.of(), prompts.errors);
    }

    @Test
    void perspectivesSwitchAndTheLayoutSurvivesARestart() throws Exception {
        Workbench wb = open(new ScriptedPrompts());
        watchdog.phase("switch perspective");
        robot.clickOn("#perspective-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("run", wb.viewModel().layout().activeId());
        // the switch re-renders the stacks on a later pulse under load: wait for it rather than race it
        waitUntil(() -> robot.lookup("#stack-bottom #tab-charts").tryQuery().isPresent()); // Run shows the charts
        waitUntil(() -> robot.lookup("#tab-palette").tryQuery().isEmpty()); // Run has no palette

        watchdog.phase("move a view");
        tabMenu("#stack-bottom", "tab-console", "move-console-left");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#stack-left #tab-console").tryQuery().isPresent());

        watchdog.phase("detach and re-attach");
        watchdog.pause(); // building a new window is excluded, as for the main window
        tabMenu("#stack-right", "tab-spectrum", "detach-spectrum");
        WaitForAsyncUtils.waitForFxEvents();
        watchdog.resume();
        WaitForAsyncUtils.waitForFxEvents();
        Stage detached = wb.window().renderer().detachedWindows().get(ViewId.SPECTRUM);
        assertNotNull(detached);
        assertTrue(detached.isShowing());
        assertTrue(robot.lookup("#tab-spectrum").tryQuery().isEmpty());
        fx(() -> {
            detached.close();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(StackPosition.RIGHT), wb.viewModel().layout().active().stackOf(ViewId.SPECTRUM));

        watchdog.phase("resize and quit");
        fx(() -> {
            wb.window().stage().setWidth(1111);
            wb.window().stage().setHeight(777);
            return null;
        });
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.window().stage().isShowing());

        Workbench again = open(new ScriptedPrompts());
        watchdog.phase("after restart");
        assertEquals("run", again.viewModel().layout().activeId());
        assertTrue(robot.lookup("#stack-left #tab-console").tryQuery().isPresent(), "the moved view is where it was left");
        assertEquals(1111, again.window().stage().getWidth(), 1);
        assertEquals(777, again.window().stage().getHeight(), 1);
        assertTrue(robot.lookup("#perspective-run").queryAs(javafx.scene.control.ToggleButton.class).isSelected());

        // Resetting moves every view back into its default stack: JavaFX re-styles each re-parented subtree (its CSS
        // pass over most of the window, on this thread), as at a window's first showing.
        watchdog.phase("reset perspective", 2 * FxWatchdog.BUDGET_MS);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#stack-bottom #tab-console").tryQuery().isPresent(), "reset puts the console back");
        robot.clickOn("#perspective-design");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tab-palette").tryQuery().isPresent());
    }

    @Test
    void closingWithUnsavedChangesAsks() throws Exception {
        Workbench wb = open(null); // the real dialogs
        var vm = wb.viewModel();
        TopologyEditorViewModel ed = vm.active();
        TopologyCanvasView canvas = wb.window().editorArea().activeCanvas();
        watchdog.phase("edit");
        robot.clickOn("#palette-drone");
        robot.clickOn(onCanvas(canvas, 60, 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ed.document().isDirty());
        assertTrue(((TabPane) robot.lookup("#editor-tabs").query()).getTabs().get(0).getText().endsWith("*"));

        watchdog.phase("close: cancel");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane prompt = robot.lookup("#save-prompt").query();
        assertTrue(prompt.getContentText().contains("edge-campus"), prompt.getContentText());
        robot.clickOn(prompt.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.editors().contains(ed));

        watchdog.phase("close: don't save");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        prompt = robot.lookup("#save-prompt").query();
        robot.clickOn(prompt.lookupButton(FxPrompts.DONT_SAVE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.editors().contains(ed));
        assertTrue(vm.editors().isEmpty());
    }

    @Test
    void afterASimulatedCrashTheNextStartRestoresTheWork() throws Exception {
        ScriptedPrompts prompts = new ScriptedPrompts();
        Workbench first = open(prompts);
        TopologyEditorViewModel ed = first.viewModel().active();
        TopologyCanvasView canvas = first.window().editorArea().activeCanvas();
        watchdog.phase("edit");
        robot.clickOn("#palette-vehicle");
        robot.clickOn(onCanvas(canvas, 80, 80));
        WaitForAsyncUtils.waitForFxEvents();
        Topology edited = fx(() -> ed.topology().copy());
        watchdog.phase("autosave");
        fx(() -> {
            first.viewModel().autosave(); // what the 30 s timer does
            return null;
        });
        Path recovery = dir.resolve("home/recovery");
        waitUntil(() -> Files.isDirectory(recovery) && Files.list(recovery).anyMatch(p -> p.toString().endsWith(".properties")));
        // The crash: the window disappears without the workbench ending its session.
        fx(() -> {
            first.window().stage().hide();
            return null;
        });

        Workbench second = open(prompts);
        watchdog.phase("restored");
        waitUntil(() -> second.viewModel().active() != null && second.viewModel().active().document().isDirty());
        assertEquals(List.of("restore? [edge-campus]"), prompts.asked);
        assertEquals(1, second.viewModel().editors().size());
        assertEquals(edited, second.viewModel().active().topology());
        assertEquals("edge-campus*", ((TabPane) robot.lookup("#editor-tabs").query()).getTabs().get(0).getText());
    }

    @Test
    void helpListsEveryShortcut() throws Exception {
        open(new ScriptedPrompts());
        watchdog.phase("help");
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane help = robot.lookup("#shortcuts-dialog").query();
        String text = ((javafx.scene.control.TextArea) help.getContent()).getText();
        for (var c : org.edgeai.app.gui.vm.CommandCatalog.all()) {
            assertTrue(text.contains(c.label()), c.label());
        }
        robot.clickOn(help.lookupButton(ButtonType.CLOSE));
        Node n = robot.lookup("#menubar").query();
        assertNotNull(n);
    }
}
