package org.edgeai.app.gui.view;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import org.edgeai.app.gui.SpectrumSummary;
import org.edgeai.app.gui.vm.SpectrumViewModel;

/**
 * The Spectrum view: mixing rule, rho, spectral gap, the eigenvalues of W on [−1, 1] as ticks, and the
 * one-line reading. Follows the active editor live.
 */
public final class SpectrumView {

    private final VBox box = new VBox(6);
    private final Canvas strip = new Canvas(240, 54);
    private SpectrumSummary shown;
    private CanvasTheme theme = CanvasTheme.LIGHT;

    public SpectrumView(SpectrumViewModel vm) {
        box.setPadding(new Insets(8));
        ComboBox<String> rule = new ComboBox<>();
        rule.setId("spectrum-rule");
        rule.getItems().setAll(vm.mixingRules());
        rule.valueProperty().bindBidirectional(vm.mixingRuleProperty());
        Label rho = new Label();
        rho.setId("spectrum-rho");
        rho.getStyleClass().add("big-number");
        Label gap = new Label();
        gap.setId("spectrum-gap");
        Label reading = new Label();
        reading.setId("spectrum-reading");
        reading.setWrapText(true);
        Label busy = new Label("computing\u2026");
        busy.visibleProperty().bind(vm.busyProperty());
        Pane stripHolder = new Pane(strip);
        strip.widthProperty().bind(stripHolder.widthProperty());
        stripHolder.setMinHeight(54);
        strip.widthProperty().addListener(o -> drawStrip());
        box.getChildren().addAll(new HBox(6, new Label("mixing rule"), rule, busy), rho, gap, stripHolder, reading);
        vm.summaryProperty().addListener((o, a, s) -> {
            shown = s;
            rho.setText(s.ok() ? String.format(Locale.ROOT, "\u03c1 = %.6f", s.rho()) : "\u03c1 = \u2013");
            gap.setText(s.ok() ? String.format(Locale.ROOT, "spectral gap 1 \u2212 \u03c1 = %.6f   (%d eigenvalues)",
                    s.spectralGap(), s.eigenvalues().length) : "");
            reading.setText(s.reading());
            drawStrip();
        });
    }

    public void setTheme(CanvasTheme t) {
        theme = t;
        drawStrip();
    }

    private void drawStrip() {
        GraphicsContext g = strip.getGraphicsContext2D();
        double w = strip.getWidth();
        double h = strip.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 40) {
            return;
        }
        double x0 = 12, x1 = w - 12, mid = 22;
        g.setStroke(theme.link());
        g.setLineWidth(1);
        g.strokeLine(x0, mid, x1, mid);
        g.setFill(theme.label());
        g.setFont(Font.font(10));
        for (double v : new double[] {-1, 0, 1}) {
            double px = x0 + (v + 1) / 2 * (x1 - x0);
            g.strokeLine(px, mid - 4, px, mid + 4);
            g.fillText(String.format(Locale.ROOT, "%.0f", v), px - 3, mid + 18);
        }
        if (shown == null || !shown.ok()) {
            return;
        }
        double[] ev = shown.eigenvalues();
        for (int i = 0; i < ev.length; i++) {
            double px = x0 + (Math.max(-1, Math.min(1, ev[i])) + 1) / 2 * (x1 - x0);
            g.setStroke(i == 0 ? Color.web("#6b7280") : CanvasTheme.DEVICE);
            g.setLineWidth(i == 0 ? 1 : 1.5);
            g.strokeLine(px, mid - 12, px, mid + 12);
        }
        // rho marked on both sides: everything but lambda_1 lies in [-rho, rho].
        g.setStroke(CanvasTheme.SERVER);
        g.setLineWidth(2);
        for (double v : new double[] {-shown.rho(), shown.rho()}) {
            double px = x0 + (v + 1) / 2 * (x1 - x0);
            g.strokeLine(px, mid - 15, px, mid + 15);
        }
    }

    public javafx.scene.Node node() {
        return box;
    }
}
