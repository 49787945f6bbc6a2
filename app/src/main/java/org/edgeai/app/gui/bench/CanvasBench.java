package org.edgeai.app.gui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.view.PaletteDrag;
import org.edgeai.app.gui.view.TopologyCanvasView;
import org.edgeai.app.gui.vm.AnimationOptions;
import org.edgeai.app.gui.vm.ConsoleViewModel;
import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.app.gui.vm.TopologyClipboard;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.topology.IndexedGraph;
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

    /**
     * {@code CanvasBench [nodes links frames]} pans the static topology; {@code CanvasBench animate [nodes links frames
     * inFlight]} plays a synthetic run (see {@link #animate}).
     */
    public static void main(String[] args) throws Exception {
        boolean animate = args.length > 0 && args[0].equals("animate");
        int o = animate ? 1 : 0;
        int nodes = args.length > o ? Integer.parseInt(args[o]) : 1000;
        int links = args.length > o + 1 ? Integer.parseInt(args[o + 1]) : 5000;
        int frames = args.length > o + 2 ? Integer.parseInt(args[o + 2]) : 300;
        if (animate) {
            int inFlight = args.length > o + 3 ? Integer.parseInt(args[o + 3]) : 10_000;
            System.out.println(animate(nodes, links, inFlight, frames, 42));
        } else {
            System.out.println(run(nodes, links, frames, 42));
        }
        Platform.exit();
    }

    /**
     * Figures of the animated benchmark, ms per shown frame (median and 95th percentile): the raster thread's
     * work, the JavaFX thread's (overlay snapshot plus upload and legends), and the time between frames.
     */
    public record AnimatedResult(int nodes, int links, int frames, double meanInFlight, double medianRasterMs, double p95RasterMs,
                                 double medianFxMs, double p95FxMs, double medianFrameMs, double p95FrameMs, String pipeline,
                                 boolean throttled) {
        public double fps() {
            return 1000 / medianFrameMs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "canvas animation %d nodes, %d links, %.0f transfers in flight on average, "
                            + "%d frames, cursor moving every frame (%s%s): frame median %.2f ms (p95 %.2f) = %.1f frames/s; "
                            + "raster (background) median %.2f ms (p95 %.2f); JavaFX thread (overlay + present) median "
                            + "%.2f ms (p95 %.2f)", nodes, links, meanInFlight, frames, pipeline,
                    throttled ? ", pulses throttled to 60 Hz" : "", medianFrameMs, p95FrameMs, fps(), medianRasterMs,
                    p95RasterMs, medianFxMs, p95FxMs);
        }
    }

    /**
     * Plays a synthetic recording on the benchmark graph: transfers on random links, each queued for a while one
     * time in ten, 1 to 3 s from sending to arrival, queued at a rate that keeps about {@code inFlight} of them alive;
     * every node computing 70% of the time; a round every 4 s with per-node snapshots (some nodes dropped or
     * straggling). Nodes are coloured by local loss and links by bits in flight (every overlay layer on). The
     * cursor moves by 20 ms of virtual time every pulse. 60 warm-up frames, then {@code frames} measured ones.
     */
    public static AnimatedResult animate(int nodes, int links, int inFlight, int frames, long seed) throws Exception {
        if (nodes < 2 || links < 1 || links > (long) nodes * (nodes - 1) / 2 || frames < 1 || inFlight < 1) {
            throw new IllegalArgumentException("CanvasBench.animate: need nodes >= 2, 1 <= links <= n(n-1)/2, frames >= 1, "
                    + "inFlight >= 1; got " + nodes + ", " + links + ", " + frames + ", " + inFlight);
        }
        boolean throttled = !startToolkit();
        Topology t = graph(nodes, links, seed);
        double span = 40;
        RunRecording rec = syntheticRun(t, inFlight, span, seed);
        int warmup = 60;
        CompletableFuture<AnimatedResult> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            EditorDocument doc = new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("bench"), t), null);
            TopologyEditorViewModel vm = new TopologyEditorViewModel(doc, UiExecutors.synchronous(), new ConsoleViewModel(),
                    new TopologyClipboard());
            TopologyCanvasView canvas = new TopologyCanvasView(vm, new PaletteDrag());
            RunSession session = new RunSession();
            AnimationOptions options = new AnimationOptions();
            // Every layer on by default; -Dbench.nodeColour / -Dbench.linkLoad pick others (NONE, OFF, ...).
            options.nodeColourProperty().set(AnimationOptions.NodeColour.valueOf(System.getProperty("bench.nodeColour", "LOCAL_LOSS")));
            options.linkLoadProperty().set(AnimationOptions.LinkLoad.valueOf(System.getProperty("bench.linkLoad", "COLOUR")));
            canvas.attachRun(session, options);
            session.showRecording(rec, vm);
            session.pause();
            Stage stage = new Stage();
            stage.setScene(new Scene(canvas, 1280, 800));
            stage.show();
            canvas.fit();
            double[] raster = new double[frames];
            double[] fxMs = new double[frames];
            double[] frame = new double[frames];
            double[] alive = new double[frames];
            new AnimationTimer() {
                private long seen = canvas.framesPresented();
                private long last;
                private int k = -warmup;
                private double cursor = span * 0.25;

                @Override
                public void handle(long now) {
                    cursor += 0.02;
                    if (cursor > span * 0.75) {
                        cursor = span * 0.25;
                    }
                    session.seek(cursor);
                    long shown = canvas.framesPresented();
                    if (shown == seen) {
                        return;
                    }
                    seen = shown;
                    long tn = System.nanoTime();
                    if (k >= 0) {
                        frame[k] = (tn - last) / 1e6;
                        raster[k] = canvas.lastRasterMillis();
                        fxMs[k] = canvas.lastPresentMillis() + canvas.lastPrepareMillis();
                        int[] c = {0};
                        rec.forEachHopAt(cursor, (h, p) -> c[0]++);
                        alive[k] = c[0];
                    }
                    last = tn;
                    if (++k >= frames) {
                        stop();
                        stage.hide();
                        result.complete(new AnimatedResult(nodes, links, frames, Arrays.stream(alive).average().orElse(0),
                                percentile(raster, 0.5), percentile(raster, 0.95), percentile(fxMs, 0.5),
                                percentile(fxMs, 0.95), percentile(frame, 0.5), percentile(frame, 0.95),
                                com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                                        : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(), throttled));
                    }
                }
            }.start();
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /**
     * A synthetic recording over {@code t}'s nodes and links lasting {@code span} virtual seconds, with about
     * {@code inFlight} transfers alive at any time in its middle (see {@link #animate}). Seeded.
     */
    public static RunRecording syntheticRun(Topology t, int inFlight, double span, long seed) {
        Random r = new Random(seed);
        IndexedGraph g = t.indexed();
        int n = g.nodeCount();
        int m = g.linkCount();
        RunRecording rec = new RunRecording(n, m);
        double meanLife = 2.1; // 10% wait 0..1 s, then 1..3 s on the way
        int hops = (int) Math.round(inFlight * span / meanLife);
        MessageKind[] kinds = MessageKind.values();
        double q = 0;
        for (int i = 0; i < hops; i++) {
            q += r.nextDouble() * 2 * span / hops;
            int e = r.nextInt(m);
            boolean fwd = r.nextBoolean();
            int src = fwd ? g.linkSource(e) : g.linkTarget(e);
            int dst = fwd ? g.linkTarget(e) : g.linkSource(e);
            double send = q + (r.nextInt(10) == 0 ? r.nextDouble() : 0);
            double arrive = send + 1 + 2 * r.nextDouble();
            long bits = (long) Math.pow(10, 2 + 7 * r.nextDouble());
            rec.add(new SimEvent.HopStarted((int) (q / 4), kinds[r.nextInt(kinds.length)], src, dst, bits, q, send, arrive, i));
        }
        for (int v = 0; v < n; v++) {
            double c = r.nextDouble();
            while (c < span) {
                double len = 0.3 + 0.4 * r.nextDouble();
                rec.add(new SimEvent.ComputeStarted(v, (int) (c / 4), 1e9, c, c + len));
                c += len / 0.7;
            }
        }
        for (int round = 1; round * 4.0 <= span; round++) {
            rec.add(new SimEvent.RoundFinished(new RoundMetrics(round - 1, round * 4.0, n, 0, n, 0, 0, Map.of("loss", 1.0 / round))));
            double[] dist = new double[n];
            double[] loss = new double[n];
            boolean[] dropped = new boolean[n];
            boolean[] slow = new boolean[n];
            for (int v = 0; v < n; v++) {
                dist[v] = r.nextDouble() / round;
                loss[v] = 2.3 / round + 0.2 * r.nextGaussian();
                dropped[v] = r.nextInt(50) == 0;
                slow[v] = r.nextInt(20) == 0;
            }
            rec.addSnapshot(new RunRecording.NodeSnapshot(round, dist, loss, dropped, slow));
        }
        return rec;
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
