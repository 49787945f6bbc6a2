package org.edgeai.app.gui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

import org.edgeai.app.gui.vm.ChartsViewModel;
import org.edgeai.app.plot.ChartBuilder;
import org.edgeai.app.plot.PlotChart;
import org.edgeai.app.plot.PlotStyle;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;

/**
 * The Charts view: loss, test accuracy and consensus error as three small multiples over a shared x axis (round,
 * bits sent, simulated time), every kept run overlaid with a legend, a log scale per chart; the run table; the
 * selected run's bits per node and per-link utilisation. The line charts are the plot layer's ({@link ChartBuilder}),
 * so the screen shows what an export writes; each chart has Export… and Copy.
 *
 * <h2>Per frame</h2>
 * On each frame (the view's own frame timer, running while it is in a scene) the view model copies the live runs'
 * new rounds (O(new rounds)); then at most one chart is drawn: each line chart takes its new points at most
 * {@link #REPAINTS_PER_SECOND} times a second, appending them with the chart's notifications off and repainting
 * once; a chart whose lines changed (a run added or removed, the x axis, a log scale) is built again; the bar charts
 * are rebuilt (O(nodes + links)) only while their tab is shown; the table's rows are replaced 4 times a second.
 */
public final class ChartsView {

    /** Chart repaints a second at most while runs go. */
    public static final int REPAINTS_PER_SECOND = 10;
    /** Nodes drawn as one bar each; more are drawn as a histogram of their bits. */
    public static final int MAX_NODE_BARS = 64;
    /** Links shown in the utilisation chart (the busiest). */
    public static final int MAX_LINK_BARS = 40;

