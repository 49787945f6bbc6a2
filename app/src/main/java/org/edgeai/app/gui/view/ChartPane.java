package org.edgeai.app.gui.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

import org.jfree.chart.JFreeChart;

/**
 * Shows a JFreeChart as an image drawn with Java2D on a background thread: the same drawing as the PNG export (the
 * plot layer's charts, at the pane's size), and no chart drawing on the JavaFX thread, which only swaps the image
 * in. Each {@link #render} gets a factory that builds the chart from data captured on the JavaFX thread (so the
 * background thread never reads a chart the JavaFX thread changes); while one image is drawn, further requests
 * collapse into the latest. JavaFX thread.
 */
final class ChartPane extends Region {

    /** One thread draws every chart image, in request order. */
    private static final ExecutorService DRAW = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chart-images");
        t.setDaemon(true);
        return t;
    });

    private final ImageView view = new ImageView();
    private Supplier<JFreeChart> factory;
    private Supplier<JFreeChart> pending;
    private boolean drawing;
    private double drawnW;
    private double drawnH;

    ChartPane() {
        getChildren().add(view);
        setMinSize(0, 0);
        setPrefSize(360, 240);
        getStyleClass().add("chart-pane");
    }

    /** Draws the chart {@code f} builds (on the drawing thread), at the pane's size. */
    void render(Supplier<JFreeChart> f) {
        factory = f;
        if (drawing) {
            pending = f;
            return;
        }
        submit(f);
    }

    /** The factory of the chart shown (or being drawn), or null. */
    Supplier<JFreeChart> factory() {
        return factory;
    }

    /** The image shown, or null. */
    Image image() {
        return view.getImage();
    }

    /** Whether an image is being drawn. */
    boolean isDrawing() {
        return drawing;
    }

    private void submit(Supplier<JFreeChart> f) {
        double w = Math.max(60, getWidth() > 0 ? getWidth() : getPrefWidth());
        double h = Math.max(40, getHeight() > 0 ? getHeight() : getPrefHeight());
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        drawing = true;
        drawnW = w;
        drawnH = h;
        DRAW.execute(() -> {
            Image img = null;
            try {
                img = draw(f.get(), w, h, scale);
            } catch (RuntimeException e) {
                // a chart that cannot be drawn leaves the last image; the data is still in the view model
            }
            Image done = img;
            Platform.runLater(() -> {
                if (done != null) {
                    view.setImage(done);
                    view.setFitWidth(w);
                    view.setFitHeight(h);
                }
                drawing = false;
                Supplier<JFreeChart> next = pending;
                pending = null;
                if (next != null) {
                    submit(next);
                }
            });
        });
    }

    /** The chart drawn at {@code w} × {@code h} units, {@code scale} pixels a unit. Any thread. */
    static Image draw(JFreeChart chart, double w, double h, double scale) {
        int pw = (int) Math.ceil(w * scale);
        int ph = (int) Math.ceil(h * scale);
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(scale, scale);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
        double w = getWidth();
        double h = getHeight();
        if (factory != null && w > 0 && h > 0 && (Math.abs(w - drawnW) > 1 || Math.abs(h - drawnH) > 1)) {
            drawnW = w;
            drawnH = h;
            render(factory); // a new size: draw again (in the background)
        }
    }
}
