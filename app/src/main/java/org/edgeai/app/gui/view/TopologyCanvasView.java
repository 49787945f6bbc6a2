package org.edgeai.app.gui.view;

import java.util.Arrays;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.edgeai.app.gui.DeviceType;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.AnimationOptions;
import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.app.gui.vm.PaletteItem;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.Viewport;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * The topology editor's canvas. Positions, glyph kinds and link widths are cached in arrays, rebuilt only
 * when the document changes. A frame has two halves: on a background thread a {@link Raster} draws the grid,
 * the links (anti-aliased, width by bandwidth on a log scale) and the node glyphs (sprites rendered once by
 * JavaFX) into a pixel buffer; on the JavaFX thread that buffer is drawn as one image, with labels, gesture
 * feedback and the legend on top (about 2 ms at 1,000 nodes and 5,000 links). Redraws are coalesced: changes
 * mark the canvas dirty, and each pulse shows a finished frame and starts the next if the rasterizer is free.
 *
 * <p>Mouse: select tool — click or rubber-band to select (Shift/Ctrl adds), drag selected nodes to move;
 * node tools — click to add; link tool — drag from node to node; right or middle drag pans; the wheel
 * zooms at the cursor. A palette item dragged onto the canvas adds a node where it is dropped.
 */
public final class TopologyCanvasView extends Region {

    /** Node glyph radius in pixels at presentation scale 1. */
    public static final double RADIUS = 11;

    private final TopologyEditorViewModel vm;
    private final PaletteDrag paletteDrag;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private CanvasTheme theme = CanvasTheme.LIGHT;
    private double presentation = 1;
    private boolean dirty = true;
    private boolean cacheStale = true;
    private boolean firstFit = true;
    private final AnimationTimer timer;
    private final Raster raster = new Raster(); // used by the raster thread only
    private javafx.scene.image.WritableImage frameImage;
    private final java.util.Map<Long, Raster.Sprite> sprites = new java.util.HashMap<>();
    private CanvasTheme spriteTheme;

    // Render cache (rebuilt when the document changes).
    private int n;
    private int m;
    private double[] x = new double[0];
    private double[] y = new double[0];
    private byte[] glyph = new byte[0];
    private String[] labels = new String[0];
    private String[] ids = new String[0];
    private int[] lu = new int[0];
    private int[] lv = new int[0];
    private byte[] bucket = new byte[0];
    private final Map<String, Integer> indexOf = new HashMap<>();

    // Gesture state.
    private enum Gesture { NONE, MOVE, RUBBER, LINK, PAN }
    private Gesture gesture = Gesture.NONE;
    private double pressX, pressY, lastX, lastY;
    private String linkFrom;
    private boolean dragged;

