package org.edgeai.app.plot;

import org.jfree.chart.JFreeChart;

/**
 * Builds the charts: data + options → a styled JFreeChart ({@link PlotChart}). The screen and every export
 * build their charts here, so they look the same.
 */
public final class ChartBuilder {

    private ChartBuilder() {
    }

    /**
     * The chart of {@code data} (left out: points a log axis cannot show).
     *
     * @return a chart wrapper whose {@link PlotChart#chart()} is the JFreeChart
     */
    public static PlotChart plot(PlotData data, PlotOptions options) {
        PlotData shown = data.forLogAxes(options.logx(), options.logy());
        PlotChart c = new PlotChart(shown.y(), shown.x(), shown.band(), options);
        for (PlotSeries s : shown.series()) {
            c.addLine(s);
        }
        return c;
    }

    /** The JFreeChart of {@code data}: {@code plot(data, options).chart()}. */
    public static JFreeChart build(PlotData data, PlotOptions options) {
        return plot(data, options).chart();
    }

    /**
     * An empty chart to fill as a run goes ({@link PlotChart#addLine(String)}, {@link PlotChart#append}).
     *
     * @param band the band kind of lines added with a band later (their shading); NONE to draw means only
     */
    public static PlotChart create(YMetric y, XAxisKind x, BandKind band, PlotOptions options) {
        return new PlotChart(y, x, band, options);
    }
}
