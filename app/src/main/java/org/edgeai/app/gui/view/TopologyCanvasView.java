package org.edgeai.app.gui.view;

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
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.edgeai.app.gui.DeviceType;
import org.edgeai.app.gui.vm.PaletteItem;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.Viewport;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * The topology editor's canvas: immediate-mode drawing on one {@link Canvas} so thousands of elements stay
 * cheap. Positions and link widths are cached in arrays, rebuilt only when the document changes; a frame
 * culls what is off screen and strokes links in a few batched paths (one per width bucket). Redraws are
 * coalesced: changes mark the canvas dirty and an {@link AnimationTimer} draws at most once per pulse.
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
        vm.viewport().versionProperty().addListener(o -> requestRedraw());
        vm.gridVisibleProperty().addListener(o -> requestRedraw());
        SetChangeListener<Object> sel = c -> requestRedraw();
        vm.selectedNodes().addListener(sel);
        vm.selectedLinks().addListener(sel);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    draw();
                }
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

    public void requestRedraw() {
        dirty = true;
    }

    /** Fits the whole graph into the canvas. */
    public void fit() {
        vm.viewport().fit(vm.topology(), getWidth(), getHeight(), RADIUS * presentation * 3);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
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

    private void rebuildCache() {
        Topology t = vm.topology();
        n = t.nodeCount();
        m = t.linkCount();
        if (x.length < n) {
            int cap = Math.max(n, x.length * 2);
            x = new double[cap];
            y = new double[cap];
            glyph = new byte[cap];
            labels = new String[cap];
            ids = new String[cap];
        }
        if (lu.length < m) {
            int cap = Math.max(m, lu.length * 2);
            lu = new int[cap];
            lv = new int[cap];
            bucket = new byte[cap];
        }
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
            bucket[e++] = (byte) Math.round(linkWidth(l.bandwidthMbps()) * 2);
        }
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

    /** Draws one frame now (the benchmark calls this directly). */
    public void draw() {
        dirty = false;
        if (cacheStale) {
            rebuildCache();
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        Viewport vp = vm.viewport();
        double s = vp.scale();
        double tx = vp.tx();
        double ty = vp.ty();
        if (vm.gridVisibleProperty().get()) {
            drawGrid(g, w, h, s, tx, ty);
        }
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
            double ox = moving && selected != null && selected[i] ? mdx : 0;
            double oy = moving && selected != null && selected[i] ? mdy : 0;
            sx[i] = (x[i] + ox) * s + tx;
            sy[i] = (y[i] + oy) * s + ty;
        }
        drawLinks(g, w, h, sx, sy);
        drawNodes(g, w, h, sx, sy, selected);
        drawOverlay(g, sx, sy);
        drawLegend(g, h);
    }

    private void drawGrid(GraphicsContext g, double w, double h, double s, double tx, double ty) {
        double step = TopologyEditorViewModel.GRID * s;
        while (step < 12) {
            step *= 2;
        }
        g.setStroke(theme.grid());
        g.setLineWidth(1);
        g.beginPath();
        double x0 = ((tx % step) + step) % step;
        for (double gx = x0; gx < w; gx += step) {
            double px = Math.floor(gx) + 0.5;
            g.moveTo(px, 0);
            g.lineTo(px, h);
        }
        double y0 = ((ty % step) + step) % step;
        for (double gy = y0; gy < h; gy += step) {
            double py = Math.floor(gy) + 0.5;
            g.moveTo(0, py);
            g.lineTo(w, py);
        }
        g.stroke();
    }

    private void drawLinks(GraphicsContext g, double w, double h, double[] sx, double[] sy) {
        double zoomWidth = Math.max(0.6, Math.min(2.5, Math.sqrt(vm.viewport().scale()))) * presentation;
        g.setStroke(theme.link());
        g.setLineCap(StrokeLineCap.ROUND);
        // One path per width bucket: a few stroke calls instead of thousands.
        for (int b = 1; b <= 12; b++) {
            boolean any = false;
            for (int e = 0; e < m; e++) {
                if (bucket[e] != b) {
                    continue;
                }
                double ax = sx[lu[e]], ay = sy[lu[e]], bx = sx[lv[e]], by = sy[lv[e]];
                if ((ax < 0 && bx < 0) || (ax > w && bx > w) || (ay < 0 && by < 0) || (ay > h && by > h)) {
                    continue;
                }
                if (!any) {
                    g.beginPath();
                    any = true;
                }
                g.moveTo(ax, ay);
                g.lineTo(bx, by);
            }
            if (any) {
                g.setLineWidth(b / 2.0 * zoomWidth);
                g.stroke();
            }
        }
        Set<LinkKey> sel = vm.selectedLinks();
        if (!sel.isEmpty()) {
            g.setStroke(theme.selection());
            g.setLineWidth(3 * zoomWidth + 1);
            g.beginPath();
            for (LinkKey k : sel) {
                Integer a = indexOf.get(k.a());
                Integer b = indexOf.get(k.b());
                if (a != null && b != null) {
                    g.moveTo(sx[a], sy[a]);
                    g.lineTo(sx[b], sy[b]);
                }
            }
            g.stroke();
        }
    }

    private void drawNodes(GraphicsContext g, double w, double h, double[] sx, double[] sy, boolean[] selected) {
        double r = glyphRadius();
        int visible = 0;
        for (int i = 0; i < n; i++) {
            if (sx[i] >= -r && sx[i] <= w + r && sy[i] >= -r && sy[i] <= h + r) {
                visible++;
            }
        }
        boolean drawLabels = r >= 6 && visible <= 400;
        g.setFont(Font.font("System", Math.max(10, 11 * presentation)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setLineWidth(Math.max(1, r / 5));
        for (int i = 0; i < n; i++) {
            double cx = sx[i], cy = sy[i];
            if (cx < -r * 2 || cx > w + r * 2 || cy < -r * 2 || cy > h + r * 2) {
                continue;
            }
            if (selected != null && selected[i]) {
                g.setFill(theme.selection());
                g.fillOval(cx - r * 1.75, cy - r * 1.75, r * 3.5, r * 3.5);
            }
            drawGlyph(g, glyph[i], cx, cy, r, theme.background());
            if (drawLabels) {
                g.setFill(theme.label());
                g.fillText(labels[i], cx, cy + r * 1.6 + 11 * presentation);
            }
        }
    }

    private double glyphRadius() {
        return Math.max(2.5, Math.min(RADIUS * 1.6, RADIUS * Math.sqrt(vm.viewport().scale()))) * presentation;
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

    /** Bottom-left legend: the glyphs and the link widths per bandwidth decade. */
    private void drawLegend(GraphicsContext g, double h) {
        double f = presentation;
        double lw = 150 * f, lh = 132 * f;
        double x0 = 10, y0 = h - lh - 10;
        if (y0 < 10) {
            return;
        }
        g.setFill(theme.legendBackground());
        g.fillRoundRect(x0, y0, lw, lh, 8, 8);
        g.setStroke(theme.grid());
        g.setLineWidth(1);
        g.strokeRoundRect(x0 + 0.5, y0 + 0.5, lw, lh, 8, 8);
        g.setFont(Font.font("System", 10.5 * f));
        g.setTextAlign(TextAlignment.LEFT);
        String[] names = {"device", "phone", "sensor", "vehicle", "drone", "server", "cloud"};
        double r = 6 * f;
        for (int i = 0; i < names.length; i++) {
            double cx = x0 + 14 * f + (i % 2) * 72 * f;
            double cy = y0 + 14 * f + (i / 2) * 18 * f;
            drawGlyph(g, i, cx, cy, r, theme.legendBackground());
            g.setFill(theme.label());
            g.fillText(names[i], cx + 11 * f, cy + 4 * f);
        }
        double ly = y0 + 88 * f;
        double[] decades = {1, 10, 100, 1000};
        g.setStroke(theme.link());
        for (int i = 0; i < decades.length; i++) {
            double cx = x0 + 10 * f + i * 35 * f;
            g.setLineWidth(linkWidth(decades[i]) * f);
            g.strokeLine(cx, ly, cx + 25 * f, ly);
            g.setFill(theme.label());
            g.fillText(decades[i] >= 1000 ? "1G" : String.format(Locale.ROOT, "%.0f", decades[i]), cx + 5 * f, ly + 16 * f);
        }
        g.fillText("link bandwidth, Mbit/s (log)", x0 + 10 * f, ly + 32 * f);
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
