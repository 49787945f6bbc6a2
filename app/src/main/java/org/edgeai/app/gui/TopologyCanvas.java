package org.edgeai.app.gui;

import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/**
 * Draws a topology on one {@link Canvas}, fitted to the pane: links with a thickness that grows with the
 * logarithm of their bandwidth, nodes with a glyph per kind (device circle, server square, cloud
 * rounded rectangle). Immediate-mode drawing keeps thousands of elements cheap.
 */
public final class TopologyCanvas extends Pane {

    static final Color DEVICE = Color.web("#2b83ba");
    static final Color SERVER = Color.web("#d7191c");
    static final Color CLOUD = Color.web("#7b3294");
    static final Color LINK = Color.web("#8a8f98");

    private final Canvas canvas = new Canvas();
    private Topology topology = new Topology();

    public TopologyCanvas() {
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
        setMinSize(200, 150);
    }

    public void setTopology(Topology t) {
        this.topology = t;
        redraw();
    }

    public Topology getTopology() {
        return topology;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Screen transform: scale and offsets that fit every node with a margin. */
    record Fit(double scale, double dx, double dy) {
        double x(double wx) {
            return wx * scale + dx;
        }

        double y(double wy) {
            return wy * scale + dy;
        }
    }

    static Fit fit(Topology t, double w, double h, double margin) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Node n : t.nodes()) {
            minX = Math.min(minX, n.x());
            maxX = Math.max(maxX, n.x());
            minY = Math.min(minY, n.y());
            maxY = Math.max(maxY, n.y());
        }
        if (t.nodeCount() == 0) {
            return new Fit(1, w / 2, h / 2);
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min((w - 2 * margin) / spanX, (h - 2 * margin) / spanY);
        if (!Double.isFinite(scale) || scale <= 0) {
            scale = 1;
        }
        double dx = (w - spanX * scale) / 2 - minX * scale;
        double dy = (h - spanY * scale) / 2 - minY * scale;
        return new Fit(scale, dx, dy);
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#fbfbfd"));
        g.fillRect(0, 0, w, h);
        if (topology.nodeCount() == 0 || w <= 0 || h <= 0) {
            return;
        }
        double radius = Math.max(3, Math.min(14, 0.35 * Math.sqrt(w * h / Math.max(1, topology.nodeCount())) / 2));
        Fit f = fit(topology, w, h, radius * 2 + 8);
        g.setStroke(LINK);
        for (Link l : topology.links()) {
            Node a = topology.node(l.source());
            Node b = topology.node(l.target());
            g.setLineWidth(linkWidth(l.bandwidthMbps()));
            g.strokeLine(f.x(a.x()), f.y(a.y()), f.x(b.x()), f.y(b.y()));
        }
        boolean labels = radius >= 8;
        g.setFont(Font.font(Math.max(9, radius * 0.9)));
        g.setTextAlign(TextAlignment.CENTER);
        for (Node n : topology.nodes()) {
            drawGlyph(g, n.kind(), f.x(n.x()), f.y(n.y()), radius);
            if (labels) {
                g.setFill(Color.web("#222"));
                g.fillText(n.label().isEmpty() ? n.id() : n.label(), f.x(n.x()), f.y(n.y()) + radius * 2.2);
            }
        }
    }

    /** Stroke width in px: 1 at 1 Mbit/s, +1 per decade, clamped to [0.5, 6]. */
    static double linkWidth(double mbps) {
        return Math.max(0.5, Math.min(6, 1 + Math.log10(Math.max(mbps, 1e-3))));
    }

    static void drawGlyph(GraphicsContext g, NodeKind kind, double x, double y, double r) {
        switch (kind) {
            case DEVICE -> {
                g.setFill(DEVICE);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
            case SERVER -> {
                g.setFill(SERVER);
                g.fillRect(x - r * 1.1, y - r * 1.1, 2.2 * r, 2.2 * r);
            }
            case CLOUD -> {
                g.setFill(CLOUD);
                g.fillRoundRect(x - r * 1.6, y - r, 3.2 * r, 2 * r, r, r);
            }
        }
    }

    Bounds canvasBounds() {
        return canvas.getBoundsInParent();
    }
}
