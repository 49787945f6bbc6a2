package org.edgeai.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The look of line i, in one place for the screen, the Java2D exports (SVG, PDF, PNG) and the pgfplots export:
 * a colour from the Okabe–Ito palette (safe for the common colour-vision deficiencies), a dash pattern and a
 * marker shape. Colour, dash and marker all change from one line to the next, so lines stay distinguishable in
 * black and white; after 8 lines colours and markers repeat but the dash pattern shifts by one, so the first 64
 * lines are pairwise distinct.
 *
 * <p>Okabe, M. and Ito, K. (2008), "Color Universal Design (CUD): how to make figures and presentations that are
 * friendly to colorblind people". Yellow (#F0E442) is last: it is faint on white paper.
 */
public final class PlotStyle {

    private PlotStyle() {
    }

    /** A palette entry: name used in TeX and its sRGB value. */
    public record NamedColor(String name, Color color) {
        /** {@code RRGGBB}, upper case. */
        public String hex() {
            return String.format(java.util.Locale.ROOT, "%02X%02X%02X", color.getRed(), color.getGreen(), color.getBlue());
        }
    }

    /** The Okabe–Ito colours in the order lines use them. */
    public static final List<NamedColor> PALETTE = List.of(
            new NamedColor("OIblue", new Color(0x00, 0x72, 0xB2)),
            new NamedColor("OIvermillion", new Color(0xD5, 0x5E, 0x00)),
            new NamedColor("OIbluishgreen", new Color(0x00, 0x9E, 0x73)),
            new NamedColor("OIreddishpurple", new Color(0xCC, 0x79, 0xA7)),
            new NamedColor("OIorange", new Color(0xE6, 0x9F, 0x00)),
            new NamedColor("OIskyblue", new Color(0x56, 0xB4, 0xE9)),
            new NamedColor("OIblack", new Color(0x00, 0x00, 0x00)),
            new NamedColor("OIyellow", new Color(0xF0, 0xE4, 0x42)));

    /**
     * Dash patterns as on/off lengths in multiples of the line width (null = solid). Lines have round caps, which
     * add one line width to every "on" segment, so an "on" of 0 is a dot.
     */
    static final List<double[]> DASHES = List.of(
            new double[0],                        // solid
            new double[] {5, 3},                  // dashed
            new double[] {0, 2.5},                // dotted
            new double[] {5, 2.5, 0, 2.5},        // dash-dot
            new double[] {9, 3},                  // long dash
            new double[] {5, 2.5, 0, 2.5, 0, 2.5}, // dash-dot-dot
            new double[] {2, 2},                  // densely dashed
            new double[] {9, 2.5, 2, 2.5});       // long-short

    /** Marker kinds, with their pgfplots names. */
    enum Marker {
        CIRCLE("*", null), SQUARE("square*", null), TRIANGLE("triangle*", null), DIAMOND("diamond*", null),
        TRIANGLE_DOWN("triangle*", "rotate=180"), CIRCLE_OPEN("o", null), SQUARE_OPEN("square", null), CROSS("x", null);

        final String pgf;
        final String pgfOptions;

        Marker(String pgf, String pgfOptions) {
            this.pgf = pgf;
            this.pgfOptions = pgfOptions;
        }

        boolean filled() {
            return this != CIRCLE_OPEN && this != SQUARE_OPEN && this != CROSS;
        }
    }

    /** Number of distinct colours (and markers). */
    public static final int CYCLE = 8;

    /** Fill opacity of bands. */
    public static final float BAND_ALPHA = 0.22f;

    /** The colour of line i (i ≥ 0). */
    public static NamedColor color(int i) {
        return PALETTE.get(Math.floorMod(i, CYCLE));
    }

    static int dashIndex(int i) {
        return Math.floorMod(i + i / CYCLE, DASHES.size());
    }

    static Marker marker(int i) {
        return Marker.values()[Math.floorMod(i, CYCLE)];
    }

