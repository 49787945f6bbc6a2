package org.edgeai.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.AttributedString;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LineBorder;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A JFreeChart of lines over one x axis, styled by {@link PlotStyle} and sized by {@link PlotOptions}: the one
 * object the screen shows and every Java2D export (SVG, PDF, PNG) draws. Build it whole with
 * {@link ChartBuilder#build}, or empty with {@link ChartBuilder#create} and let it grow: {@link #addLine} and
 * {@link #append} add lines and points to the chart's datasets, which repaints a chart viewer that shows it (the
 * GUI's live charts). {@link #snapshot()} returns the data as {@link PlotData}, which exports to byte-identical
 * files wherever it is exported.
 *
 * <p>Each line is its own dataset with its own renderer (datasets are drawn in line order), so in SVG each line
 * is one {@code <g id="line-i">} element holding its band, its path and its markers. Not thread-safe: like any
 * JFreeChart, change it on the thread that paints it.
 */
public final class PlotChart {

    /** Id prefix of each line's SVG group: {@code line-0}, {@code line-1}, ... */
    public static final String SVG_GROUP_PREFIX = "line-";

    private final YMetric y;
    private final XAxisKind x;
    private final BandKind band;
    private final PlotOptions options;
    private final LinePlot plot;
    private final JFreeChart chart;
    private final List<Line> lines = new ArrayList<>();
    private final ScaledFormat xFormat;

    private static final class Line {
        final String label;
        final XYSeries series;          // when there is no band
        final YIntervalSeries interval; // when there is a band
        final List<Integer> counts = new ArrayList<>();
        final StyledRenderer renderer;

        Line(String label, XYSeries series, YIntervalSeries interval, StyledRenderer renderer) {
            this.label = label;
            this.series = series;
            this.interval = interval;
            this.renderer = renderer;
        }

        int size() {
            return series != null ? series.getItemCount() : interval.getItemCount();
        }
    }

    PlotChart(YMetric y, XAxisKind x, BandKind band, PlotOptions options) {
        this.y = y;
        this.x = x;
        this.band = band;
        this.options = options;
        Font base = font(0, Font.PLAIN);
        this.xFormat = x == XAxisKind.BITS ? new ScaledFormat() : null;
        ValueAxis xAxis = axis(x.axisLabel(), options.logx(), x == XAxisKind.ROUND, xFormat, base);
        ValueAxis yAxis = axis(y.axisLabel(), options.logy(), false, null, base);
        plot = new LinePlot(xAxis, yAxis);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(2, 2, 2, scale(4)));
        Color grid = new Color(0xD9, 0xD9, 0xD9);
        BasicStroke gridStroke = new BasicStroke(0.4f);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(gridStroke);
        plot.setRangeGridlineStroke(gridStroke);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);

        chart = new JFreeChart(null, font(1, Font.BOLD), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(scale(5), scale(2), scale(2), scale(2)));
        if (options.title() != null) {
            TextTitle t = new TextTitle(options.title(), font(1, Font.BOLD));
            t.setPaint(Color.BLACK);
            chart.setTitle(t);
        }
        if (options.legend() != LegendPosition.NONE) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(font(-1, Font.PLAIN));
            legend.setItemPaint(Color.BLACK);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(1, scale(2), 1, scale(4)));
            legend.setLegendItemGraphicPadding(new RectangleInsets(1, scale(2), 1, 0));
            if (options.legend() == LegendPosition.INSIDE) {
                legend.setFrame(new LineBorder(new Color(0x80, 0x80, 0x80), new BasicStroke(0.4f),
                        new RectangleInsets(1, 1, 1, 1)));
                legend.setPadding(new RectangleInsets(1, 1, 1, 1));
                legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
                boolean rising = y == YMetric.ACCURACY && !options.logy();
                XYTitleAnnotation a = rising
                        ? new XYTitleAnnotation(0.98, 0.02, legend, RectangleAnchor.BOTTOM_RIGHT)
                        : new XYTitleAnnotation(0.98, 0.98, legend, RectangleAnchor.TOP_RIGHT);
                a.setMaxWidth(0.6);
                plot.addAnnotation(a);
            } else {
                legend.setFrame(BlockBorder.NONE);
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setMargin(new RectangleInsets(scale(2), 0, 0, 0));
                chart.addLegend(legend);
            }
        }
    }

    /** The chart (show it in a viewer, draw it into any Graphics2D of {@link #widthPt()} × {@link #heightPt()}). */
    public JFreeChart chart() {
        return chart;
    }

    /** The options the chart was built with. */
    public PlotOptions options() {
        return options;
    }

    /** Drawing width in points (the size the fonts and line widths are meant for). */
    public double widthPt() {
        return options.widthPt();
    }

    /** Drawing height in points. */
    public double heightPt() {
        return options.heightPt();
    }

    /** Number of lines. */
    public int lineCount() {
        return lines.size();
    }

    /**
     * Adds a line with its points (and its band, when it has one and this chart's band kind is not none).
     *
     * @return the line's index, for {@link #append}
     */
    public int addLine(PlotSeries s) {
        boolean withBand = s.hasBand() && band != BandKind.NONE;
        int i = newLine(s.label(), withBand);
        Line line = lines.get(i);
        for (int k = 0; k < s.size(); k++) {
            if (withBand) {
                line.interval.add(new YIntervalDataItem(s.x(k), s.y(k), s.low(k), s.high(k)), false);
            } else {
                line.series.add(s.x(k), s.y(k), false);
            }
            line.counts.add(s.count(k));
        }
        if (withBand) {
            line.interval.fireSeriesChanged();
        } else {
            line.series.fireSeriesChanged();
        }
        restyleMarkers();
        updateXLabel();
        return i;
    }

    /** Adds an empty line without band; returns its index. */
    public int addLine(String label) {
        int i = newLine(label, false);
        restyleMarkers();
        return i;
    }

    /**
     * Appends a point to a line without band (a live run's new round). Non-finite values are ignored, and so are
     * values a log axis cannot show.
     */
    public void append(int line, double xv, double yv) {
        Line l = lines.get(line);
        if (l.series == null) {
            throw new IllegalArgumentException("line " + line + " (\"" + l.label + "\") has a band: use append(line, x, y, low, high, count)");
        }
        if (!showable(xv, yv)) {
            return;
        }
        l.series.add(xv, yv);
        l.counts.add(1);
        restyleMarkers();
        updateXLabel();
    }

    /** Appends a point with its band to a line with a band; {@code count} runs were averaged. */
    public void append(int line, double xv, double yv, double low, double high, int count) {
        Line l = lines.get(line);
        if (l.interval == null) {
            throw new IllegalArgumentException("line " + line + " (\"" + l.label + "\") has no band: use append(line, x, y)");
        }
        if (!showable(xv, yv) || !(low <= yv && yv <= high)) {
            return;
        }
        l.interval.add(xv, yv, options.logy() && low <= 0 ? yv : low, high);
        l.counts.add(count);
        restyleMarkers();
        updateXLabel();
    }

    private boolean showable(double xv, double yv) {
        return Double.isFinite(xv) && Double.isFinite(yv) && (!options.logx() || xv > 0) && (!options.logy() || yv > 0);
    }

    /** The chart's data, as an export would read it. */
    public PlotData snapshot() {
        List<PlotSeries> out = new ArrayList<>();
        boolean anyBand = false;
        for (Line l : lines) {
            int n = l.size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[] lo = l.interval == null ? null : new double[n];
            double[] hi = l.interval == null ? null : new double[n];
            int[] c = new int[n];
            boolean multi = false;
            for (int k = 0; k < n; k++) {
                if (l.series != null) {
                    xs[k] = l.series.getX(k).doubleValue();
                    ys[k] = l.series.getY(k).doubleValue();
                } else {
                    xs[k] = l.interval.getX(k).doubleValue();
                    ys[k] = l.interval.getYValue(k);
                    lo[k] = l.interval.getYLowValue(k);
                    hi[k] = l.interval.getYHighValue(k);
                }
                c[k] = l.counts.get(k);
                multi |= c[k] > 1;
            }
            anyBand |= lo != null;
            out.add(new PlotSeries(l.label, xs, ys, lo, hi, multi || lo != null ? c : null));
        }
        return new PlotData(y, x, anyBand ? band : BandKind.NONE, out);
    }

    private int newLine(String label, boolean withBand) {
        int i = lines.size();
        StyledRenderer r = withBand ? new BandRenderer() : new LineRenderer();
        XYLineAndShapeRenderer jr = (XYLineAndShapeRenderer) r;
        Color c = PlotStyle.color(i).color();
        double lw = options.preset().lineWidthPt() * fontScale();
        jr.setSeriesPaint(0, c);
        jr.setSeriesFillPaint(0, c);
        jr.setSeriesStroke(0, PlotStyle.stroke(i, lw));
        jr.setSeriesShape(0, PlotStyle.markerShape(i, options.preset().markerSizePt() * fontScale()));
        jr.setSeriesShapesFilled(0, PlotStyle.markerFilled(i));
        jr.setDrawOutlines(!PlotStyle.markerFilled(i));
        jr.setUseOutlinePaint(false);
        jr.setSeriesOutlineStroke(0, new BasicStroke((float) (0.8 * lw)));
        jr.setSeriesLinesVisible(0, true);
        jr.setDrawSeriesLineAsPath(true);
        jr.setLegendLine(new Line2D.Double(-scale(9), 0, scale(9), 0));
        jr.setDefaultItemLabelsVisible(false);
        XYDataset ds;
        XYSeries series = null;
        YIntervalSeries interval = null;
        if (withBand) {
            interval = new YIntervalSeries(label, false, true);
            ds = new YIntervalSeriesCollection();
            ((YIntervalSeriesCollection) ds).addSeries(interval);
            ((DeviationRenderer) jr).setAlpha(PlotStyle.BAND_ALPHA);
        } else {
            series = new XYSeries(label, false, true);
            ds = new XYSeriesCollection(series);
        }
        plot.setDataset(i, ds);
        plot.setRenderer(i, jr);
        lines.add(new Line(label, series, interval, r));
        return i;
    }

    private void restyleMarkers() {
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            int step = PlotStyle.markerStep(options.markersEvery(), l.size());
            l.renderer.setMarkers(step, PlotStyle.markerPhase(i, n, step));
        }
    }

    private void updateXLabel() {
        if (xFormat == null) {
            return;
        }
        double max = 0;
        for (Line l : lines) {
            for (int k = 0; k < l.size(); k++) {
                double v = l.series != null ? l.series.getX(k).doubleValue() : l.interval.getX(k).doubleValue();
                max = Math.max(max, Math.abs(v));
            }
        }
        BitUnit u = BitUnit.forMax(max);
        xFormat.factor = u.factor;
        plot.getDomainAxis().setLabel(x.axisLabel() + " (" + u.symbol + ")");
    }

    /** The x axis label with its unit for data whose largest |x| is {@code maxX}. */
    static String xAxisLabel(XAxisKind x, double maxX) {
        return x == XAxisKind.BITS ? x.axisLabel() + " (" + BitUnit.forMax(maxX).symbol + ")" : x.axisLabel();
    }

    /** The divisor of bits for the axis unit chosen for data whose largest |x| is {@code maxX}. */
    static double xAxisFactor(XAxisKind x, double maxX) {
        return x == XAxisKind.BITS ? BitUnit.forMax(maxX).factor : 1;
    }

    /** bit, kbit, Mbit, Gbit, Tbit: the largest unit in which the largest value is at least 1. */
    enum BitUnit {
        BIT("bit", 1), KBIT("kbit", 1e3), MBIT("Mbit", 1e6), GBIT("Gbit", 1e9), TBIT("Tbit", 1e12);

        final String symbol;
        final double factor;

        BitUnit(String symbol, double factor) {
            this.symbol = symbol;
            this.factor = factor;
        }

        static BitUnit forMax(double max) {
            BitUnit u = BIT;
            for (BitUnit b : values()) {
                if (max >= b.factor) {
                    u = b;
                }
            }
            return u;
        }
    }

    // ---- styling helpers -------------------------------------------------------------------------------------

    /** Sizes scale with the base font, so a slide's 18 pt type gets proportionally wider lines and gaps. */
    private double fontScale() {
        return options.effectiveFontSizePt() / options.preset().fontSizePt();
    }

    private double scale(double pt) {
        return pt * options.effectiveFontSizePt() / 8.0;
    }

    private Font font(int delta, int style) {
        float size = (float) Math.max(4, options.effectiveFontSizePt() + delta);
        return new Font(options.effectiveFontFamily(), style, 10).deriveFont(size);
    }

    private ValueAxis axis(String label, boolean log, boolean integers, ScaledFormat format, Font base) {
        ValueAxis a;
        if (log) {
            RootLogAxis l = new RootLogAxis(label);
            l.setSmallestValue(1e-300);
            // ticks at whole powers of ten only (10^-0.5 is no label for a paper)
            l.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            a = l;
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setAutoRangeIncludesZero(false);
            n.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                    : NumberAxis.createStandardTickUnits(Locale.ROOT));
            if (format != null) {
                n.setNumberFormatOverride(format);
            }
            a = n;
        }
        a.setLabelFont(base);
        a.setTickLabelFont(base);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        a.setAxisLinePaint(Color.BLACK);
        a.setAxisLineStroke(new BasicStroke(0.5f));
        a.setTickMarkPaint(Color.BLACK);
        a.setTickMarkStroke(new BasicStroke(0.5f));
        a.setTickMarkInsideLength(0);
        a.setTickMarkOutsideLength((float) scale(2.5));
        a.setTickLabelInsets(new RectangleInsets(scale(1.5), scale(1.5), scale(1.5), scale(1.5)));
        a.setLabelInsets(new RectangleInsets(scale(1.5), scale(1.5), scale(1.5), scale(1.5)));
        a.setLowerMargin(0.02);
        a.setUpperMargin(0.02);
        return a;
    }

    /** A number format dividing by a unit factor (bits shown in Mbit), locale-independent. */
    static final class ScaledFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        double factor = 1;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(plain(number / factor));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    /** At most 6 significant digits, plain notation, no trailing zeros, locale-independent. */
    static String plain(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.toPlainString();
    }

    /** A log axis whose labels are 10 with a superscript exponent, formatted the same in every locale. */
    static final class RootLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final DecimalFormat EXPONENT = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

        RootLogAxis(String label) {
            super(label);
            setBase(10);
            setBaseSymbol("10");
        }

        @Override
        protected AttributedString createTickLabel(double value) {
            String exp;
            synchronized (EXPONENT) {
                exp = EXPONENT.format(calculateLog(value));
            }
            if (exp.equals("-0")) {
                exp = "0";
            }
            String s = "10" + exp;
            AttributedString as = new AttributedString(s);
            as.addAttributes(getTickLabelFont().getAttributes(), 0, s.length());
            as.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, 2, s.length());
            return as;
        }
    }

    /** Markers every k points from a phase; the legend always shows the marker. */
    interface StyledRenderer {
        void setMarkers(int step, int phase);
    }

    static boolean markerAt(int item, int step, int phase) {
        return item >= phase && (item - phase) % step == 0;
    }

    static final class LineRenderer extends XYLineAndShapeRenderer implements StyledRenderer {
        private static final long serialVersionUID = 1L;
        private int step = 1;
        private int phase;
        private boolean legend;

        LineRenderer() {
            super(true, true);
        }

        @Override
        public void setMarkers(int step, int phase) {
            this.step = step;
            this.phase = phase;
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return legend || markerAt(item, step, phase);
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            legend = true;
            try {
                return super.getLegendItem(datasetIndex, series);
            } finally {
                legend = false;
            }
        }
    }

    static final class BandRenderer extends DeviationRenderer implements StyledRenderer {
        private static final long serialVersionUID = 1L;
        private int step = 1;
        private int phase;
        private boolean legend;

        BandRenderer() {
            super(true, true);
        }

        @Override
        public void setMarkers(int step, int phase) {
            this.step = step;
            this.phase = phase;
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return legend || markerAt(item, step, phase);
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            legend = true;
            try {
                return super.getLegendItem(datasetIndex, series);
            } finally {
                legend = false;
            }
        }
    }

    /**
     * An XYPlot that wraps each dataset's drawing in an SVG group {@code line-i} (when drawing to SVG) and lists
     * legend items in line order.
     */
    static final class LinePlot extends XYPlot {
        private static final long serialVersionUID = 1L;

        LinePlot(ValueAxis xAxis, ValueAxis yAxis) {
            super(null, xAxis, yAxis, null);
        }

        @Override
        public boolean render(Graphics2D g2, Rectangle2D dataArea, int index, PlotRenderingInfo info, CrosshairState cs) {
            boolean svg = g2 instanceof SVGGraphics2D;
            if (svg) {
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, SVG_GROUP_PREFIX + index);
            }
            try {
                return super.render(g2, dataArea, index, info, cs);
            } finally {
                if (svg) {
                    g2.setRenderingHint(SVGHints.KEY_END_GROUP, "end");
                }
            }
        }

        @Override
        public LegendItemCollection getLegendItems() {
            LegendItemCollection c = new LegendItemCollection();
            for (int i = 0; i < getDatasetCount(); i++) {
                if (getDataset(i) == null || getRenderer(i) == null) {
                    continue;
                }
                LegendItem item = getRenderer(i).getLegendItem(i, 0);
                if (item != null) {
                    c.add(item);
                }
            }
            return c;
        }
    }
}
