package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.AnimationOptions;
import org.edgeai.app.gui.vm.ConsoleViewModel;
import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.app.gui.vm.TopologyClipboard;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas animating a recording that is not a live run (as a pipeline's would be), headless: frames keep
 * coming while the cursor moves, the transfer is drawn in its kind's colour where its progress puts it, the
 * animation menu shows only for the session's editor, and an export through the canvas writes its frames.
 */
class CanvasAnimationGuiTest {

    @TempDir
    Path dir;
    TopologyCanvasView canvas;
    TopologyEditorViewModel vm;
    RunSession session;
    FxWatchdog watchdog;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        // A workbench left by another test class in this JVM may still fire its autosave into that class's
        // shut-down executor; such a foreign failure on the JavaFX thread is not this test's (our checks are
        // pixel and state assertions, not exception capture).
        WaitForAsyncUtils.autoCheckException = false;
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        WaitForAsyncUtils.autoCheckException = true;
        WaitForAsyncUtils.clearExceptions();
    }

    @AfterEach
    void close() throws Exception {
        if (watchdog != null) {
            watchdog.close();
        }
        FxToolkit.cleanupStages();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }

    /** Two devices 400 apart and one activation of 1 Mbit from n0 to n1 taking 10 s; n1 computes from 2 s to 6 s. */
    void show() throws Exception {
        TopologyDefaults d = TopologyDefaults.standard();
        Topology t = new Topology();
        t.putNode(Node.of("n0", NodeKind.SERVER, d).withPosition(0, 0));
        t.putNode(Node.of("n1", NodeKind.SERVER, d).withPosition(400, 0));
        t.putLink(new Link("n0", "n1", 100, 5, null));
        RunRecording rec = new RunRecording(2, 1);
        rec.add(new SimEvent.HopStarted(0, MessageKind.ACTIVATION, 0, 1, 1_000_000, 0, 0, 10, 0));
        rec.add(new SimEvent.ComputeStarted(1, 0, 1e9, 2, 6));
        rec.add(new SimEvent.RoundFinished(new org.edgeai.model.engine.trace.RoundMetrics(0, 10, 1, 1_000_000, 1, 1_000_000, 4,
                java.util.Map.of("loss", 1.0))));
        FxToolkit.setupFixture(() -> {
            EditorDocument doc = new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("anim"), t), null);
            vm = new TopologyEditorViewModel(doc, UiExecutors.synchronous(), new ConsoleViewModel(), new TopologyClipboard());
            vm.gridVisibleProperty().set(false);
            canvas = new TopologyCanvasView(vm, new PaletteDrag());
            session = new RunSession();
            canvas.attachRun(session, new AnimationOptions());
            Stage stage = new Stage();
            stage.setScene(new Scene(canvas, 640, 360));
            stage.show();
            session.showRecording(rec, vm);
            session.pause();
        });
        WaitForAsyncUtils.waitForFxEvents();
        watchdog = new FxWatchdog().start();
    }

    /** Seeks, then waits for the frame of that cursor to be shown. */
    void seekAndWait(double t) throws Exception {
        fx(() -> {
            session.seek(t);
            return null;
        });
        waitUntil(() -> fx(canvas::lastPresentedCursor) == t);
    }

    int pixel(Point2D p) throws Exception {
        watchdog.pause(); // a snapshot of the scene is test work, not the canvas's
        try {
            return fx(() -> {
                WritableImage img = canvas.snapshot(null, null);
                return img.getPixelReader().getArgb((int) Math.round(p.getX()), (int) Math.round(p.getY()));
            });
        } finally {
            watchdog.resume();
        }
    }

    static boolean near(int argb, int rgb) {
        int dr = Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF));
        int dg = Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF));
        int db = Math.abs((argb & 0xFF) - (rgb & 0xFF));
        return dr + dg + db < 24;
    }

    @Test
    void theTransferIsDrawnInItsKindsColourWhereItsProgressPutsIt() throws Exception {
        show();
        Point2D a = fx(() -> canvas.screenOf("n0"));
        Point2D b = fx(() -> canvas.screenOf("n1"));
        Point2D mid = a.midpoint(b);
        Point2D quarter = new Point2D(a.getX() + (b.getX() - a.getX()) * 0.25, a.getY());
        int purple = RunOverlay.kindRgb(MessageKind.ACTIVATION);
        seekAndWait(5);
        assertTrue(near(pixel(mid), purple), "half way at t = 5 s: " + Integer.toHexString(pixel(mid)));
        assertFalse(near(pixel(quarter), purple), "nothing a quarter of the way");
        seekAndWait(2.5);
        assertTrue(near(pixel(quarter), purple), "a quarter of the way at t = 2.5 s");
        assertFalse(near(pixel(mid), purple), "and no longer half way");
        // n1 computes from 2 s to 6 s: a quarter done at 3 s, the busy ring's top is drawn, its left side not yet.
        seekAndWait(3);
        double r = fx(() -> canvas.lastStaticRadius());
        int top = pixel(new Point2D(b.getX(), b.getY() - r * 1.3));
        assertTrue(near(top, TopologyCanvasView.BUSY_RGB), "busy ring at 12 o'clock: " + Integer.toHexString(top));
        int left = pixel(new Point2D(b.getX() - r * 1.3, b.getY()));
        assertFalse(near(left, TopologyCanvasView.BUSY_RGB), "not at 9 o'clock yet");
        long frames = fx(canvas::framesPresented);
        for (int i = 0; i < 5; i++) {
            seekAndWait(5 + i * 0.5);
        }
        assertTrue(fx(canvas::framesPresented) >= frames + 5, "a frame for every cursor move");
        assertTrue(watchdog.maxWorkMillis() <= FxWatchdog.BUDGET_MS,
                "JavaFX thread busy " + watchdog.maxWorkMillis() + " ms at once");
    }

    @Test
    void theAnimationMenuShowsOnlyForTheSessionsEditorAndExportWritesFrames() throws Exception {
        show();
        waitUntil(() -> fx(() -> canvas.lookup("#animation-menu").isVisible()));
        Path out = dir.resolve("frames");
        watchdog.pause();
        Path written = fx(() -> canvas.exportAnimation(new AnimationExporter.Request(AnimationExporter.Format.PNG_SEQUENCE,
                out, 200, 120, 10, 3, 0, 9))).get(60, TimeUnit.SECONDS);
        watchdog.resume();
        assertEquals(out, written);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(3, s.count());
        }
        waitUntil(() -> fx(() -> canvas.exportStatusProperty().get()).startsWith("exported to"));
        fx(() -> {
            session.editorProperty().set(null);
            return null;
        });
        waitUntil(() -> fx(() -> !canvas.lookup("#animation-menu").isVisible()));
        assertFalse(fx(canvas::showingRun));
    }
}
