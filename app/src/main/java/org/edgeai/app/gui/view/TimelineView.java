package org.edgeai.app.gui.view;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.app.gui.vm.TimelineViewModel;
import org.edgeai.model.pipeline.schedule.Phase;

/**
 * The Timeline view: a Gantt chart drawn on one {@link Canvas} (no node per block). Rows are nodes (labels at the
 * left), the time axis on top with ticks in s, ms or µs; per row the computations (for a pipeline coloured by
 * micro-batch: forward solid, backward hatched, recompute outlined, update grey) and thin strips for the hops sent
 * (lower) and received (lowest); idle time (a pipeline's bubbles) stays empty. The playback cursor is the orange line.
 *
 * <p>Mouse: wheel zooms around the pointer (over the labels it scrolls the rows), drag pans, a click puts the
 * cursor there; "Fit" shows the whole run again. The header shows what runs, and for a pipeline the bubble fraction
 * ({@code #timeline-bubble}) and makespan/throughput as the {@code pipeline} command prints them.
 */
public final class TimelineView {

    static final double LABEL_W = 190;
    static final double AXIS_H = 24;
    /** Tableau 10: micro-batch colours. */
    static final Color[] PALETTE = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"),
        Color.web("#bab0ac")};
    static final Color GENERIC_COMPUTE = Color.web("#5b8def");
    static final Color UPDATE = Color.web("#6b6e76");
    static final Color CURSOR = Color.web("#ff7f0e");

    private final TimelineViewModel vm;
    private final RunSession session;
    private final BorderPane root = new BorderPane();
    private final Pane plotPane = new Pane();
    private final Canvas canvas = new Canvas();
    private final ScrollBar rows = new ScrollBar();
    private final Label title = new Label();
    private final Label bubble = new Label();
    private final Label summary = new Label();
    private final HBox legend = new HBox(10);
    private final Paint[] hatch = new Paint[PALETTE.length];
    private final Font labelFont = Font.font("System", FontWeight.BOLD, 11.5);
    private final Font detailFont = Font.font("System", 10);
    private final Font blockFont = Font.font("System", FontWeight.BOLD, 10);
    private final Font tickFont = Font.font("System", 10.5);
    private CanvasTheme theme = CanvasTheme.LIGHT;
    private double pressX = Double.NaN;
    private double lastDragX;
    private boolean dragged;
    private String lastSignature = "";

    public TimelineView(TimelineViewModel vm, RunSession session) {
        this.vm = vm;
        this.session = session;
        for (int i = 0; i < PALETTE.length; i++) {
            hatch[i] = hatchOf(PALETTE[i]);
        }
        title.textProperty().bind(vm.titleProperty());
        title.setId("timeline-title");
        title.setMinWidth(0);
        bubble.textProperty().bind(vm.bubbleProperty());
        bubble.setId("timeline-bubble");
        bubble.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("timeline-summary");
        summary.setMinWidth(0);
        Button fit = new Button("Fit");
        fit.setId("timeline-fit");
        fit.setTooltip(new Tooltip("Show the whole run (wheel: zoom, drag: pan, click: move the cursor)"));
        fit.setOnAction(e -> {
            vm.fit();
            redraw(true);
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, grow, bubble, summary, fit);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(3, 6, 3, 6));
        buildLegend();
        HBox bottom = new HBox(legend);
        bottom.setPadding(new Insets(2, 6, 3, 6));

        plotPane.getChildren().add(canvas);
        plotPane.setMinSize(0, 0);
        canvas.widthProperty().bind(plotPane.widthProperty());
        canvas.heightProperty().bind(plotPane.heightProperty());
        canvas.widthProperty().addListener(o -> redraw(true));
        canvas.heightProperty().addListener(o -> redraw(true));
        rows.setOrientation(Orientation.VERTICAL);
        rows.setMin(0);
        rows.valueProperty().addListener((o, a, b) -> {
            vm.setFirstRow((int) Math.round(b.doubleValue()));
            redraw(true);
        });
        root.setTop(header);
        root.setCenter(plotPane);
        root.setRight(rows);
        root.setBottom(bottom);
        root.setMinSize(0, 0);
        root.getStyleClass().add("timeline-view");

        canvas.setOnScroll(e -> {
            double x = e.getX() - LABEL_W;
            if (x < 0) {
                rows.setValue(Math.max(rows.getMin(), Math.min(rows.getMax(), rows.getValue() - Math.signum(e.getDeltaY()))));
            } else if (e.getDeltaY() != 0) {
                vm.zoomAt(Math.pow(1.2, e.getDeltaY() / 40.0), x);
                redraw(true);
            }
            e.consume();
        });
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            lastDragX = e.getX();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (Math.abs(e.getX() - pressX) > 3) {
                dragged = true;
            }
            if (dragged) {
                vm.panBy(e.getX() - lastDragX);
                lastDragX = e.getX();
                redraw(true);
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (!dragged && e.getX() >= LABEL_W) {
                vm.seekAt(e.getX() - LABEL_W);
                redraw(true);
            }
            pressX = Double.NaN;
        });
        vm.rowsVersionProperty().addListener(o -> rowsChanged());
        session.frameProperty().addListener(o -> redraw(false));
        rowsChanged();
    }

    public Node node() {
        return root;
    }

    /** The canvas the chart is drawn on (tests, screenshots). */
    public Canvas canvas() {
        return canvas;
    }

    public void setTheme(CanvasTheme t) {
        theme = t;
        redraw(true);
    }

    private void rowsChanged() {
        rows.setMax(Math.max(0, vm.rowCount() - 1));
        rows.setValue(0);
        rows.setVisibleAmount(Math.max(1, vm.rowCount() / 4.0));
        legend.setVisible(vm.pipeline() != null);
        redraw(true);
    }

    private void buildLegend() {
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getChildren().addAll(swatch(PALETTE[0], null, "forward"), swatch(null, hatch[0], "backward"),
                swatch(PALETTE[0].deriveColor(0, 1, 1, 0.22), null, "recompute (outlined)"), swatch(UPDATE, null, "update"),
                swatch(PALETTE[0].deriveColor(0, 1, 0.8, 1), null, "send (lower strip) / receive (lowest)"),
                new Label("colour = micro-batch; empty = idle (bubble)"));
        legend.setVisible(false);
    }

    private static Node swatch(Color c, Paint p, String text) {
        Rectangle r = new Rectangle(14, 10, p != null ? p : c);
        if (text.startsWith("recompute")) {
            r.setStroke(PALETTE[0]);
        }
        Label l = new Label(text, r);
        l.setStyle("-fx-font-size: 10.5px;");
        return l;
    }

    /** Diagonal stripes of the colour over its darker shade: backward blocks. */
    private static Paint hatchOf(Color c) {
        int n = 8;
        WritableImage img = new WritableImage(n, n);
        Color dark = c.deriveColor(0, 1.1, 0.62, 1);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                img.getPixelWriter().setColor(x, y, ((x + y) % n) < 3 ? c : dark);
            }
        }
        return new ImagePattern(img, 0, 0, n, n, false);
    }

    /** Whether the view is on screen (in a scene, every ancestor visible): hidden tabs are not drawn. */
    private boolean showing() {
        if (root.getScene() == null) {
            return false;
        }
        for (Parent p = canvas.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void redraw(boolean force) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0 || !showing()) {
            return;
        }
        RunRecording rec = session.recording();
        String sig = (rec == null ? 0 : System.identityHashCode(rec)) + ":" + (rec == null ? 0 : rec.frontier()) + ":"
                + (rec == null ? 0 : rec.hopCount()) + ":" + session.clock().cursor() + ":" + vm.windowStart() + ":"
                + vm.secondsPerPixel() + ":" + vm.firstRow() + ":" + w + "x" + h;
        if (!force && sig.equals(lastSignature) && !vm.isFit()) {
            return;
        }
        lastSignature = sig;
        paint(w, h);
    }

    private void paint(double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = theme == CanvasTheme.DARK;
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        double plotW = Math.max(1, w - LABEL_W);
        TimelineViewModel.Frame f = vm.frame(plotW, Math.max(0, h - AXIS_H));
        double stripe = TimelineViewModel.ROW_HEIGHT;
        // row bands and labels
        for (int r = 0; r < f.rows; r++) {
            double y = AXIS_H + r * stripe;
            if (r % 2 == 1) {
                g.setFill(dark ? Color.web("#23262b") : Color.web("#f1f3f7"));
                g.fillRect(0, y, w, stripe);
            }
            int row = f.firstRow + r;
            g.setFill(theme.label());
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(vm.rowLabel(row), 6, y + 2, LABEL_W - 10);
            String detail = vm.rowDetail(row);
            if (!detail.isEmpty()) {
                g.setFont(detailFont);
                g.setFill(theme.link());
                g.fillText(detail, 6, y + 14, LABEL_W - 10);
            }
        }
        // ticks and grid
        double step = vm.tickStep(90);
        double tStart = Math.ceil(vm.timeAt(0) / step) * step;
        g.setFont(tickFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (double t = tStart; vm.xOf(t) <= plotW; t += step) {
            double x = Math.floor(LABEL_W + vm.xOf(t)) + 0.5;
            g.setStroke(theme.grid());
            g.strokeLine(x, AXIS_H - 4, x, AXIS_H + f.rows * stripe);
            g.setFill(theme.label());
            g.fillText(TimelineViewModel.tickLabel(t, step), x, AXIS_H / 2 - 1);
        }
        g.setStroke(theme.link());
        g.strokeLine(LABEL_W, AXIS_H - 0.5, w, AXIS_H - 0.5);
        g.strokeLine(LABEL_W - 0.5, AXIS_H, LABEL_W - 0.5, h);
        // blocks
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(blockFont);
        for (int i = 0; i < f.size(); i++) {
            double a = Math.max(0, f.x0(i));
            double b = Math.min(plotW, f.x1(i));
            if (b <= a) {
                continue;
            }
            int style = f.style(i);
            double y = AXIS_H + f.row(i) * stripe;
            double x = LABEL_W + a;
            double bw = b - a;
            int cat = TimelineViewModel.category(style);
            int colour = TimelineViewModel.colour(style);
            Color c = colour == TimelineViewModel.NO_COLOUR ? GENERIC_COMPUTE : PALETTE[colour];
            if (cat == TimelineViewModel.COMPUTE) {
                int phase = TimelineViewModel.phase(style);
                double top = y + 3;
                double bh = 15;
                if (phase == Phase.BACKWARD.ordinal() + 1) {
                    g.setFill(hatch[colour == TimelineViewModel.NO_COLOUR ? 0 : colour]);
                    g.fillRect(x, top, bw, bh);
                } else if (phase == Phase.RECOMPUTE.ordinal() + 1) {
                    g.setFill(c.deriveColor(0, 1, 1, 0.22));
                    g.fillRect(x, top, bw, bh);
                    if (bw > 3) {
                        g.setStroke(c);
                        g.setLineWidth(1.5);
                        g.strokeRect(x + 0.75, top + 0.75, bw - 1.5, bh - 1.5);
                    }
                } else if (phase == Phase.UPDATE.ordinal() + 1) {
                    g.setFill(UPDATE);
                    g.fillRect(x, top, bw, bh);
                } else {
                    g.setFill(c);
                    g.fillRect(x, top, bw, bh);
                }
                int label = f.label(i);
                if (label >= 0 && bw >= 18) {
                    String prefix = phase == Phase.BACKWARD.ordinal() + 1 ? "B"
                            : phase == Phase.RECOMPUTE.ordinal() + 1 ? "R" : "F";
                    g.setFill(phase == Phase.RECOMPUTE.ordinal() + 1 ? c.darker() : Color.WHITE);
                    g.fillText(prefix + label, x + bw / 2, top + bh / 2, bw - 2);
                }
            } else {
                Color sc = colour == TimelineViewModel.NO_COLOUR ? kindColour(TimelineViewModel.phase(style)) : c;
                g.setFill(cat == TimelineViewModel.SEND ? sc.deriveColor(0, 1, 0.8, 1) : sc.deriveColor(0, 0.8, 1.1, 0.85));
                g.fillRect(x, cat == TimelineViewModel.SEND ? y + 19 : y + 22.5, Math.max(1, bw), 3);
            }
        }
        // cursor
        if (session.recording() != null && f.cursorX >= 0 && f.cursorX <= plotW) {
            double x = Math.floor(LABEL_W + f.cursorX) + 0.5;
            g.setStroke(CURSOR);
            g.setLineWidth(2);
            g.strokeLine(x, AXIS_H - 6, x, AXIS_H + f.rows * stripe);
            g.setLineWidth(1);
        }
        // label column over anything drawn left of the plot
        g.setFill(theme.link());
        g.setFont(tickFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(session.recording() == null ? "" : "t = " + TimelineViewModel.duration(session.clock().cursor()),
                6, AXIS_H / 2 - 1);
    }

    private static Color kindColour(int kindOrdinal) {
        int rgb = RunOverlay.kindRgb(org.edgeai.model.engine.core.MessageKind.ofOrdinal(kindOrdinal));
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF); // the canvas's colours
    }
}
