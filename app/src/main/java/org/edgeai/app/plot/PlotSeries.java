package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a plot: a label, points (x, y) in x order of the source (rounds ascending), and optionally a
 * band [low, high] around y with the number of runs averaged at each point. Immutable: arrays are copied in and
 * out.
 *
 * <p>Values are in the units of {@code metrics.csv} (rounds, bits, seconds, metric values): axis scaling (for
 * example bits shown in Mbit) happens only when the chart is drawn, so the CSV export holds the source values.
 */
public final class PlotSeries {

    private final String label;
    private final double[] x;
    private final double[] y;
    private final double[] low;
    private final double[] high;
    private final int[] count;

    /**
     * @param label the legend entry (not blank)
     * @param x     x values, finite
     * @param y     y values, finite, same length as x
     * @param low   band lower bounds, or null for no band; finite, ≤ y
     * @param high  band upper bounds, or null (exactly when low is null); finite, ≥ y
     * @param count runs averaged at each point (≥ 1), or null for a single run
     */
    public PlotSeries(String label, double[] x, double[] y, double[] low, double[] high, int[] count) {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label: expected a non-blank line label");
        }
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + label + "\": x has " + x.length + " values but y has " + y.length);
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("series \"" + label + "\": low and high bands must both be given or both null");
        }
        if (low != null && (low.length != x.length || high.length != x.length)) {
            throw new IllegalArgumentException("series \"" + label + "\": band arrays must have " + x.length + " values");
        }
        if (count != null && count.length != x.length) {
            throw new IllegalArgumentException("series \"" + label + "\": count must have " + x.length + " values");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series \"" + label + "\": point " + i + " is not finite: ("
                        + x[i] + ", " + y[i] + ")");
            }
            if (low != null && !(low[i] <= y[i] && y[i] <= high[i] && Double.isFinite(low[i]) && Double.isFinite(high[i]))) {
                throw new IllegalArgumentException("series \"" + label + "\": point " + i + ": band [" + low[i] + ", "
                        + high[i] + "] must be finite and contain y = " + y[i]);
            }
            if (count != null && count[i] < 1) {
                throw new IllegalArgumentException("series \"" + label + "\": point " + i + ": count must be >= 1, got " + count[i]);
            }
        }
        this.label = label;
        this.x = x.clone();
        this.y = y.clone();
        this.low = low == null ? null : low.clone();
        this.high = high == null ? null : high.clone();
        this.count = count == null ? null : count.clone();
    }

    /** A line without band. */
    public static PlotSeries of(String label, double[] x, double[] y) {
        return new PlotSeries(label, x, y, null, null, null);
    }

    public String label() {
        return label;
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** True when the line carries a band. */
    public boolean hasBand() {
        return low != null;
    }

    /** Band lower bound at point i; y(i) when there is no band. */
    public double low(int i) {
        return low == null ? y[i] : low[i];
    }

    /** Band upper bound at point i; y(i) when there is no band. */
    public double high(int i) {
        return high == null ? y[i] : high[i];
    }

    /** Runs averaged at point i (1 for a single run). */
    public int count(int i) {
        return count == null ? 1 : count[i];
    }

    /** Copies of the arrays (for callers that need them whole). */
    public double[] xs() {
        return x.clone();
    }

    public double[] ys() {
        return y.clone();
    }

    /** The same data under another label. */
    public PlotSeries withLabel(String newLabel) {
        return new PlotSeries(newLabel, x, y, low, high, count);
    }

    /** The same line without its band. */
    public PlotSeries withoutBand() {
        return new PlotSeries(label, x, y, null, null, count);
    }

    /**
     * The points a logarithmic axis can show: those with x > 0 (when {@code logx}) and y and the band's lower
     * bound > 0 (when {@code logy}). Where a band reaches to or below zero on a log y axis the point is kept and
     * the band is clipped to y (the mean), so the line stays whole.
     */
    PlotSeries forLogAxes(boolean logx, boolean logy) {
        int n = 0;
        boolean[] keep = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            keep[i] = (!logx || x[i] > 0) && (!logy || y[i] > 0);
            if (keep[i]) {
                n++;
            }
        }
        double[] nx = new double[n];
        double[] ny = new double[n];
        double[] nl = low == null ? null : new double[n];
        double[] nh = high == null ? null : new double[n];
        int[] nc = count == null ? null : new int[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!keep[i]) {
                continue;
            }
            nx[j] = x[i];
            ny[j] = y[i];
            if (nl != null) {
                nl[j] = logy && low[i] <= 0 ? y[i] : low[i];
                nh[j] = high[i];
            }
            if (nc != null) {
                nc[j] = count[i];
            }
            j++;
        }
        return new PlotSeries(label, nx, ny, nl, nh, nc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlotSeries s && label.equals(s.label) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y)
                && Arrays.equals(low, s.low) && Arrays.equals(high, s.high) && Arrays.equals(count, s.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "PlotSeries[" + label + ", " + x.length + " points" + (hasBand() ? ", band" : "") + "]";
    }
}
