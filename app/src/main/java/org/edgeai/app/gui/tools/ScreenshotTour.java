package org.edgeai.app.gui.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.edgeai.app.gui.Workbench;
import org.edgeai.app.gui.WorkbenchServices;
import org.edgeai.app.gui.layout.Perspectives;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.view.AnimationExporter;
import org.edgeai.app.gui.view.TopologyCanvasView;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
import org.edgeai.app.plot.XAxisKind;

/**
 * Takes the README's screenshots of the real window (a developer tool; {@code tools/screenshots.sh} runs it under
 * Xvfb): drives the workbench through its view models as a user would with the mouse, waits until each scene has
 * settled, and grabs the whole screen with ImageMagick's {@code import}. Also exports the ring all-reduce
 * animation through the canvas's own GIF export.
 *
 * <p>Arguments: {@code OUT_DIR SAMPLES_DIR GOSSIP_EXPERIMENT SWEEP_DIR}. The main class is {@link Main}: the Java
 * launcher refuses a main class that extends {@code Application} when JavaFX is on the class path.
 */
public final class ScreenshotTour extends Application {

    private static String[] args;

    /** Starts the tour. */
    public static final class Main {
        public static void main(String[] a) {
            if (a.length != 4) {
                System.err.println("usage: ScreenshotTour OUT_DIR SAMPLES_DIR GOSSIP_EXPERIMENT SWEEP_DIR");
                System.exit(2);
            }
            args = a;
            launch(ScreenshotTour.class);
        }
    }

    private Workbench wb;

