package org.edgeai.app.gui.layout;

/**
 * Where a window is, in screen pixels.
 *
 * @param x         left edge
 * @param y         top edge
 * @param width     &gt; 0
 * @param height    &gt; 0
 * @param maximized whether the window is maximized (then the other values are the restored bounds)
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    public static final WindowBounds DEFAULT_MAIN = new WindowBounds(40, 40, 1440, 900, false);

    public WindowBounds {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("window size must be finite and > 0, got " + width + " x " + height);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("window position must be finite, got (" + x + ", " + y + ")");
        }
    }
}
