package org.edgeai.app.gui.vm;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * The canvas's view transform: screen = world × scale + (tx, ty). Plain numbers plus a version counter
 * the canvas watches to redraw. Scale is kept in [{@value #MIN_SCALE}, {@value #MAX_SCALE}].
 */
public final class Viewport {

    public static final double MIN_SCALE = 0.01;
    public static final double MAX_SCALE = 20;

    private double scale = 1;
    private double tx;
    private double ty;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    public double scale() {
        return scale;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    public double toScreenX(double wx) {
        return wx * scale + tx;
    }

    public double toScreenY(double wy) {
        return wy * scale + ty;
    }

    public double toWorldX(double sx) {
        return (sx - tx) / scale;
    }

    public double toWorldY(double sy) {
        return (sy - ty) / scale;
    }

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public void set(double scale, double tx, double ty) {
        this.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
        this.tx = tx;
        this.ty = ty;
        version.set(version.get() + 1);
    }

    /** Pans by screen pixels. */
    public void pan(double dx, double dy) {
        set(scale, tx + dx, ty + dy);
    }

    /** Zooms by {@code factor} keeping the world point under screen point (sx, sy) fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        set(s, sx - wx * s, sy - wy * s);
    }

    /** Fits every node of {@code t} into a {@code w} × {@code h} screen area with a {@code margin} in pixels. */
    public void fit(Topology t, double w, double h, double margin) {
        if (t.nodeCount() == 0 || w <= 2 * margin || h <= 2 * margin) {
            set(1, w / 2, h / 2);
            return;
        }
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Node n : t.nodes()) {
            minX = Math.min(minX, n.x());
            maxX = Math.max(maxX, n.x());
            minY = Math.min(minY, n.y());
            maxY = Math.max(maxY, n.y());
        }
        double spanX = Math.max(maxX - minX, 1);
        double spanY = Math.max(maxY - minY, 1);
        double s = Math.min(1.5, Math.min((w - 2 * margin) / spanX, (h - 2 * margin) / spanY));
        s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
        set(s, w / 2 - (minX + maxX) / 2 * s, h / 2 - (minY + maxY) / 2 * s);
    }
}
