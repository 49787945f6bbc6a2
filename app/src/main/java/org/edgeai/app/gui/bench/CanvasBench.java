package org.edgeai.app.gui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.edgeai.app.gui.DeviceType;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.view.PaletteDrag;
import org.edgeai.app.gui.view.TopologyCanvasView;
import org.edgeai.app.gui.vm.ConsoleViewModel;
import org.edgeai.app.gui.vm.TopologyClipboard;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;

/**
 * Frame time of the topology canvas while panning: a seeded graph (by default 1,000 nodes and 5,000 links,
 * bandwidths log-uniform over 1..1000 Mbit/s, every glyph kind) in a 1280 × 800 window; every pulse pans
 * the view by a few pixels, and the canvas shows the latest state whenever its previous frame is done.
 * Three figures per shown frame:
 * <ul>
 *   <li><b>frame</b>: time between consecutive shown frames, with pulses unthrottled
 *       ({@code javafx.animation.fullspeed=true}): the whole pipeline. If the toolkit was started before
 *       with throttled pulses (60 Hz), frames cannot be faster than 16.7 ms and {@link Result#throttled()} says so;</li>
 *   <li><b>raster</b>: grid, links and glyphs into the pixel buffer, on the canvas's background thread;</li>
 *   <li><b>present</b>: upload and draw of that buffer plus labels and legend, on the JavaFX thread.</li>
 * </ul>
 * Needs a toolkit: a display (e.g. {@code xvfb-run}) or headless Monocle ({@code -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw} with openjfx-monocle on the class path). The goal is a
 * median frame of at most 8 ms.
 */
public final class CanvasBench {

    private CanvasBench() {
    }