    public TopologyCanvasView(TopologyEditorViewModel vm, PaletteDrag paletteDrag) {
        this.vm = vm;
        this.paletteDrag = paletteDrag;
        getStyleClass().add("topology-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        tooltip.setShowDelay(Duration.millis(350));
        InvalidationListener docChanged = o -> {
            cacheStale = true;
            requestRedraw();
        };
        vm.document().revisionProperty().addListener(docChanged);
        vm.viewport().versionProperty().addListener(o -> {
            double sc = vm.viewport().scale();
            if (sc == lastScale) {
                requestPan(); // the picture only moves: the raster thread shifts its oversized static layer
            } else {
                lastScale = sc;
                requestRedraw();
            }
        });
        vm.gridVisibleProperty().addListener(o -> requestRedraw());
        SetChangeListener<Object> sel = c -> requestRedraw();
        vm.selectedNodes().addListener(sel);
        vm.selectedLinks().addListener(sel);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse();
            }
        };
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        installHandlers();
    }

    public TopologyEditorViewModel viewModel() {
        return vm;
    }

    public void setTheme(CanvasTheme t) {
        theme = t;
        requestRedraw();
    }

    /** Scale of glyphs, strokes and fonts: 1 normally, larger in presentation mode. */
    public void setPresentationScale(double s) {
        presentation = s;
        requestRedraw();
    }

    /** Something drawn in the static layer (grid, links, nodes' places, selection, theme, size) changed. */
    public void requestRedraw() {
        staticVersion++;
        layoutVersion++;
        dirty = true;
    }

    /** Only the viewport's translation changed: the static layer is the same picture, moved. */
    private void requestPan() {
        staticVersion++;
        dirty = true;
    }

    /** Only the run overlay changed: the cached static layer is reused. */
    private void requestFrame() {
        dirty = true;
    }

    // ------------------------------------------------------------------ run overlay

    private RunSession session;
    private AnimationOptions options;
    private RunOverlay.Builder overlayBuilder;
    private RunOverlay.LinkTable linkTable;
    private long staticVersion;
    private long layoutVersion; // the static picture up to a translation (not bumped by panning)
    private double lastScale = Double.NaN;

    /**
     * Lets the canvas show {@code s}'s recording (its hops, node states and link load at the cursor) whenever the
     * session runs this canvas's editor, drawn as {@code o} says. Redraws on every frame of the session.
     */
    public void attachRun(RunSession s, AnimationOptions o) {
        this.session = s;
        this.options = o;
        s.frameProperty().addListener(x -> {
            if (showingRun() || overlayShown) {
                requestFrame();
            }
        });
        s.recordingProperty().addListener(x -> {
            overlayBuilder = null;
            requestFrame();
        });
        s.editorProperty().addListener(x -> requestFrame());
        o.versionProperty().addListener(x -> requestFrame());
        buildAnimationMenu();
        requestFrame();
    }

    private final javafx.scene.control.MenuButton animationMenu = new javafx.scene.control.MenuButton("Animation");

    /** The canvas's animation menu (shown while a run is): what colours nodes and links, glyph size, legends, export. */
    private void buildAnimationMenu() {
        javafx.scene.control.MenuButton mb = animationMenu;
        mb.setId("animation-menu");
        mb.setVisible(false);
        mb.setFocusTraversable(false);
        javafx.scene.control.Menu nodes = new javafx.scene.control.Menu("Colour nodes by");
        javafx.scene.control.ToggleGroup ng = new javafx.scene.control.ToggleGroup();
        for (AnimationOptions.NodeColour c : AnimationOptions.NodeColour.values()) {
            javafx.scene.control.RadioMenuItem i = new javafx.scene.control.RadioMenuItem(c.label());
            i.setId("animation-nodes-" + c.name().toLowerCase(Locale.ROOT));
            i.setToggleGroup(ng);
            i.setSelected(options.nodeColour() == c);
            i.setOnAction(e -> options.nodeColourProperty().set(c));
            options.nodeColourProperty().addListener((ob, a, b) -> i.setSelected(b == c));
            nodes.getItems().add(i);
        }
        javafx.scene.control.Menu links = new javafx.scene.control.Menu("Link load");
        javafx.scene.control.ToggleGroup lg = new javafx.scene.control.ToggleGroup();
        for (AnimationOptions.LinkLoad l : AnimationOptions.LinkLoad.values()) {
            javafx.scene.control.RadioMenuItem i = new javafx.scene.control.RadioMenuItem(l.label());
            i.setId("animation-links-" + l.name().toLowerCase(Locale.ROOT));
            i.setToggleGroup(lg);
            i.setSelected(options.linkLoad() == l);
            i.setOnAction(e -> options.linkLoadProperty().set(l));
            options.linkLoadProperty().addListener((ob, a, b) -> i.setSelected(b == l));
            links.getItems().add(i);
        }
        links.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        javafx.scene.control.ToggleGroup mg = new javafx.scene.control.ToggleGroup();
        for (AnimationOptions.LoadMeasure l : AnimationOptions.LoadMeasure.values()) {
            javafx.scene.control.RadioMenuItem i = new javafx.scene.control.RadioMenuItem(l.label());
            i.setId("animation-measure-" + l.name().toLowerCase(Locale.ROOT));
            i.setToggleGroup(mg);
            i.setSelected(options.loadMeasure() == l);
            i.setOnAction(e -> options.loadMeasureProperty().set(l));
            options.loadMeasureProperty().addListener((ob, a, b) -> i.setSelected(b == l));
            links.getItems().add(i);
        }
        javafx.scene.control.Menu size = new javafx.scene.control.Menu("Transfer glyph size");
        javafx.scene.control.ToggleGroup sg = new javafx.scene.control.ToggleGroup();
        for (double f : new double[] {0.5, 0.75, 1, 1.5, 2, 3}) {
            javafx.scene.control.RadioMenuItem i = new javafx.scene.control.RadioMenuItem(String.format(Locale.ROOT, "%.3g\u00d7", f));
            i.setToggleGroup(sg);
            i.setSelected(options.glyphScale() == f);
            i.setOnAction(e -> options.glyphScaleProperty().set(f));
            options.glyphScaleProperty().addListener((ob, a, b) -> i.setSelected(b.doubleValue() == f));
            size.getItems().add(i);
        }
        javafx.scene.control.CheckMenuItem legends = new javafx.scene.control.CheckMenuItem("Show legends");
        legends.setId("animation-legends");
        legends.selectedProperty().bindBidirectional(options.showLegendsProperty());
        javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export Animation\u2026");
        export.setId("animation-export");
        export.setOnAction(e -> askExport());
        mb.getItems().addAll(nodes, links, size, legends, new javafx.scene.control.SeparatorMenuItem(), export);
        if (!getChildren().contains(mb)) {
            getChildren().add(mb);
        }
    }

    // ------------------------------------------------------------------ export

    /** The state of the last export: null before any, else progress in [0, 1], or a failure message. */
    private final javafx.beans.property.ReadOnlyStringWrapper exportStatus = new javafx.beans.property.ReadOnlyStringWrapper("");

    /** "", "exporting 40%", "exported to …" or "export failed: …" (for the menu button and tests). */
    public javafx.beans.property.ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    private void askExport() {
        if (session == null || session.recording() == null) {
            return;
        }
        RunRecording rec = session.recording();
        double[] whole = {0, rec.frontier()};
        int k = rec.roundsFinishedAt(session.clock().cursor());
        double start = k > 0 && k <= rec.rounds().size() ? rec.rounds().get(k - 1).timeS() : 0;
        double end = k < rec.rounds().size() ? rec.rounds().get(k).timeS() : rec.frontier();
        Path dir = vm.document().pathProperty().get() != null && vm.document().pathProperty().get().getParent() != null
                ? vm.document().pathProperty().get().getParent() : Path.of(System.getProperty("user.home"));
        ExportAnimationDialog.ask(getScene() == null ? null : getScene().getWindow(), whole, new double[] {start, end}, dir)
                .ifPresent(this::exportAnimation);
    }

    /**
     * Exports the shown recording's animation in the background (frames drawn off the JavaFX thread; each frame's
     * overlay snapshot is a short task on it). Progress and the outcome go to {@link #exportStatusProperty()}.
     *
     * @throws IllegalStateException when no recording is shown
     */
    public java.util.concurrent.CompletableFuture<Path> exportAnimation(AnimationExporter.Request req) {
        if (session == null || session.recording() == null) {
            throw new IllegalStateException("no run to export: run an experiment first");
        }
        if (cacheStale) {
            rebuildCache();
        }
        ExportScene sc = exportScene(req.width(), req.height());
        RunOverlay.Builder b = new RunOverlay.Builder(session.recording(), linkTable);
        RunOverlay.Style st = style(sc.glyphUnit());
        java.util.concurrent.ExecutorService bg = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "animation-export");
            t.setDaemon(true);
            return t;
        });
        exportStatus.set("exporting 0%");
        animationMenu.textProperty().bind(javafx.beans.binding.Bindings.when(exportStatus.isEmpty()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !exportStatus.get().startsWith("exporting"), exportStatus)))
                .then("Animation").otherwise(exportStatus));
        java.util.concurrent.CompletableFuture<Path> f = AnimationExporter.export(req, sc.job(), t -> b.build(t, sc.geometry(), st),
                javafx.application.Platform::runLater, bg,
                p -> javafx.application.Platform.runLater(() -> exportStatus.set(String.format(Locale.ROOT, "exporting %.0f%%", p * 100))));
        f.whenComplete((path, err) -> {
            bg.shutdown();
            javafx.application.Platform.runLater(() -> exportStatus.set(err == null ? "exported to " + path
                    : "export failed: " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage())));
        });
        return f;
    }

    private record ExportScene(Job job, RunOverlay.Geometry geometry, double glyphUnit) {
    }

    /** The whole graph fitted into w × h (no grid, no selection), with sprites of the fitted size. JavaFX thread. */
    private ExportScene exportScene(int w, int h) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        if (n == 0) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        double margin = Math.max(24, Math.min(w, h) * 0.06);
        double bottom = 36; // the kinds legend
        double bw = Math.max(1e-9, maxX - minX);
        double bh = Math.max(1e-9, maxY - minY);
        double s = Math.min((w - 2 * margin) / bw, (h - 2 * margin - bottom) / bh);
        s = Math.max(Viewport.MIN_SCALE, Math.min(Viewport.MAX_SCALE, s));
        double ox = (w - bw * s) / 2 - minX * s;
        double oy = (h - bottom - bh * s) / 2 - minY * s;
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = x[i] * s + ox;
            sy[i] = y[i] * s + oy;
        }
        double r = Math.max(2.5, Math.min(RADIUS * 1.6, RADIUS * Math.sqrt(s)));
        Raster.Sprite[] sp = new Raster.Sprite[16];
        for (int g = 0; g <= 6; g++) {
            sp[g * 2] = sprite(g, r, false);
            sp[g * 2 + 1] = sp[g * 2];
        }
        double zw = Math.max(0.6, Math.min(2.5, Math.sqrt(s)));
        Job job = new Job(w, h, rgb(theme.background()), rgb(theme.grid()), 20, 0, 0, false, sx, sy, n, glyph, null, sp, m, lu,
                lv, bucket, zw, rgb(theme.link()), rgb(theme.selection()), new int[0][], r, -1, null);
        double unit = (options == null ? 1 : options.glyphScale()) * Math.max(0.4, Math.min(1.6, Math.sqrt(s)));
        return new ExportScene(job, new RunOverlay.Geometry(n, sx, sy, m, lu, lv, r), unit);
    }

    public RunSession session() {
        return session;
    }

    public AnimationOptions animationOptions() {
        return options;
    }

    private boolean overlayShown;

    /** Whether this canvas shows a recording now (the session's editor is this canvas's). */
    public boolean showingRun() {
        return session != null && session.recording() != null && session.editorProperty().get() == vm;
    }

    /** Pixels per glyph-radius unit: the glyph scale, the presentation scale and a damped zoom. */
    private double glyphUnit() {
        double z = Math.max(0.4, Math.min(1.6, Math.sqrt(vm.viewport().scale())));
        return (options == null ? 1 : options.glyphScale()) * presentation * z;
    }

    private RunOverlay.Style style(double unit) {
        return new RunOverlay.Style(options.nodeColour(), options.linkLoad(), options.loadMeasure(), unit);
    }

    /** The overlay builder of the shown recording (kept across frames for its incremental sums), or null. */
    private RunOverlay.Builder builder() {
        RunRecording rec = session.recording();
        if (overlayBuilder == null || overlayBuilder.recording() != rec) {
            overlayBuilder = new RunOverlay.Builder(rec, linkTable);
        }
        return overlayBuilder;
    }

    /** Fits the whole graph into the canvas. */
    public void fit() {
        double margin = RADIUS * presentation * 3;
        // Keep the bottom legend strip clear: fit into the area above it.
        double legend = (LEGEND_HEIGHT + 12) * presentation;
        vm.viewport().fit(vm.topology(), getWidth(), Math.max(margin * 3, getHeight() - legend), margin);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (animationMenu.getParent() == this) {
            double pw = animationMenu.prefWidth(-1);
            double ph = animationMenu.prefHeight(-1);
            animationMenu.resizeRelocate(Math.max(0, w - pw - 8), Math.max(0, h - ph - 8), pw, ph);
        }
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (firstFit && w > 0 && h > 0) {
                firstFit = false;
                fit();
            }
            requestRedraw();
        }
    }

    // ------------------------------------------------------------------ drawing

    private double[] latencyS = new double[0];

    private void rebuildCache() {
        // Fresh arrays every time: a frame being rasterized in the background keeps the old ones.
        Topology t = vm.topology();
        n = t.nodeCount();
        m = t.linkCount();
        x = new double[n];
        y = new double[n];
        glyph = new byte[n];
        labels = new String[n];
        ids = new String[n];
        lu = new int[m];
        lv = new int[m];
        bucket = new byte[m];
        latencyS = new double[m];
        indexOf.clear();
        int i = 0;
        for (Node node : t.nodes()) {
            x[i] = node.x();
            y[i] = node.y();
            glyph[i] = glyphOf(node);
            labels[i] = node.label().isEmpty() ? node.id() : node.label();
            ids[i] = node.id();
            indexOf.put(node.id(), i++);
        }
        int e = 0;
        for (Link l : t.links()) {
            lu[e] = indexOf.get(l.source());
            lv[e] = indexOf.get(l.target());
            latencyS[e] = l.latencyMs() / 1000;
            bucket[e++] = (byte) Math.round(linkWidth(l.bandwidthMbps()) * 2);
        }
        linkTable = new RunOverlay.LinkTable(m, lu, lv, latencyS);
        overlayBuilder = null;
        cacheStale = false;
    }

    private static byte glyphOf(Node node) {
        return switch (node.kind()) {
            case SERVER -> 5;
            case CLOUD -> 6;
            case DEVICE -> (byte) DeviceType.of(node).map(t -> t.ordinal() + 1).orElse(0).intValue();
        };
    }

    /** Stroke width in px at scale 1: 1 at 1 Mbit/s, +1 per decade (log scale), clamped to [0.5, 6]. */
    public static double linkWidth(double mbps) {
        return Math.max(0.5, Math.min(6, 1 + Math.log10(Math.max(mbps, 1e-3))));
    }

    // ------------------------------------------------------------------ frames

    /**
     * Everything the background rasterizer needs for one frame, immutable once built (arrays are not
     * changed after: the cache makes new ones).
     */
    record Job(int w, int h, int bg, int gridRgb, double gridStep, double gridX0, double gridY0, boolean grid,
               double[] sx, double[] sy, int n, byte[] glyph, boolean[] selected, Raster.Sprite[] sprites,
               int m, int[] lu, int[] lv, byte[] bucket, double zoomWidth, int linkRgb, int selRgb, int[][] selLinks,
               double radius, long staticKey, RunOverlay.Snapshot overlay, Pan pan) {

        /** A job whose static layer is never shifted (exports, tests). */
        Job(int w, int h, int bg, int gridRgb, double gridStep, double gridX0, double gridY0, boolean grid,
            double[] sx, double[] sy, int n, byte[] glyph, boolean[] selected, Raster.Sprite[] sprites,
            int m, int[] lu, int[] lv, byte[] bucket, double zoomWidth, int linkRgb, int selRgb, int[][] selLinks,
            double radius, long staticKey, RunOverlay.Snapshot overlay) {
            this(w, h, bg, gridRgb, gridStep, gridX0, gridY0, grid, sx, sy, n, glyph, selected, sprites, m, lu, lv, bucket,
                    zoomWidth, linkRgb, selRgb, selLinks, radius, staticKey, overlay, null);
        }

        /** The same static picture with another run overlay. */
        Job withOverlay(RunOverlay.Snapshot o) {
            return new Job(w, h, bg, gridRgb, gridStep, gridX0, gridY0, grid, sx, sy, n, glyph, selected, sprites, m, lu,
                    lv, bucket, zoomWidth, linkRgb, selRgb, selLinks, radius, staticKey, o, pan);
        }

        /** The same static picture drawn {@code margin} px further right and down on a larger raster. */
        Job enlarged(int margin) {
            double[] bx = new double[n];
            double[] by = new double[n];
            for (int i = 0; i < n; i++) {
                bx[i] = sx[i] + margin;
                by[i] = sy[i] + margin;
            }
            return new Job(w + 2 * margin, h + 2 * margin, bg, gridRgb, gridStep, (gridX0 + margin) % gridStep,
                    (gridY0 + margin) % gridStep, grid, bx, by, n, glyph, selected, sprites, m, lu, lv, bucket, zoomWidth,
                    linkRgb, selRgb, selLinks, radius, staticKey, null, null);
        }
    }

    /**
     * What makes two frames' static layers the same picture up to a translation: the layout version (everything but
     * panning) and the viewport's translation, px.
     */
    record Pan(long layout, double tx, double ty) {
    }

    /** A rasterized frame and the screen positions it was drawn with (for the overlays). */
    private record Frame(int w, int h, int[] px, double[] sx, double[] sy, double rasterMillis, RunOverlay.Snapshot overlay) {
    }

    /**
     * The static layer (grid and links) of the last frame, reused while its key holds. While the user pans, the
     * layer is drawn once on a raster {@link #margin} px larger on every side and each frame copies the window it
     * needs (a translation of at most the margin costs a copy, not 5,000 lines); the copy is placed to the nearest
     * pixel, so links may sit up to half a pixel off until the next full frame. Raster thread only.
     */
    static final class StaticCache {
        private long key = Long.MIN_VALUE;
        private boolean withLinks;
        private int w;
        private int h;
        private int[] px;
        private final GlyphSprites glyphs = new GlyphSprites();
        private final LoadLayer load = new LoadLayer();
        // the oversized layer for panning
        private final Raster big = new Raster();
        private long bigLayout = Long.MIN_VALUE;
        private boolean bigLinks;
        private int bigW;
        private int bigH;
        private int margin;
        private double bigTx;
        private double bigTy;
        private long bigDraws;

        /** How often the oversized layer was drawn (tests, benchmarks). */
        long bigDraws() {
            return bigDraws;
        }

        /** How often the links coloured by load were drawn in full (tests). */
        long loadLayerFullDraws() {
            return load.fullDraws();
        }

        /** Copies the job's window of the oversized layer into {@code ra}, drawing that layer first if needed. */
        void panned(Raster ra, Job j, boolean links) {
            Pan p = j.pan();
            long ox = Math.round(p.tx() - bigTx);
            long oy = Math.round(p.ty() - bigTy);
            boolean fits = bigLayout == p.layout() && bigLinks == links && bigW == j.w() + 2 * margin
                    && bigH == j.h() + 2 * margin && Math.abs(ox) <= margin && Math.abs(oy) <= margin;
            if (!fits) {
                margin = Math.max(128, Math.max(j.w(), j.h()) / 3);
                Job e = j.enlarged(margin);
                big.resize(e.w(), e.h());
                drawStatic(big, e, links);
                bigLayout = p.layout();
                bigLinks = links;
                bigW = e.w();
                bigH = e.h();
                bigTx = p.tx();
                bigTy = p.ty();
                bigDraws++;
                ox = 0;
                oy = 0;
            }
            int x0 = (int) (margin - ox);
            int y0 = (int) (margin - oy);
            int[] src = big.pixels();
            int[] dst = ra.pixels();
            int w = j.w();
            for (int y = 0; y < j.h(); y++) {
                System.arraycopy(src, (y + y0) * bigW + x0, dst, y * w, w);
            }
        }
    }

    /**
     * Transfer glyphs as sprites by colour, radius (quarter-pixel steps), queued or not and half-pixel position:
     * a blit costs a fraction of drawing the disc. Bounded (cleared past 8,192 sprites). One thread at a time.
     */
    static final class GlyphSprites {
        private final Map<Long, Raster.Sprite> map = new HashMap<>();
        private int bg = -1;

        Raster.Sprite get(int rgb, int background, boolean queued, double r, int subX, int subY) {
            if (background != bg || map.size() > 8192) {
                map.clear();
                bg = background;
            }
            int rq = (int) Math.min(1023, Math.round(r * 4));
            long key = ((long) rgb << 16) | ((long) rq << 3) | (queued ? 4 : 0) | (subX << 1) | subY;
            Raster.Sprite s = map.get(key);
            if (s == null) {
                double rr = rq / 4.0;
                s = queued ? Raster.discSprite(rr, bg, rgb, Math.max(1.2, rr * 0.45), subX * 0.5, subY * 0.5)
                        : Raster.discSprite(rr, rgb, RunOverlay.mix(rgb, 0x000000, 0.45), Math.min(1, rr * 0.3), subX * 0.5,
                                subY * 0.5);
                map.put(key, s);
            }
            return s;
        }
    }

    private final StaticCache staticCache = new StaticCache(); // raster thread only

    private static final java.util.concurrent.ExecutorService RASTER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "canvas-raster");
        t.setDaemon(true);
        return t;
    });
    private volatile Frame ready;
    private volatile boolean rasterizing;
    private int[] buffer = new int[0];
    private long framesPresented;
    private double lastRasterMillis;
    private double lastPresentMillis;

    /**
     * One pulse: shows a finished frame if there is one, then starts the next if something changed and
     * the rasterizer is free (changes meanwhile coalesce into that one frame).
     */
    private void pulse() {
        Frame f = ready;
        if (f != null) {
            ready = null;
            present(f);
        }
        if (dirty && !rasterizing) {
            dirty = false;
            Job job = prepare();
            if (job != null) {
                rasterizing = true;
                RASTER.execute(() -> {
                    long t0 = System.nanoTime();
                    int[] px = render(raster, job, staticCache);
                    ready = new Frame(job.w(), job.h(), px, job.sx(), job.sy(), (System.nanoTime() - t0) / 1e6, job.overlay());
                    rasterizing = false;
                });
            }
        }
    }

    /** Frames shown so far, and the last frame's rasterizing (background) and presenting (JavaFX thread) times. */
    public long framesPresented() {
        return framesPresented;
    }

    public double lastRasterMillis() {
        return lastRasterMillis;
    }

    public double lastPresentMillis() {
        return lastPresentMillis;
    }

    private Job lastStatic;
    private double lastOverlayMillis;

    /**
     * Builds the frame's job on the JavaFX thread: O(n) for positions plus the few sprites it needs when the
     * static picture changed, else the previous one's; plus the run overlay (O(log H + hops alive + n)).
     */
    private Job prepare() {
        long t0 = System.nanoTime();
        if (cacheStale) {
            rebuildCache();
        }
        Job base = lastStatic != null && lastStatic.staticKey() == staticVersion ? lastStatic : prepareStatic();
        if (base == null) {
            return null;
        }
        lastStatic = base;
        RunOverlay.Snapshot o = null;
        overlayShown = false;
        if (showingRun()) {
            RunOverlay.Geometry geo = new RunOverlay.Geometry(n, base.sx(), base.sy(), m, lu, lv, base.radius());
            o = builder().build(session.clock().cursor(), geo, style(glyphUnit()));
            overlayShown = true;
        }
        animationMenu.setVisible(overlayShown);
        lastOverlayMillis = (System.nanoTime() - t0) / 1e6;
        return base.withOverlay(o);
    }

    private double lastPresentedCursor = Double.NaN;

    /** The cursor time of the run overlay in the frame shown last, or NaN when it showed none. */
    public double lastPresentedCursor() {
        return lastPresentedCursor;
    }

    /** The node glyph radius of the last frame, px (tests). */
    public double lastStaticRadius() {
        return lastStatic == null ? glyphRadius() : lastStatic.radius();
    }

    /** Time the JavaFX thread spent on the last frame's job (positions when they changed, and the overlay), ms. */
    public double lastPrepareMillis() {
        return lastOverlayMillis;
    }

    private Job prepareStatic() {
        int w = (int) Math.ceil(canvas.getWidth());
        int h = (int) Math.ceil(canvas.getHeight());
        if (w <= 0 || h <= 0) {
            return null;
        }
        Viewport vp = vm.viewport();
        double s = vp.scale();
        double tx = vp.tx();
        double ty = vp.ty();
        // Live move preview: selected nodes shifted by the drag.
        Set<String> selNodes = vm.selectedNodes();
        double mdx = gesture == Gesture.MOVE ? (lastX - pressX) / s : 0;
        double mdy = gesture == Gesture.MOVE ? (lastY - pressY) / s : 0;
        boolean moving = gesture == Gesture.MOVE && (mdx != 0 || mdy != 0);
        boolean[] selected = null;
        if (!selNodes.isEmpty()) {
            selected = new boolean[n];
            for (String id : selNodes) {
                Integer k = indexOf.get(id);
                if (k != null) {
                    selected[k] = true;
                }
            }
        }
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
            boolean shift = moving && selected != null && selected[i];
            sx[i] = (x[i] + (shift ? mdx : 0)) * s + tx;
            sy[i] = (y[i] + (shift ? mdy : 0)) * s + ty;
        }
        double r = glyphRadius();
        if (spriteTheme != theme || sprites.size() > 256) {
            sprites.clear();
            spriteTheme = theme;
        }
        Raster.Sprite[] sp = new Raster.Sprite[16];
        for (int g = 0; g <= 6; g++) {
            sp[g * 2] = sprite(g, r, false);
            if (selected != null) {
                sp[g * 2 + 1] = sprite(g, r, true);
            }
        }
        Set<LinkKey> sel = vm.selectedLinks();
        int[][] selLinks = new int[sel.size()][];
        int k = 0;
        for (LinkKey key : sel) {
            Integer a = indexOf.get(key.a());
            Integer b = indexOf.get(key.b());
            selLinks[k++] = a != null && b != null ? new int[] {a, b} : null;
        }
        double step = TopologyEditorViewModel.GRID * s;
        while (step < 12) {
            step *= 2;
        }
        return new Job(w, h, rgb(theme.background()), rgb(theme.grid()), step, ((tx % step) + step) % step,
                ((ty % step) + step) % step, vm.gridVisibleProperty().get(), sx, sy, n, glyph, selected, sp, m, lu, lv,
                bucket, zoomWidth(), rgb(theme.link()), rgb(theme.selection()), selLinks, r, staticVersion, null,
                moving ? null : new Pan(layoutVersion, tx, ty));
    }

    /** Busy ring, straggler ring and dropped cross colours. */
    static final int BUSY_RGB = 0x1a9850;
    static final int STRAGGLER_RGB = 0xff9900;
    static final int DROPPED_RGB = 0xd7191c;

    /**
     * The background half of a frame, no JavaFX: the static layer (grid and links; copied from {@code cache} when
     * its key matches the job's, else drawn and kept there), then the run overlay's link load, the nodes with
     * their state and colour, and the transfer glyphs. Any thread, with its own raster and cache (or a null cache).
     *
     * @return the raster's pixels (owned by the raster: copy before reusing it)
     */
    static int[] render(Raster ra, Job j, StaticCache cache) {
        ra.resize(j.w(), j.h());
        RunOverlay.Snapshot o = j.overlay();
        // Links coloured by load are drawn each frame in their place (not twice); the cache then holds the grid only.
        boolean colourLoad = o != null && o.linkLoad() == AnimationOptions.LinkLoad.COLOUR;
        boolean withLinks = !colourLoad;
        if (colourLoad && cache != null) {
            // the load layer below holds the grid and the coloured links, and fills the whole raster
        } else if (cache != null && j.pan() != null) {
            cache.panned(ra, j, withLinks);
        } else if (cache != null && cache.key == j.staticKey() && cache.withLinks == withLinks && cache.w == j.w()
                && cache.h == j.h() && cache.px != null) {
            ra.copyFrom(cache.px);
        } else {
            drawStatic(ra, j, withLinks);
            if (cache != null) {
                cache.px = ra.copyPixels();
                cache.w = j.w();
                cache.h = j.h();
                cache.key = j.staticKey();
                cache.withLinks = withLinks;
            }
        }
        double[] sx = j.sx();
        double[] sy = j.sy();
        if (colourLoad) {
            int[] colour = new int[j.m()];
            Arrays.fill(colour, j.linkRgb());
            for (int k = 0; k < o.loaded(); k++) {
                int e = o.loadLink()[k];
                if (e < j.m()) {
                    // 16 levels: a link is redrawn only when its level changes (see LoadLayer)
                    colour[e] = RunOverlay.loadMap(Math.round(o.loadNorm()[k] * 15) / 15.0);
                }
            }
            if (cache != null) {
                cache.load.paint(ra, j, colour);
            } else {
                drawLinks(ra, j, colour);
            }
        } else if (o != null && o.linkLoad() == AnimationOptions.LinkLoad.THICKNESS) {
            for (int k = 0; k < o.loaded(); k++) {
                int e = o.loadLink()[k];
                if (e >= j.m()) {
                    continue;
                }
                double base = j.bucket()[e] / 2.0 * j.zoomWidth();
                ra.line(sx[j.lu()[e]], sy[j.lu()[e]], sx[j.lv()[e]], sy[j.lv()[e]],
                        base + (1 + 7 * o.loadNorm()[k]) * j.zoomWidth(), 0xfc8d59, 0.8);
            }
        }
        drawNodes(ra, j, o);
        if (o != null) {
            drawGlyphs(ra, j, o, cache != null ? cache.glyphs : new GlyphSprites());
        }
        return ra.pixels();
    }

    /**
     * The links coloured by load, kept between frames: a frame redraws only the links whose colour changed (opaque,
     * over their previous colour) instead of all of them, and copies the layer. While a run plays only the links
     * whose transfers started or ended change level, so a frame draws a few hundred lines, not 5,000. Redrawn in
     * full when the static picture changes (a new key or size). A redrawn line lies over the lines it crosses, and
     * its anti-aliased rim may keep a trace of its previous colour until the next full redraw. Raster thread only.
     */
    static final class LoadLayer {
        private final Raster layer = new Raster();
        private long key = Long.MIN_VALUE;
        private int w;
        private int h;
        private int[] drawn = new int[0];
        private long fullDraws;

        /** How often the layer was drawn in full (tests). */
        long fullDraws() {
            return fullDraws;
        }

        void paint(Raster ra, Job j, int[] colour) {
            boolean full = key != j.staticKey() || w != j.w() || h != j.h() || drawn.length != j.m();
            if (full) {
                layer.resize(j.w(), j.h());
                drawStatic(layer, j, false);
                drawLinks(layer, j, colour);
                drawn = colour.clone();
                key = j.staticKey();
                w = j.w();
                h = j.h();
                fullDraws++;
            } else {
                double[] sx = j.sx();
                double[] sy = j.sy();
                boolean any = false;
                for (int e = 0; e < j.m(); e++) {
                    if (colour[e] != drawn[e]) {
                        layer.line(sx[j.lu()[e]], sy[j.lu()[e]], sx[j.lv()[e]], sy[j.lv()[e]],
                                j.bucket()[e] / 2.0 * j.zoomWidth(), colour[e], 1);
                        drawn[e] = colour[e];
                        any = true;
                    }
                }
                if (any) {
                    for (int[] l : j.selLinks()) {
                        if (l != null) {
                            layer.line(sx[l[0]], sy[l[0]], sx[l[1]], sy[l[1]], 3 * j.zoomWidth() + 1, j.selRgb(), 1);
                        }
                    }
                }
            }
            ra.copyFrom(layer.pixels());
        }
    }

    /** Links at their bandwidth's width; {@code colour[e]} &gt;= 0 overrides a link's colour (drawn opaque). */
    private static void drawLinks(Raster ra, Job j, int[] colour) {
        double[] sx = j.sx();
        double[] sy = j.sy();
        for (int e = 0; e < j.m(); e++) {
            boolean c = colour != null && colour[e] >= 0;
            ra.line(sx[j.lu()[e]], sy[j.lu()[e]], sx[j.lv()[e]], sy[j.lv()[e]], j.bucket()[e] / 2.0 * j.zoomWidth(),
                    c ? colour[e] : j.linkRgb(), c ? 1 : 0.9);
        }
        for (int[] l : j.selLinks()) {
            if (l != null) {
                ra.line(sx[l[0]], sy[l[0]], sx[l[1]], sy[l[1]], 3 * j.zoomWidth() + 1, j.selRgb(), 1);
            }
        }
    }

    /** Grid, and links with the selected ones when {@code links}. */
    private static void drawStatic(Raster ra, Job j, boolean links) {
        ra.fill(j.bg());
        if (j.grid()) {
            for (double gx = j.gridX0(); gx < j.w(); gx += j.gridStep()) {
                ra.gridLine(true, (int) Math.floor(gx), j.gridRgb(), 1);
            }
            for (double gy = j.gridY0(); gy < j.h(); gy += j.gridStep()) {
                ra.gridLine(false, (int) Math.floor(gy), j.gridRgb(), 1);
            }
        }
        if (links) {
            drawLinks(ra, j, null);
        }
    }

    /** Node sprites; with an overlay also their colour (a halo), straggling ring, dropped mark and busy ring. */
    private static void drawNodes(Raster ra, Job j, RunOverlay.Snapshot o) {
        double[] sx = j.sx();
        double[] sy = j.sy();
        double r = j.radius();
        byte[] state = o == null ? null : o.nodeState();
        boolean coloured = o != null && o.nodeValue() != null;
        for (int i = 0; i < j.n(); i++) {
            double cx = sx[i], cy = sy[i];
            if (cx < -r * 2 || cx > j.w() + r * 2 || cy < -r * 2 || cy > j.h() + r * 2) {
                continue;
            }
            int st = state != null && i < state.length ? state[i] : 0;
            if (coloured) {
                ra.disc(cx, cy, r * 1.45, o.nodeRgb(i), 0, 0, 1);
            }
            if ((st & RunOverlay.STRAGGLING) != 0) {
                ra.arc(cx, cy, r * 1.75, Math.max(1.5, r * 0.28), 1, STRAGGLER_RGB, 1);
            }
            boolean sel = j.selected() != null && j.selected()[i];
            ra.blit(j.sprites()[j.glyph()[i] * 2 + (sel ? 1 : 0)], (int) Math.round(cx), (int) Math.round(cy));
            if ((st & RunOverlay.DROPPED) != 0) {
                ra.disc(cx, cy, r * 1.2, j.bg(), 0, 0, 0.65);
                double q = r * 0.8;
                ra.line(cx - q, cy - q, cx + q, cy + q, Math.max(1.5, r * 0.25), DROPPED_RGB, 1);
                ra.line(cx - q, cy + q, cx + q, cy - q, Math.max(1.5, r * 0.25), DROPPED_RGB, 1);
            }
            if ((st & RunOverlay.BUSY) != 0) {
                double w = Math.max(1.5, r * 0.3);
                ra.arc(cx, cy, r * 1.3, w, 1, BUSY_RGB, 0.25);
                ra.arc(cx, cy, r * 1.3, w, Math.max(0.02, o.busyProgress()[i]), BUSY_RGB, 1);
            }
        }
    }

    /** Transfer glyphs: filled discs in flight, rings (hollow) while queued at the sender. */
    private static void drawGlyphs(Raster ra, Job j, RunOverlay.Snapshot o, GlyphSprites sprites) {
        float[] gx = o.gx();
        float[] gy = o.gy();
        float[] gr = o.gr();
        int[] rgb = o.grgb();
        boolean[] q = o.gQueued();
        int w = j.w();
        int h = j.h();
        for (int k = 0; k < o.glyphs(); k++) {
            double r = gr[k];
            double x = gx[k], y = gy[k];
            if (x < -r - 1 || y < -r - 1 || x > w + r + 1 || y > h + r + 1) {
                continue;
            }
            // Half-pixel positions: smooth enough in motion, four sprites per glyph size.
            double qx = Math.round(x * 2) / 2.0;
            double qy = Math.round(y * 2) / 2.0;
            int ix = (int) Math.floor(qx);
            int iy = (int) Math.floor(qy);
            ra.blit(sprites.get(rgb[k], j.bg(), q[k], r, qx > ix ? 1 : 0, qy > iy ? 1 : 0), ix, iy);
        }
    }

    /** The JavaFX half: upload the pixels, draw them, then labels, gesture feedback and the legend. */
    private void present(Frame f) {
        long t0 = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (frameImage == null || frameImage.getWidth() != f.w() || frameImage.getHeight() != f.h()) {
            frameImage = new javafx.scene.image.WritableImage(f.w(), f.h());
        }
        frameImage.getPixelWriter().setPixels(0, 0, f.w(), f.h(), javafx.scene.image.PixelFormat.getIntArgbPreInstance(),
                f.px(), 0, f.w());
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.drawImage(frameImage, 0, 0);
        drawLabels(g, canvas.getWidth(), canvas.getHeight(), f.sx(), f.sy());
        drawOverlay(g, f.sx(), f.sy());
        drawLegend(g, canvas.getHeight());
        if (f.overlay() != null && options != null && options.showLegends()) {
            drawRunLegend(g, f.overlay(), canvas.getWidth(), canvas.getHeight());
        }
        framesPresented++;
        lastPresentedCursor = f.overlay() == null ? Double.NaN : f.overlay().time();
        lastRasterMillis = f.rasterMillis();
        lastPresentMillis = (System.nanoTime() - t0) / 1e6;
    }

    private static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private double glyphRadius() {
        return Math.max(2.5, Math.min(RADIUS * 1.6, RADIUS * Math.sqrt(vm.viewport().scale()))) * presentation;
    }

    private double zoomWidth() {
        return Math.max(0.6, Math.min(2.5, Math.sqrt(vm.viewport().scale()))) * presentation;
    }

    /** The glyph as a premultiplied sprite, rendered once by JavaFX per kind, size (0.5 px steps) and selection. */
    private Raster.Sprite sprite(int kind, double r, boolean sel) {
        long q = Math.round(r * 2);
        long key = (q << 8) | ((long) kind << 1) | (sel ? 1 : 0);
        Raster.Sprite sp = sprites.get(key);
        if (sp == null) {
            double rr = q / 2.0;
            int size = (int) Math.ceil(rr * 4) + 4;
            Canvas c = new Canvas(size, size);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setLineWidth(Math.max(1, rr / 5));
            if (sel) {
                g.setFill(theme.selection());
                g.fillOval(size / 2.0 - rr * 1.75, size / 2.0 - rr * 1.75, rr * 3.5, rr * 3.5);
            }
            drawGlyph(g, kind, size / 2.0, size / 2.0, rr, theme.background());
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            javafx.scene.image.WritableImage img = c.snapshot(p, null);
            int iw = (int) img.getWidth();
            int ih = (int) img.getHeight();
            int[] px = new int[iw * ih];
            img.getPixelReader().getPixels(0, 0, iw, ih, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), px, 0, iw);
            sp = cropped(px, iw, ih, size / 2, size / 2);
            sprites.put(key, sp);
        }
        return sp;
    }

    /** The sprite without its fully transparent border (fewer pixels to blit per node). */
    static Raster.Sprite cropped(int[] px, int w, int h, int cx, int cy) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                if ((px[j * w + i] >>> 24) != 0) {
                    x0 = Math.min(x0, i);
                    x1 = Math.max(x1, i);
                    y0 = Math.min(y0, j);
                    y1 = Math.max(y1, j);
                }
            }
        }
        if (x1 < 0) {
            return new Raster.Sprite(0, 0, new int[0], 0, 0);
        }
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        int[] c = new int[cw * ch];
        for (int j = 0; j < ch; j++) {
            System.arraycopy(px, (y0 + j) * w + x0, c, j * cw, cw);
        }
        return new Raster.Sprite(cw, ch, c, x0 - cx, y0 - cy);
    }

    private void drawLabels(GraphicsContext g, double w, double h, double[] sx, double[] sy) {
        double r = glyphRadius();
        int visible = 0;
        for (int i = 0; i < n && visible <= 400; i++) {
            if (sx[i] >= -r && sx[i] <= w + r && sy[i] >= -r && sy[i] <= h + r) {
                visible++;
            }
        }
        if (r < 6 || visible > 400) {
            return;
        }
        g.setFont(Font.font("System", Math.max(10, 11 * presentation)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(theme.label());
        for (int i = 0; i < n; i++) {
            double cx = sx[i], cy = sy[i];
            if (cx < -r * 2 || cx > w + r * 2 || cy < -r * 2 || cy > h + r * 2) {
                continue;
            }
            g.fillText(labels[i], cx, cy + r * 1.6 + 11 * presentation);
        }
    }

    /** Draws one node glyph: circle (device), subtype icons, rack (server), cloud. */
    static void drawGlyph(GraphicsContext g, int glyph, double x, double y, double r, Color cut) {
        switch (glyph) {
            case 1 -> { // phone: a tall rounded rectangle with a screen
                g.setFill(CanvasTheme.DEVICE);
                g.fillRoundRect(x - r * 0.65, y - r, r * 1.3, r * 2, r * 0.5, r * 0.5);
                g.setFill(cut);
                g.fillRect(x - r * 0.45, y - r * 0.7, r * 0.9, r * 1.25);
            }
            case 2 -> { // IoT sensor: a diamond with a dot
                g.setFill(CanvasTheme.DEVICE);
                g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
                g.setFill(cut);
                g.fillOval(x - r * 0.3, y - r * 0.3, r * 0.6, r * 0.6);
            }
            case 3 -> { // vehicle: a body and two wheels
                g.setFill(CanvasTheme.DEVICE);
                g.fillRoundRect(x - r * 1.2, y - r * 0.55, r * 2.4, r * 0.95, r * 0.4, r * 0.4);
                g.fillRoundRect(x - r * 0.6, y - r * 0.95, r * 1.2, r * 0.6, r * 0.3, r * 0.3);
                g.fillOval(x - r * 0.95, y + r * 0.2, r * 0.65, r * 0.65);
                g.fillOval(x + r * 0.3, y + r * 0.2, r * 0.65, r * 0.65);
            }
            case 4 -> { // drone: an X with four rotors
                g.setStroke(CanvasTheme.DEVICE);
                g.strokeLine(x - r * 0.7, y - r * 0.7, x + r * 0.7, y + r * 0.7);
                g.strokeLine(x - r * 0.7, y + r * 0.7, x + r * 0.7, y - r * 0.7);
                g.setFill(CanvasTheme.DEVICE);
                double q = r * 0.45;
                g.fillOval(x - r * 0.7 - q, y - r * 0.7 - q, 2 * q, 2 * q);
                g.fillOval(x + r * 0.7 - q, y - r * 0.7 - q, 2 * q, 2 * q);
                g.fillOval(x - r * 0.7 - q, y + r * 0.7 - q, 2 * q, 2 * q);
                g.fillOval(x + r * 0.7 - q, y + r * 0.7 - q, 2 * q, 2 * q);
                g.fillOval(x - q * 0.6, y - q * 0.6, q * 1.2, q * 1.2);
            }
            case 5 -> { // server: a rack
                g.setFill(CanvasTheme.SERVER);
                g.fillRoundRect(x - r * 0.95, y - r * 1.1, r * 1.9, r * 2.2, r * 0.3, r * 0.3);
                g.setFill(cut);
                for (int k = 0; k < 3; k++) {
                    g.fillRect(x - r * 0.65, y - r * 0.75 + k * r * 0.62, r * 1.3, r * 0.18);
                }
            }
            case 6 -> { // cloud: three bumps on a flat base
                g.setFill(CanvasTheme.CLOUD);
                g.fillOval(x - r * 1.5, y - r * 0.35, r * 1.3, r * 1.05);
                g.fillOval(x - r * 0.8, y - r * 1.05, r * 1.6, r * 1.6);
                g.fillOval(x + r * 0.2, y - r * 0.5, r * 1.3, r * 1.2);
                g.fillRoundRect(x - r * 1.5, y, r * 3, r * 0.7, r * 0.6, r * 0.6);
            }
            default -> { // generic device: a circle
                g.setFill(CanvasTheme.DEVICE);
                g.fillOval(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
            }
        }
    }

    private void drawOverlay(GraphicsContext g, double[] sx, double[] sy) {
        if (gesture == Gesture.RUBBER && dragged) {
            g.setFill(theme.selection().deriveColor(0, 1, 1, 0.12));
            g.setStroke(theme.selection());
            g.setLineWidth(1);
            double rx = Math.min(pressX, lastX), ry = Math.min(pressY, lastY);
            double rw = Math.abs(lastX - pressX), rh = Math.abs(lastY - pressY);
            g.fillRect(rx, ry, rw, rh);
            g.strokeRect(rx + 0.5, ry + 0.5, rw, rh);
        }
        if (gesture == Gesture.LINK && linkFrom != null) {
            Integer a = indexOf.get(linkFrom);
            if (a != null) {
                g.setStroke(theme.selection());
                g.setLineWidth(2 * presentation);
                g.setLineDashes(6, 4);
                g.strokeLine(sx[a], sy[a], lastX, lastY);
                g.setLineDashes((double[]) null);
            }
        }
    }

    /** Height of the legend strip in pixels at presentation scale 1 (fitting keeps it clear). */
    static final double LEGEND_HEIGHT = 26;

    /** Bottom-left legend strip: the glyph of each kind, then link widths per bandwidth decade (log scale). */
    private void drawLegend(GraphicsContext g, double h) {
        double f = presentation;
        String[] names = {"device", "phone", "sensor", "vehicle", "drone", "server", "cloud"};
        double[] decades = {1, 10, 100, 1000};
        g.setFont(Font.font("System", 10.5 * f));
        g.setTextAlign(TextAlignment.LEFT);
        double lh = LEGEND_HEIGHT * f;
        double lw = (names.length * 62 + 4 * 46 + 50) * f;
        double x0 = 8, y0 = h - lh - 8;
        if (y0 < 8 || lw + 16 > canvas.getWidth()) {
            return;
        }
        g.setFill(theme.legendBackground());
        g.fillRoundRect(x0, y0, lw, lh, 8, 8);
        g.setStroke(theme.grid());
        g.setLineWidth(1);
        g.strokeRoundRect(x0 + 0.5, y0 + 0.5, lw, lh, 8, 8);
        double cy = y0 + lh / 2;
        double r = 6 * f;
        double cx = x0 + 12 * f;
        for (int i = 0; i < names.length; i++) {
            drawGlyph(g, i, cx, cy, r, theme.legendBackground());
            g.setFill(theme.label());
            g.fillText(names[i], cx + 10 * f, cy + 4 * f);
            cx += 62 * f;
        }
        g.setStroke(theme.link());
        for (double d : decades) {
            g.setLineWidth(linkWidth(d) * f);
            g.strokeLine(cx, cy, cx + 14 * f, cy);
            g.setFill(theme.label());
            g.fillText(d >= 1000 ? "1000" : String.format(Locale.ROOT, "%.0f", d), cx + 17 * f, cy + 4 * f);
            cx += 46 * f;
        }
        g.fillText("Mbit/s", cx, cy + 4 * f);
    }

    private static Color fx(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /** "1 kbit", "2.5 Mbit": bits with an SI prefix, 3 significant digits. */
    public static String formatBits(double bits) {
        String[] units = {"bit", "kbit", "Mbit", "Gbit", "Tbit", "Pbit"};
        double v = bits;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String num = String.format(Locale.ROOT, "%.3g", v);
        if (num.contains(".") && !num.contains("e")) {
            num = num.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return num + " " + units[u];
    }

    /**
     * The run's legends: two rows above the bottom strip (glyph colour per message kind and the queued ring; glyph
     * size per decade of bits, log scale, and node states), and at the top right the node colour bar (min and max
     * of the chosen quantity) and the link load bar.
     */
    private void drawRunLegend(GraphicsContext g, RunOverlay.Snapshot o, double w, double h) {
        double f = presentation;
        double lh = LEGEND_HEIGHT * f;
        double rowW = 640 * f;
        double x0 = 8;
        double y1 = h - lh - 8 - (lh + 4);
        double y0 = y1 - (lh + 4);
        g.setFont(Font.font("System", 10.5 * f));
        g.setTextAlign(TextAlignment.LEFT);
        if (y0 > 8 && rowW + 16 <= w) {
            for (double y : new double[] {y0, y1}) {
                g.setFill(theme.legendBackground());
                g.fillRoundRect(x0, y, rowW, lh, 8, 8);
                g.setStroke(theme.grid());
                g.setLineWidth(1);
                g.strokeRoundRect(x0 + 0.5, y + 0.5, rowW, lh, 8, 8);
            }
            double cy = y0 + lh / 2;
            double cx = x0 + 10 * f;
            g.setFill(theme.label());
            g.fillText("transfers:", cx, cy + 4 * f);
            cx += 58 * f;
            for (org.edgeai.model.engine.core.MessageKind k : org.edgeai.model.engine.core.MessageKind.values()) {
                g.setFill(fx(RunOverlay.kindRgb(k)));
                g.fillOval(cx - 4.5 * f, cy - 4.5 * f, 9 * f, 9 * f);
                g.setFill(theme.label());
                g.fillText(k.id(), cx + 8 * f, cy + 4 * f);
                cx += (k.id().length() * 6 + 22) * f;
            }
            g.setStroke(theme.label());
            g.setLineWidth(2 * f);
            g.strokeOval(cx - 4 * f, cy - 4 * f, 8 * f, 8 * f);
            g.setFill(theme.label());
            g.fillText("queued at sender", cx + 8 * f, cy + 4 * f);
            cy = y1 + lh / 2;
            cx = x0 + 10 * f;
            g.fillText("size (log):", cx, cy + 4 * f);
            cx += 58 * f;
            double unit = Math.min(2.2 * f, glyphUnit());
            for (long b : RunOverlay.LEGEND_BITS) {
                double r = Math.min(lh / 2 - 1, RunOverlay.glyphRadius(b, unit));
                g.setFill(theme.link());
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                g.setFill(theme.label());
                g.fillText(formatBits(b), cx + r + 3 * f, cy + 4 * f);
                cx += 64 * f;
            }
            g.setLineWidth(2 * f);
            g.setStroke(fx(BUSY_RGB));
            g.strokeArc(cx - 5 * f, cy - 5 * f, 10 * f, 10 * f, 90, -250, javafx.scene.shape.ArcType.OPEN);
            g.setFill(theme.label());
            g.fillText("busy", cx + 8 * f, cy + 4 * f);
            cx += 40 * f;
            g.setStroke(fx(STRAGGLER_RGB));
            g.strokeOval(cx - 5 * f, cy - 5 * f, 10 * f, 10 * f);
            g.fillText("straggling", cx + 8 * f, cy + 4 * f);
            cx += 66 * f;
            g.setStroke(fx(DROPPED_RGB));
            g.strokeLine(cx - 4 * f, cy - 4 * f, cx + 4 * f, cy + 4 * f);
            g.strokeLine(cx - 4 * f, cy + 4 * f, cx + 4 * f, cy - 4 * f);
            g.fillText("dropped", cx + 8 * f, cy + 4 * f);
        }
        // Colour bars, top right.
        double bw = 150 * f;
        double bx = w - bw - 22 * f;
        double by = 8;
        if (bx < 8) {
            return;
        }
        if (o.nodeValue() != null) {
            String lo = Double.isNaN(o.valueMin()) ? "–" : fmtValue(o.quantity(), o.valueMin());
            String hi = Double.isNaN(o.valueMax()) ? "–" : fmtValue(o.quantity(), o.valueMax());
            colourBar(g, bx, by, bw, "nodes: " + o.quantity().label().toLowerCase(Locale.ROOT), lo, hi, RunOverlay::colourMap);
            by += 52 * f;
        }
        if (o.linkLoad() != AnimationOptions.LinkLoad.OFF) {
            boolean util = o.loadMeasure() == AnimationOptions.LoadMeasure.UTILISATION;
            String hi = util ? "100%" : formatBits(o.loadMax());
            colourBar(g, bx, by, bw, "links: " + o.loadMeasure().label().toLowerCase(Locale.ROOT)
                    + (o.linkLoad() == AnimationOptions.LinkLoad.THICKNESS ? " (width)" : "") + (util ? "" : ", log"),
                    util ? "0%" : "0", hi, o.linkLoad() == AnimationOptions.LinkLoad.THICKNESS ? v -> 0xfc8d59 : RunOverlay::loadMap);
        }
    }

    private static String fmtValue(AnimationOptions.NodeColour q, double v) {
        return q == AnimationOptions.NodeColour.BITS_SENT ? formatBits(v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private void colourBar(GraphicsContext g, double x, double y, double bw, String title, String lo, String hi,
                           java.util.function.DoubleToIntFunction map) {
        double f = presentation;
        g.setFill(theme.legendBackground());
        g.fillRoundRect(x - 8 * f, y, bw + 16 * f, 46 * f, 8, 8);
        g.setStroke(theme.grid());
        g.setLineWidth(1);
        g.strokeRoundRect(x - 8 * f + 0.5, y + 0.5, bw + 16 * f, 46 * f, 8, 8);
        g.setFill(theme.label());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, x, y + 13 * f);
        int steps = 30;
        for (int i = 0; i < steps; i++) {
            g.setFill(fx(map.applyAsInt((i + 0.5) / steps)));
            g.fillRect(x + bw * i / steps, y + 18 * f, bw / steps + 0.5, 10 * f);
        }
        g.setFill(theme.label());
        g.fillText(lo, x, y + 41 * f);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(hi, x + bw, y + 41 * f);
        g.setTextAlign(TextAlignment.LEFT);
    }

    // ------------------------------------------------------------------ input

    private double tolerance() {
        return (glyphRadius() + 3) / vm.viewport().scale();
    }

    private void installHandlers() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::draggedTo);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            PaletteItem item = paletteDrag.take();
            if (item != null && item.addsNodes()) {
                Viewport vp = vm.viewport();
                vm.addNode(item, vp.toWorldX(e.getX()), vp.toWorldY(e.getY()));
                requestFocus();
                e.consume();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                vm.viewport().zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        Viewport vp = vm.viewport();
        double wx = vp.toWorldX(e.getX());
        double wy = vp.toWorldY(e.getY());
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            gesture = Gesture.PAN;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PaletteItem tool = vm.toolProperty().get();
        String node = vm.nodeAt(wx, wy, tolerance());
        boolean additive = e.isShiftDown() || e.isShortcutDown();
        if (tool == PaletteItem.LINK || (e.isAltDown() && node != null)) {
            linkFrom = node;
            gesture = node != null ? Gesture.LINK : Gesture.NONE;
            return;
        }
        if (tool.addsNodes()) {
            if (node == null) {
                vm.addNode(tool, wx, wy);
                gesture = Gesture.NONE;
                return;
            }
        }
        if (node != null) {
            vm.clickNode(node, additive);
            gesture = vm.selectedNodes().contains(node) ? Gesture.MOVE : Gesture.NONE;
            return;
        }
        LinkKey link = vm.linkAt(wx, wy, tolerance() * 0.6);
        if (link != null) {
            vm.clickLink(link, additive);
            gesture = Gesture.NONE;
            return;
        }
        gesture = Gesture.RUBBER;
    }

    private void draggedTo(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (Math.abs(lastX - pressX) + Math.abs(lastY - pressY) > 3) {
            dragged = true;
        }
        if (gesture == Gesture.PAN) {
            vm.viewport().pan(dx, dy);
        } else if (gesture != Gesture.NONE) {
            requestRedraw();
        }
    }

    private void released(MouseEvent e) {
        Viewport vp = vm.viewport();
        lastX = e.getX();
        lastY = e.getY();
        Gesture g = gesture;
        gesture = Gesture.NONE;
        switch (g) {
            case MOVE -> {
                if (dragged) {
                    double s = vp.scale();
                    vm.moveNodes(Set.copyOf(vm.selectedNodes()), (lastX - pressX) / s, (lastY - pressY) / s);
                }
            }
            case RUBBER -> {
                if (dragged) {
                    vm.selectInRect(vp.toWorldX(pressX), vp.toWorldY(pressY), vp.toWorldX(lastX), vp.toWorldY(lastY),
                            e.isShiftDown() || e.isShortcutDown());
                } else if (!e.isShiftDown() && !e.isShortcutDown()) {
                    vm.clearSelection();
                }
            }
            case LINK -> {
                String to = vm.nodeAt(vp.toWorldX(lastX), vp.toWorldY(lastY), tolerance());
                if (to != null && linkFrom != null && !to.equals(linkFrom)) {
                    vm.connect(linkFrom, to);
                }
                linkFrom = null;
            }
            default -> {
            }
        }
        requestRedraw();
    }

    private String hovered = "";

    private void hover(MouseEvent e) {
        Viewport vp = vm.viewport();
        double wx = vp.toWorldX(e.getX());
        double wy = vp.toWorldY(e.getY());
        String node = vm.nodeAt(wx, wy, tolerance());
        String text = "";
        if (node != null) {
            Node nd = vm.topology().node(node);
            text = String.format(Locale.ROOT, "%s%s\nkind: %s%s\ncompute: %.4g GFLOP/s\nmemory: %.0f MB%s", nd.id(),
                    nd.label().isEmpty() ? "" : " (" + nd.label() + ")", nd.kind().id(),
                    DeviceType.of(nd).map(t -> " / " + t.id()).orElse(""), nd.computeGflops(), nd.memoryMb(),
                    nd.accessMbps() == null ? "" : String.format(Locale.ROOT, "\naccess: %.4g Mbit/s", nd.accessMbps()));
        } else {
            LinkKey k = vm.linkAt(wx, wy, tolerance() * 0.6);
            if (k != null) {
                Link l = vm.topology().findLink(k.a(), k.b()).orElseThrow();
                text = String.format(Locale.ROOT, "%s\nbandwidth: %.4g Mbit/s\nlatency: %.4g ms%s", k, l.bandwidthMbps(),
                        l.latencyMs(), l.weight() == null ? "" : "\nweight: " + l.weight());
            }
        }
        if (!text.equals(hovered)) {
            hovered = text;
            if (text.isEmpty()) {
                Tooltip.uninstall(this, tooltip);
            } else {
                tooltip.setText(text);
                Tooltip.install(this, tooltip);
            }
        }
        setCursorFor(node);
    }

    private void setCursorFor(String node) {
        PaletteItem tool = vm.toolProperty().get();
        javafx.scene.Cursor c = tool.addsNodes() ? javafx.scene.Cursor.CROSSHAIR
                : tool == PaletteItem.LINK ? (node != null ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT)
                : node != null ? javafx.scene.Cursor.MOVE : javafx.scene.Cursor.DEFAULT;
        if (getCursor() != c) {
            setCursor(c);
        }
    }

    private void key(KeyEvent e) {
        double step = 60;
        switch (e.getCode()) {
            case LEFT -> vm.viewport().pan(step, 0);
            case RIGHT -> vm.viewport().pan(-step, 0);
            case UP -> vm.viewport().pan(0, step);
            case DOWN -> vm.viewport().pan(0, -step);
            case PLUS, ADD -> vm.viewport().zoomAt(1.25, getWidth() / 2, getHeight() / 2);
            case SUBTRACT -> vm.viewport().zoomAt(0.8, getWidth() / 2, getHeight() / 2);
            case BACK_SPACE -> vm.deleteSelection();
            case ESCAPE -> {
                vm.toolProperty().set(PaletteItem.SELECT);
                vm.clearSelection();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The screen position of a node (tests and the benchmark). */
    public javafx.geometry.Point2D screenOf(String nodeId) {
        Node nd = vm.topology().node(nodeId);
        return new javafx.geometry.Point2D(vm.viewport().toScreenX(nd.x()), vm.viewport().toScreenY(nd.y()));
    }
}