    @Override
    public void start(Stage stage) throws IOException {
        Path home = Files.createTempDirectory("tour-home");
        System.setProperty(WorkbenchHome.PROPERTY, home.toString());
        var background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tour-background");
            t.setDaemon(true);
            return t;
        });
        wb = new Workbench(WorkbenchServices.defaults(ScreenshotTour.class.getClassLoader()), WorkbenchHome.fromSystem(),
                new UiExecutors(background, Platform::runLater), null);
        stage.setWidth(1600);
        stage.setHeight(1000);
        wb.start(stage, List.of());
        Thread tour = new Thread(() -> {
            try {
                tour(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
                System.out.println("tour done");
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                System.exit(0);
            }
        }, "tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour(Path out, Path samples, Path gossip, Path sweep) throws Exception {
        Files.createDirectories(out);
        pause(3000);
        fx(() -> {
            Stage st = wb.window().stage(); // no window manager under Xvfb: place it over the whole screen
            st.setX(0);
            st.setY(0);
            st.setWidth(1600);
            st.setHeight(1000);
            return null;
        });

        // 1. A gossip run in motion (Run perspective), nodes coloured by their distance to the average model.
        open(gossip);
        fx(() -> {
            wb.viewModel().layout().switchTo(Perspectives.RUN);
            var anim = wb.window().editorArea().animationOptions();
            anim.glyphScaleProperty().set(2.5);
            anim.nodeColourProperty().set(org.edgeai.app.gui.vm.AnimationOptions.NodeColour.DISTANCE_TO_MEAN);
            wb.viewModel().runs().speedPositionProperty().set(0.47);
            wb.window().run("run.start");
            return null;
        });
        waitFor(() -> fx(() -> wb.viewModel().runSession().live() != null
                && wb.viewModel().runSession().roundsShownProperty().get() >= 2), 120);
        fx(() -> {
            wb.window().editorArea().activeCanvas().fit();
            return null;
        });
        pause(2500);
        grab(out.resolve("run-gossip.png"));
        fx(() -> {
            wb.viewModel().runSession().cancel();
            return null;
        });
        waitFor(() -> fx(() -> !wb.viewModel().runSession().isRunning()), 30);

        // 2. Three overlaid runs (a sweep over ring, Erdős–Rényi and complete graphs, mean and band over seeds).
        CompletableFuture<Boolean> added = new CompletableFuture<>();
        fx(() -> {
            wb.viewModel().layout().switchTo(Perspectives.ANALYZE);
            wb.viewModel().layout().select(ViewId.CHARTS);
            wb.viewModel().charts().clear();
            wb.viewModel().charts().addFolder(sweep, runs -> added.complete(true));
            return null;
        });
        added.get(60, TimeUnit.SECONDS);
        fx(() -> {
            wb.viewModel().charts().xAxisProperty().set(XAxisKind.BITS);
            return null;
        });
        pause(4000);
        grab(out.resolve("charts-three-runs.png"));

        // 3. A GPipe timeline (Pipeline perspective).
        open(samples.resolve("pipeline-vgg16-4dev-gpipe.json"));
        fx(() -> {
            wb.viewModel().layout().switchTo(Perspectives.PIPELINE);
            wb.window().run("run.start");
            return null;
        });
        waitFor(() -> fx(() -> wb.viewModel().runSession().recording() != null
                && wb.viewModel().runSession().live() == null), 60);
        pause(1000);
        fx(() -> {
            wb.viewModel().layout().select(ViewId.TIMELINE);
            wb.viewModel().timeline().fit();
            wb.viewModel().runSession().pause();
            wb.viewModel().runSession().seek(wb.viewModel().runSession().recording().frontier() * 0.42);
            return null;
        });
        pause(2500);
        grab(out.resolve("timeline-gpipe.png"));

        // 4. A ring all-reduce, one round as an animated GIF (the canvas's own export) and a still in motion.
        open(samples.resolve("allreduce-ring-8.json"));
        fx(() -> {
            wb.viewModel().layout().switchTo(Perspectives.TEACH);
            var anim = wb.window().editorArea().animationOptions();
            anim.glyphScaleProperty().set(1.5);
            anim.nodeColourProperty().set(org.edgeai.app.gui.vm.AnimationOptions.NodeColour.NONE);
            wb.viewModel().runs().speedPositionProperty().set(1.0);
            wb.window().run("run.start");
            return null;
        });
        waitFor(() -> fx(() -> wb.viewModel().runSession().live() != null
                && wb.viewModel().runSession().live().state() != LiveRun.State.RUNNING), 120);
        double roundEnd = fx(() -> wb.viewModel().runSession().recording().rounds().get(1).timeS());
        double roundStart = fx(() -> wb.viewModel().runSession().recording().rounds().get(0).timeS());
        fx(() -> {
            wb.viewModel().runSession().pause();
            wb.viewModel().runSession().seek(roundStart + (roundEnd - roundStart) * 0.3);
            wb.window().editorArea().activeCanvas().fit();
            return null;
        });
        pause(2000);
        grab(out.resolve("allreduce-ring.png"));
        CompletableFuture<Path> gif = fx(() -> {
            TopologyCanvasView canvas = wb.window().editorArea().activeCanvas();
            return canvas.exportAnimation(new AnimationExporter.Request(AnimationExporter.Format.GIF,
                    out.resolve("allreduce-ring.gif"), 640, 420, 12, 72, roundStart, roundEnd));
        });
        System.out.println("wrote " + gif.get(300, TimeUnit.SECONDS));
    }

    private void open(Path relative) throws Exception {
        Path file = relative.toAbsolutePath().normalize();
        fx(() -> {
            wb.viewModel().open(file);
            return null;
        });
        waitFor(() -> fx(() -> wb.viewModel().active() != null && file.equals(wb.viewModel().active().document().path())), 30);
        pause(800);
    }

    private static void grab(Path png) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("import failed for " + png);
        }
        System.out.println("wrote " + png);
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms); // wall-clock ok: a developer tool waiting for the picture to settle
    }

    private static void waitFor(BooleanSupplier c, int seconds) throws Exception {
        for (int i = 0; i < seconds * 10; i++) {
            if (c.getAsBoolean()) {
                return;
            }
            pause(100);
        }
        throw new IllegalStateException("the tour waited " + seconds + " s in vain");
    }

    private static <T> T fx(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