    /** The stroke of line i: width in points, round caps and joins, the line's dash pattern. */
    public static BasicStroke stroke(int i, double widthPt) {
        double[] d = DASHES.get(dashIndex(i));
        float w = (float) widthPt;
        if (d.length == 0) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] dash = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            // round caps lengthen each dash by w and shorten each gap by w
            dash[k] = (float) (k % 2 == 0 ? d[k] * widthPt : (d[k] + 1) * widthPt);
        }
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The pgfplots dash option of line i: {@code solid} or {@code dash pattern=on ..pt off ..pt ...}. */
    static String pgfDash(int i, double widthPt) {
        double[] d = DASHES.get(dashIndex(i));
        if (d.length == 0) {
            return "solid";
        }
        StringBuilder sb = new StringBuilder("dash pattern=");
        for (int k = 0; k < d.length; k++) {
            double len = k % 2 == 0 ? d[k] * widthPt : (d[k] + 1) * widthPt;
            sb.append(k == 0 ? "" : " ").append(k % 2 == 0 ? "on " : "off ").append(TexNumbers.fmt(len)).append("pt");
        }
        return sb.toString();
    }

    /** The marker shape of line i, centred on (0, 0), about {@code sizePt} across. */
    public static Shape markerShape(int i, double sizePt) {
        double r = sizePt / 2;
        return switch (marker(i)) {
            case CIRCLE, CIRCLE_OPEN -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case SQUARE, SQUARE_OPEN -> {
                double h = r * 0.9;
                yield new Rectangle2D.Double(-h, -h, 2 * h, 2 * h);
            }
            case TRIANGLE -> polygon(new double[] {0, r * 1.15, -r * 1.15}, new double[] {-r * 1.15, r * 0.85, r * 0.85});
            case TRIANGLE_DOWN -> polygon(new double[] {0, r * 1.15, -r * 1.15}, new double[] {r * 1.15, -r * 0.85, -r * 0.85});
            case DIAMOND -> polygon(new double[] {0, r * 1.2, 0, -r * 1.2}, new double[] {-r * 1.2, 0, r * 1.2, 0});
            case CROSS -> {
                double h = r * 0.8;
                double t = r * 0.22;
                Path2D.Double p = new Path2D.Double();
                // an x drawn as a filled outline so it looks the same whether shapes are filled or stroked
                p.moveTo(-h, -h + t); p.lineTo(-h + t, -h); p.lineTo(0, -t); p.lineTo(h - t, -h); p.lineTo(h, -h + t);
                p.lineTo(t, 0); p.lineTo(h, h - t); p.lineTo(h - t, h); p.lineTo(0, t); p.lineTo(-h + t, h);
                p.lineTo(-h, h - t); p.lineTo(-t, 0); p.closePath();
                yield p;
            }
        };
    }

    private static Path2D.Double polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int k = 1; k < xs.length; k++) {
            p.lineTo(xs[k], ys[k]);
        }
        p.closePath();
        return p;
    }

    /** Whether line i's marker is filled (else drawn as an outline). */
    public static boolean markerFilled(int i) {
        Marker m = marker(i);
        return m.filled() || m == Marker.CROSS;
    }

    /** The pgfplots mark options of line i: {@code mark=...} plus {@code mark options=...}. */
    static String pgfMark(int i, double sizePt, String colorName) {
        Marker m = marker(i);
        StringBuilder sb = new StringBuilder("mark=").append(m.pgf);
        // pgfplots' mark size is a radius, and its outline adds half a line width
        sb.append(", mark size=").append(TexNumbers.fmt(sizePt / 2 * 0.85)).append("pt");
        sb.append(", mark options={solid, line width=0.5pt");
        if (m.filled()) {
            sb.append(", fill=").append(colorName);
        }
        if (m.pgfOptions != null) {
            sb.append(", ").append(m.pgfOptions);
        }
        sb.append('}');
        return sb.toString();
    }

    /**
     * Markers every k points: with {@code every} = 0 about 8 markers on a line of {@code points} points, else
     * {@code every}.
     */
    public static int markerStep(int every, int points) {
        if (every > 0) {
            return every;
        }
        return Math.max(1, (int) Math.ceil(points / 8.0));
    }

    /**
     * The index (0-based) of the first marked point of line i of {@code lines}: lines are staggered so their
     * markers do not sit on top of each other where they overlap.
     */
    public static int markerPhase(int i, int lines, int step) {
        if (lines <= 1 || step <= 1) {
            return 0;
        }
        return (int) ((long) i * step / lines) % step;
    }
}