    /**
     * @param medianDrawMs median time to issue one frame's drawing, ms
     * @param p90DrawMs    90th percentile of the same
     * @param medianFrameMs median time between frames, ms
     * @param p90FrameMs   90th percentile of the same
     * @param pipeline     the Prism pipeline that rendered
     * @param throttled    true when pulses were capped at 60 Hz (the frame figures are then a floor of 16.7 ms)
     */
    public record Result(int nodes, int links, int frames, double medianRasterMs, double p90RasterMs, double medianPresentMs,
                         double p90PresentMs, double medianFrameMs, double p90FrameMs, String pipeline, boolean throttled) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "canvas %d nodes, %d links, %d frames while panning (%s%s): "
                            + "frame median %.2f ms (p90 %.2f); raster (background) median %.2f ms (p90 %.2f); "
                            + "present (JavaFX thread) median %.2f ms (p90 %.2f)", nodes, links, frames, pipeline,
                    throttled ? ", pulses throttled to 60 Hz" : "", medianFrameMs, p90FrameMs, medianRasterMs, p90RasterMs,
                    medianPresentMs, p90PresentMs);
        }
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int links = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        System.out.println(run(nodes, links, frames, 42));
        Platform.exit();
    }

    /**
     * Runs the benchmark: 60 warm-up frames, then {@code frames} measured ones. Starts the JavaFX toolkit
     * (with unthrottled pulses) when it is not running yet.
     *
     * @throws IllegalArgumentException for sizes out of range ({@code links} at most n(n−1)/2)
     */
    public static Result run(int nodes, int links, int frames, long seed) throws Exception {
        if (nodes < 2 || links < 0 || links > (long) nodes * (nodes - 1) / 2 || frames < 1) {
            throw new IllegalArgumentException("CanvasBench: need nodes >= 2, 0 <= links <= n(n-1)/2, frames >= 1; got "
                    + nodes + ", " + links + ", " + frames);
        }
        boolean throttled = !startToolkit();
        Topology t = graph(nodes, links, seed);
        int warmup = 60;
        CompletableFuture<Result> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            EditorDocument doc = new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("bench"), t), null);
            TopologyEditorViewModel vm = new TopologyEditorViewModel(doc, UiExecutors.synchronous(), new ConsoleViewModel(),
                    new TopologyClipboard());
            TopologyCanvasView canvas = new TopologyCanvasView(vm, new PaletteDrag());
            Stage stage = new Stage();
            stage.setScene(new Scene(canvas, 1280, 800));
            stage.show();
            canvas.fit();
            vm.viewport().zoomAt(1.8, 640, 400); // zoomed in a little: labels off, most links on screen
            double[] raster = new double[frames];
            double[] present = new double[frames];
            double[] frame = new double[frames];
            new AnimationTimer() {
                private long pulses;
                private long seen = canvas.framesPresented();
                private long last;
                private int k = -warmup;

                @Override
                public void handle(long now) {
                    // Pan back and forth by a few pixels per pulse, as a user dragging the view; the canvas
                    // shows the latest state whenever its previous frame is done.
                    double dx = ((pulses++ / 120) % 2 == 0) ? 4 : -4;
                    vm.viewport().pan(dx, dx * 0.6);
                    long shown = canvas.framesPresented();
                    if (shown == seen) {
                        return;
                    }
                    seen = shown;
                    long t = System.nanoTime();
                    if (k >= 0) {
                        frame[k] = (t - last) / 1e6;
                        raster[k] = canvas.lastRasterMillis();
                        present[k] = canvas.lastPresentMillis();
                    }
                    last = t;
                    if (++k >= frames) {
                        stop();
                        stage.hide();
                        result.complete(new Result(nodes, links, frames, percentile(raster, 0.5), percentile(raster, 0.9),
                                percentile(present, 0.5), percentile(present, 0.9), percentile(frame, 0.5),
                                percentile(frame, 0.9), com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                                        : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(), throttled));
                    }
                }
            }.start();
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /** Starts the toolkit with unthrottled pulses; false when it was already running (pulses then stay at 60 Hz). */
    static boolean startToolkit() throws InterruptedException {
        if (System.getProperty("javafx.animation.fullspeed") == null) {
            System.setProperty("javafx.animation.fullspeed", "true");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        Platform.setImplicitExit(false);
        return started.await(60, TimeUnit.SECONDS) && Boolean.getBoolean("javafx.animation.fullspeed");
    }

    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1) + 0.5))];
    }

    /**
     * A seeded graph that looks like an edge network: nodes on a jittered grid (1% clouds, 9% servers, the
     * rest devices of every subtype), 90% of links within 3 grid cells and 10% anywhere, bandwidth log-uniform in [1, 1000].
     */
    public static Topology graph(int nodes, int links, long seed) {
        Random r = new Random(seed);
        TopologyDefaults d = TopologyDefaults.standard();
        Topology t = new Topology();
        int cols = (int) Math.ceil(Math.sqrt(nodes));
        List<String> ids = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            double roll = r.nextDouble();
            Node n;
            String id = "n" + i;
            if (roll < 0.01) {
                n = Node.of(id, NodeKind.CLOUD, d);
            } else if (roll < 0.10) {
                n = Node.of(id, NodeKind.SERVER, d);
            } else {
                n = DeviceType.values()[r.nextInt(DeviceType.values().length)].create(id, d);
            }
            t.putNode(n.withPosition((i % cols) * 100 + r.nextGaussian() * 20, (i / cols) * 100 + r.nextGaussian() * 20));
            ids.add(id);
        }
        // Mostly local links (within 3 grid cells, as radio or LAN neighbours), one in ten anywhere.
        int made = 0;
        int rows = (nodes + cols - 1) / cols;
        while (made < links) {
            int u = r.nextInt(nodes);
            int v;
            if (r.nextDouble() < 0.9) {
                int cu = u % cols + r.nextInt(7) - 3;
                int ru = u / cols + r.nextInt(7) - 3;
                if (cu < 0 || cu >= cols || ru < 0 || ru >= rows) {
                    continue;
                }
                v = ru * cols + cu;
            } else {
                v = r.nextInt(nodes);
            }
            if (v >= nodes || u == v || t.hasLink(ids.get(u), ids.get(v))) {
                continue;
            }
            t.putLink(new Link(ids.get(u), ids.get(v), Math.pow(10, 3 * r.nextDouble()), 1 + r.nextInt(20), null));
            made++;
        }
        return t;
    }
}
