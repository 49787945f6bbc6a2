package org.edgeai.app.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a plot shows: the y metric, the x axis, the lines, and how their bands were computed. Immutable.
 *
 * <p>The same {@code PlotData} and {@link PlotOptions} always give the same chart and byte-identical SVG, PNG,
 * CSV and TeX files ({@link ChartExport}); the GUI and the {@code plot} command both build charts from it.
 *
 * @param y      the metric on the y axis
 * @param x      the x axis
 * @param band   how the bands of repeated runs were computed ({@link BandKind#NONE} when no line has one)
 * @param series the lines, in legend order (may be empty)
 */
public record PlotData(YMetric y, XAxisKind x, BandKind band, List<PlotSeries> series) {

    public PlotData {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(band, "band");
        series = List.copyOf(series);
    }

    /**
     * The same lines renamed in order.
     *
     * @throws IllegalArgumentException when the number of labels is not the number of lines (the message lists the lines)
     */
    public PlotData withLabels(List<String> labels) {
        if (labels.size() != series.size()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < series.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(i + 1).append(": ").append(series.get(i).label());
            }
            throw new IllegalArgumentException("--label: given " + labels.size() + " label(s), but the folders give "
                    + series.size() + " line(s), one label each in this order: " + sb);
        }
        List<PlotSeries> out = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            out.add(series.get(i).withLabel(labels.get(i)));
        }
        return new PlotData(y, x, band, out);
    }

    /** The points a chart with these log axes can show (see {@link PlotSeries#forLogAxes}). */
    public PlotData forLogAxes(boolean logx, boolean logy) {
        if (!logx && !logy) {
            return this;
        }
        List<PlotSeries> out = new ArrayList<>(series.size());
        for (PlotSeries s : series) {
            out.add(s.forLogAxes(logx, logy));
        }
        return new PlotData(y, x, band, out);
    }

    /** Total number of points over all lines. */
    public int points() {
        int n = 0;
        for (PlotSeries s : series) {
            n += s.size();
        }
        return n;
    }
}