    private final ChartsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<YMetric, MetricChart> charts = new EnumMap<>(YMetric.class);
    private final TableView<ChartsViewModel.RunRow> table = new TableView<>();
    private final ChartPane nodeViewer = new ChartPane();
    private final ChartPane linkViewer = new ChartPane();
    private JFreeChart nodeChart;
    private JFreeChart linkChart;
    private final Tab nodeTab = new Tab("Bits per Node");
    private final Tab linkTab = new Tab("Link Utilisation");
    private final Label status = new Label();
    private final List<MetricChart> order = new ArrayList<>();
    private boolean barsDirty;
    private boolean rowsDirty;
    private long lastBars;
    private long lastRows;
    private int turn;
    private Runnable onCompare = () -> { };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };

    /** One metric's chart: the plot layer's chart, and how many rows of each of its runs it holds. */
    private final class MetricChart {
        final YMetric y;
        final ChartPane viewer = new ChartPane();
        PlotChart chart;
        List<ChartsViewModel.ChartRun> lines = List.of();
        int[] shown = new int[0];
        XAxisKind x;
        boolean stale;     // the set of lines or their look changed: build again
        boolean behind;    // its runs have points it does not show yet
        long lastPaint;

        MetricChart(YMetric y) {
            this.y = y;
        }

        /** Builds the chart again from the view model's lines. */
        void rebuild() {
            stale = false;
            behind = false;
            x = vm.xAxisProperty().get();
            lines = vm.linesOf(y);
            shown = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                shown[i] = lines.get(i).size();
            }
            chart = ChartBuilder.plot(vm.plotData(y), vm.screenOptions(y));
            draw();
        }

        /** Draws the chart's data as it is now, in the background (the same builder, the same look). */
        void draw() {
            org.edgeai.app.plot.PlotData data = chart.snapshot();
            org.edgeai.app.plot.PlotOptions o = chart.options();
            viewer.render(() -> ChartBuilder.build(data, o));
        }

        /** Appends what its runs added since; rebuilds when the set of lines changed. */
        void update() {
            behind = false;
            if (!lines.equals(vm.linesOf(y)) || x != vm.xAxisProperty().get()) {
                rebuild();
                return;
            }
            JFreeChart jf = chart.chart();
            boolean any = false;
            for (int i = 0; i < lines.size(); i++) {
                ChartsViewModel.ChartRun r = lines.get(i);
                int n = r.size();
                if (n > shown[i]) {
                    if (!any) {
                        jf.setNotify(false);
                        any = true;
                    }
                    for (int k = shown[i]; k < n; k++) {
                        chart.append(i, r.x(x, k), r.y(y, k));
                    }
                    shown[i] = n;
                }
            }
            if (any) {
                jf.setNotify(true);
                draw(); // one image for all the new points
            }
        }
    }

    public ChartsView(ChartsViewModel vm) {
        this.vm = vm;
        for (YMetric y : ChartsViewModel.METRICS) {
            charts.put(y, new MetricChart(y));
            order.add(charts.get(y));
        }
        root.setId("charts-view");
        root.getStyleClass().add("charts-view");
        root.setMinSize(0, 0);
        root.setTop(toolBar());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("charts-tabs");
        Tab metrics = new Tab("Metrics", metricsPane());
        metrics.setId("charts-tab-metrics");
        Tab runs = new Tab("Runs", runTable());
        runs.setId("charts-tab-runs");
        // The table holds the rows only while its tab shows: a hidden table would still build cells for every new
        // row (14 columns of skins and CSS, tens of ms) while runs go.
        runs.selectedProperty().addListener((o, a, sel) -> table.setItems(sel ? vm.rows()
                : javafx.collections.FXCollections.emptyObservableList()));
        nodeTab.setContent(withBar(nodeViewer, "bits per node", () -> nodeChart));
        nodeTab.setId("charts-tab-nodes");
        linkTab.setContent(withBar(linkViewer, "link utilisation", () -> linkChart));
        linkTab.setId("charts-tab-links");
        tabs.getTabs().addAll(metrics, runs, nodeTab, linkTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> barsDirty = true);
        root.setCenter(tabs);
        for (MetricChart c : charts.values()) {
            c.rebuild();
        }
        // Charts are rebuilt or extended one per frame at most (a chart repaints on its canvas at once, 5-20 ms in
        // software rendering), so a frame stays short whatever changed.
        vm.structureProperty().addListener((o, a, b) -> {
            order.forEach(c -> c.stale = true);
            barsDirty = true;
        });
        vm.selectedProperty().addListener((o, a, b) -> barsDirty = true);
        vm.messageProperty().addListener((o, a, b) -> status.setText(b));
        root.sceneProperty().addListener((o, a, sc) -> {
            if (sc != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        updateBars();
    }

    public Node node() {
        return root;
    }

    /** What Compare… in the view's tool bar does (the window opens its dialog). */
    public void setOnCompare(Runnable r) {
        onCompare = r;
    }

    /** The plot layer's chart of metric {@code y} as shown now (tests read its lines and legend). */
    public PlotChart chart(YMetric y) {
        return charts.get(y).chart;
    }

    /** The image of metric {@code y}'s chart as shown, or null before it is first drawn. */
    public javafx.scene.image.Image image(YMetric y) {
        return charts.get(y).viewer.image();
    }

    /** The bar chart of bits per node (null before a live run is selected). */
    public JFreeChart nodeBitsChart() {
        return nodeChart;
    }

    /** The bar chart of link utilisation (null before a live run is selected). */
    public JFreeChart linkUseChart() {
        return linkChart;
    }

    /** Takes new points and rebuilds what changed now, whatever the repaint rate (tests). */
    public void flush() {
        vm.refresh(true);
        for (MetricChart c : order) {
            if (c.stale) {
                c.rebuild();
            } else {
                c.update();
            }
        }
        updateBars();
    }

    /** Whether every chart shows everything its runs hold (nothing waits for a frame). */
    public boolean isSettled() {
        return order.stream().noneMatch(c -> c.stale || c.behind || c.viewer.isDrawing()) && !barsDirty && !rowsDirty;
    }

    /**
     * One frame: the view model takes the live runs' new rounds (O(new rounds)); then at most one piece of drawing
     * work is done, in turn: rebuild or extend one metric chart (each at most {@link #REPAINTS_PER_SECOND} times a
     * second), the shown bar chart, or the table rows (4 times a second).
     */
    private void tick(long now) {
        if (vm.refresh(false)) {
            order.forEach(c -> c.behind = true);
            barsDirty = true;
            rowsDirty = true;
        }
        long period = 1_000_000_000L / REPAINTS_PER_SECOND;
        for (int k = 0; k < order.size() + 2; k++) {
            int j = (turn + k) % (order.size() + 2);
            boolean did = false;
            if (j < order.size()) {
                MetricChart c = order.get(j);
                if (c.stale) {
                    c.rebuild();
                    did = true;
                } else if (c.behind && now - c.lastPaint >= period) {
                    c.update();
                    did = true;
                }
                if (did) {
                    c.lastPaint = now;
                }
            } else if (j == order.size()) {
                if (barsDirty && now - lastBars >= period) {
                    updateBars();
                    lastBars = now;
                    did = true;
                }
            } else if (rowsDirty && now - lastRows >= 250_000_000L) {
                vm.syncRows();
                rowsDirty = false;
                lastRows = now;
                did = true;
            }
            if (did) {
                turn = j + 1;
                return;
            }
        }
    }

    // ------------------------------------------------------------------ building

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        bar.setId("charts-toolbar");
        ToggleGroup axis = new ToggleGroup();
        List<Node> items = new ArrayList<>();
        items.add(new Label("x:"));
        for (XAxisKind x : XAxisKind.values()) {
            ToggleButton b = new ToggleButton(switch (x) {
                case ROUND -> "Round";
                case BITS -> "Bits sent";
                case TIME -> "Sim. time";
            });
            b.setId("charts-x-" + x.id());
            b.setToggleGroup(axis);
            b.setSelected(vm.xAxisProperty().get() == x);
            b.setOnAction(e -> {
                vm.xAxisProperty().set(x);
                b.setSelected(true); // a toggle group lets the user unselect all: keep one
            });
            vm.xAxisProperty().addListener((o, a, now) -> b.setSelected(now == x));
            items.add(b);
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button add = new Button("Add Run Folder\u2026");
        add.setId("charts-add-folder");
        add.setTooltip(new Tooltip("Overlay a run folder, or every run of a sweep folder, written by run, sweep or the workbench"));
        add.setOnAction(e -> addFolder());
        Button compare = new Button("Compare\u2026");
        compare.setId("charts-compare");
        compare.setTooltip(new Tooltip("Run the open experiment over a grid of settings and overlay the runs"));
        compare.setOnAction(e -> onCompare.run());
        items.add(spring);
        items.add(status);
        items.add(add);
        items.add(compare);
        bar.getItems().addAll(items);
        return bar;
    }

    private Node metricsPane() {
        HBox row = new HBox(6);
        row.setPadding(new Insets(4));
        row.setMinSize(0, 0);
        for (YMetric y : ChartsViewModel.METRICS) {
            MetricChart c = charts.get(y);
            CheckBox log = new CheckBox("log");
            log.setId("charts-log-" + y.id());
            log.selectedProperty().bindBidirectional(vm.logYProperty(y));
            Node pane = withBar(c.viewer, y.axisLabel().toLowerCase(Locale.ROOT), () -> c.chart.chart(), log);
            ((Region) pane).setId("charts-" + y.id());
            HBox.setHgrow(pane, Priority.ALWAYS);
            ((Region) pane).setPrefWidth(1);
            row.getChildren().add(pane);
        }
        return row;
    }

    /** A chart with a header: its name, extra controls, Export… and Copy (also in its context menu). */
    private Node withBar(ChartPane v, String name, java.util.function.Supplier<JFreeChart> chart, Node... extra) {
        Label title = new Label(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        title.getStyleClass().add("chart-title");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button export = new Button("Export\u2026");
        export.setOnAction(e -> export(v, name, chart));
        Button copy = new Button("Copy");
        copy.setTooltip(new Tooltip("Copy as image"));
        copy.setOnAction(e -> copy(v));
        String key = name.replace(' ', '-');
        export.setId("charts-export-" + key);
        copy.setId("charts-copy-" + key);
        HBox head = new HBox(4);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getChildren().add(title);
        head.getChildren().addAll(extra);
        head.getChildren().addAll(spring, export, copy);
        ContextMenu menu = new ContextMenu();
        MenuItem ex = new MenuItem("Export\u2026");
        ex.setOnAction(e -> export(v, name, chart));
        MenuItem cp = new MenuItem("Copy as Image");
        cp.setOnAction(e -> copy(v));
        menu.getItems().addAll(ex, cp);
        v.setOnContextMenuRequested(e -> menu.show(v, e.getScreenX(), e.getScreenY()));
        VBox box = new VBox(2, head, v);
        VBox.setVgrow(v, Priority.ALWAYS);
        box.setMinSize(0, 0);
        return box;
    }

    private Node runTable() {
        table.setId("charts-run-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ChartsViewModel.RunRow, Boolean> show = new TableColumn<>("Show");
        show.setCellValueFactory(c -> c.getValue().run().visibleProperty());
        show.setCellFactory(CheckBoxTableCell.forTableColumn(show));
        show.setEditable(true);
        table.setEditable(true);
        table.getColumns().add(show);
        table.getColumns().add(text("Run", ChartsViewModel.RunRow::label, 140));
        table.getColumns().add(text("Algorithm", ChartsViewModel.RunRow::algorithm, 90));
        table.getColumns().add(text("Topology", ChartsViewModel.RunRow::topology, 90));
        table.getColumns().add(text("Nodes", ChartsViewModel.RunRow::nodes, 50));
        table.getColumns().add(text("Rounds", r -> r.roundsDone() + " / " + r.roundsPlanned(), 70));
        table.getColumns().add(text("Loss", r -> num(r.finalLoss()), 80));
        table.getColumns().add(text("Accuracy", r -> num(r.finalAccuracy()), 80));
        table.getColumns().add(text("Consensus err.", r -> num(r.finalConsensusError()), 90));
        table.getColumns().add(text("Bits", r -> bits(r.bits()), 80));
        table.getColumns().add(text("Sim. time (s)", r -> num(r.simTimeS()), 90));
        table.getColumns().add(text("Status", ChartsViewModel.RunRow::status, 80));
        table.getColumns().add(text("Fingerprint", r -> r.fingerprint().isEmpty() ? "" : r.fingerprint().substring(0, 12) + "\u2026", 110));
        table.getColumns().add(text("Folder", ChartsViewModel.RunRow::folder, 260));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b.run());
            }
        });
        Button remove = new Button("Remove Run");
        remove.setId("charts-remove-run");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            ChartsViewModel.RunRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.remove(r.run());
            }
        });
        Button clear = new Button("Remove All");
        clear.setId("charts-remove-all");
        clear.setOnAction(e -> vm.clear());
        HBox buttons = new HBox(4, remove, clear);
        buttons.setPadding(new Insets(4));
        BorderPane p = new BorderPane(table);
        p.setBottom(buttons);
        p.setMinSize(0, 0);
        return p;
    }

    private static TableColumn<ChartsViewModel.RunRow, String> text(String name,
            java.util.function.Function<ChartsViewModel.RunRow, String> f, double width) {
        TableColumn<ChartsViewModel.RunRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 || v == 0 ? "%.4f" : "%.3e", v);
    }

    static String bits(long b) {
        String[] units = {"bit", "kbit", "Mbit", "Gbit", "Tbit"};
        double v = b;
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? b + " bit" : String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }

    // ------------------------------------------------------------------ per node and per link

    private void updateBars() {
        barsDirty = false;
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == nodeTab) {
            JFreeChart c = nodeChart(vm.nodeBits());
            nodeChart = c;
            if (c != null) {
                nodeViewer.render(() -> c); // built here, drawn there, never changed again
            }
        } else if (shown == linkTab) {
            JFreeChart c = linkChart(vm.linkUse());
            linkChart = c;
            if (c != null) {
                linkViewer.render(() -> c);
            }
        }
    }

    /** Bits sent per node: one bar a node, or a histogram over nodes for more than {@link #MAX_NODE_BARS}. */
    static JFreeChart nodeChart(ChartsViewModel.NodeBits nb) {
        if (nb == null) {
            return null;
        }
        long max = 0;
        for (long b : nb.bits()) {
            max = Math.max(max, b);
        }
        double f = unitFactor(max);
        String unit = unitName(f);
        if (nb.bits().length <= MAX_NODE_BARS) {
            DefaultCategoryDataset ds = new DefaultCategoryDataset();
            for (int i = 0; i < nb.bits().length; i++) {
                ds.addValue(nb.bits()[i] / f, "bits", nb.ids().get(i));
            }
            return barChart(ds, "Node (" + nb.run() + ")", "Bits sent (" + unit + ")", null);
        }
        HistogramDataset h = new HistogramDataset();
        double[] v = new double[nb.bits().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = nb.bits()[i] / f;
        }
        h.addSeries("nodes", v, 20);
        NumberAxis xa = new NumberAxis("Bits sent (" + unit + ")");
        NumberAxis ya = new NumberAxis("Nodes");
        ya.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PlotStyle.color(0).color());
        XYPlot p = new XYPlot(h, xa, ya, r);
        style(p);
        xa.setLabel("Bits sent (" + unit + "), " + nb.run());
        return titled(new JFreeChart(null, font(11), p, false), null);
    }

    /** The busiest links' utilisation, sorted, in percent. */
    static JFreeChart linkChart(List<ChartsViewModel.LinkUse> use) {
        if (use == null) {
            return null;
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = 0; i < Math.min(MAX_LINK_BARS, use.size()); i++) {
            ds.addValue(100 * use.get(i).utilisation(), "utilisation", use.get(i).link());
        }
        String note = use.size() > MAX_LINK_BARS ? "the " + MAX_LINK_BARS + " busiest of " + use.size() + " links"
                : use.size() + " links";
        return barChart(ds, "Link (" + note + ")", "Utilisation, busier direction (%)", null);
    }

    private static JFreeChart barChart(DefaultCategoryDataset ds, String xLabel, String yLabel, String title) {
        CategoryAxis xa = new CategoryAxis(xLabel);
        xa.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        xa.setTickLabelFont(font(9));
        xa.setLabelFont(font(11));
        xa.setCategoryMargin(0.1);
        NumberAxis ya = new NumberAxis(yLabel);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PlotStyle.color(0).color());
        r.setItemMargin(0);
        CategoryPlot p = new CategoryPlot(ds, xa, ya, r);
        p.setOrientation(PlotOrientation.VERTICAL);
        p.setBackgroundPaint(java.awt.Color.WHITE);
        p.setRangeGridlinePaint(new java.awt.Color(0xD9, 0xD9, 0xD9));
        p.setOutlinePaint(java.awt.Color.BLACK);
        ya.setLabelFont(font(11));
        ya.setTickLabelFont(font(10));
        return titled(new JFreeChart(null, font(11), p, false), title);
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(java.awt.Color.WHITE);
        p.setDomainGridlinePaint(new java.awt.Color(0xD9, 0xD9, 0xD9));
        p.setRangeGridlinePaint(new java.awt.Color(0xD9, 0xD9, 0xD9));
        p.setOutlinePaint(java.awt.Color.BLACK);
        p.getDomainAxis().setLabelFont(font(11));
        p.getRangeAxis().setLabelFont(font(11));
        p.getDomainAxis().setTickLabelFont(font(10));
        p.getRangeAxis().setTickLabelFont(font(10));
    }

    private static JFreeChart titled(JFreeChart c, String title) {
        c.setBackgroundPaint(java.awt.Color.WHITE);
        if (title != null) {
            c.setTitle(new org.jfree.chart.title.TextTitle(title, font(11)));
        }
        return c;
    }

    private static java.awt.Font font(int size) {
        return new java.awt.Font(ChartsViewModel.SCREEN.effectiveFontFamily(), java.awt.Font.PLAIN, size);
    }

    private static double unitFactor(double max) {
        double f = 1;
        while (max / f >= 1000 && f < 1e12) {
            f *= 1000;
        }
        return f;
    }

    private static String unitName(double f) {
        return f >= 1e12 ? "Tbit" : f >= 1e9 ? "Gbit" : f >= 1e6 ? "Mbit" : f >= 1e3 ? "kbit" : "bit";
    }

    // ------------------------------------------------------------------ export and copy

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void export(ChartPane v, String name, java.util.function.Supplier<JFreeChart> chart) {
        YMetric metric = null;
        for (MetricChart c : charts.values()) {
            if (c.viewer == v) {
                metric = c.y;
            }
        }
        YMetric y = metric;
        ExportDialog.Request req = ExportDialog.ask(window(), name, y == null ? null : vm.screenOptions(y), y != null);
        if (req == null) {
            return;
        }
        Consumer<String> done = p -> status.setText(p == null ? "exported " + req.file().getFileName() : p);
        if (y != null) {
            vm.exportInBackground(y, req.options(), req.file(), done);
        } else if (chart.get() != null) {
            ExportDialog.writeChart(chart.get(), req, done);
        }
    }

    /** Copies the chart as shown (its image, at the pane's size) to the clipboard. */
    void copy(ChartPane v) {
        javafx.scene.image.Image img = v.image();
        if (img == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putImage(img);
        Clipboard.getSystemClipboard().setContent(content);
        status.setText("chart copied");
    }

    private void addFolder() {
        DirectoryChooser ch = new DirectoryChooser();
        ch.setTitle("Add a run or sweep folder");
        java.io.File f = ch.showDialog(window());
        if (f != null) {
            Path p = f.toPath();
            vm.addFolder(p, runs -> status.setText(runs.isEmpty() ? vm.messageProperty().get()
                    : "added " + runs.size() + " run" + (runs.size() == 1 ? "" : "s")));
        }
    }
}
