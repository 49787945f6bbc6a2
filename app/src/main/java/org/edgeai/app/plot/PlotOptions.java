package org.edgeai.app.plot;

import java.util.Objects;

/**
 * How a chart looks: everything except the data. Immutable; change it with the {@code with...} methods.
 *
 * @param preset        size and type ({@link PaperPreset})
 * @param widthIn       figure width in inches overriding the preset's, or null; in (0, 100]
 * @param heightIn      figure height in inches overriding the preset's, or null; in (0, 100]
 * @param fontFamily    font family overriding the preset's (a Java font family; in TeX the document's font is
 *                      kept), or null
 * @param fontSizePt    base font size in points overriding the preset's, or null; in [4, 72]
 * @param logx          logarithmic x axis (points with x ≤ 0 are left out)
 * @param logy          logarithmic y axis (points with y ≤ 0 are left out)
 * @param legend        where the legend goes
 * @param markersEvery  a marker every k points of each line; 0 = automatic (about 8 markers a line)
 * @param title         a title above the plot, or null for none (papers use captions)
 * @param dpi           PNG resolution, dots per inch, in [10, 2400]
 */
public record PlotOptions(PaperPreset preset, Double widthIn, Double heightIn, String fontFamily, Double fontSizePt,
                          boolean logx, boolean logy, LegendPosition legend, int markersEvery, String title, int dpi) {

    /** Default PNG resolution. */
    public static final int DEFAULT_DPI = 300;

    public PlotOptions {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(legend, "legend");
        checkSize("--width", widthIn);
        checkSize("--height", heightIn);
        if (fontSizePt != null && !(fontSizePt >= 4 && fontSizePt <= 72)) {
            throw new IllegalArgumentException("--font-size: expected points in [4, 72], got " + fontSizePt);
        }
        if (fontFamily != null && fontFamily.isBlank()) {
            throw new IllegalArgumentException("--font: expected a font family name, got an empty one");
        }
        if (markersEvery < 0) {
            throw new IllegalArgumentException("--markers-every: expected an integer >= 1 (or 0 for automatic), got "
                    + markersEvery);
        }
        if (dpi < 10 || dpi > 2400) {
            throw new IllegalArgumentException("--dpi: expected an integer in [10, 2400], got " + dpi);
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
    }

    private static void checkSize(String name, Double v) {
        if (v != null && !(v > 0 && v <= 100)) {
            throw new IllegalArgumentException(name + ": expected inches in (0, 100], got " + v);
        }
    }

    /** ieee-column, legend inside, automatic markers, no title, 300 dpi, linear axes. */
    public static PlotOptions defaults() {
        return new PlotOptions(PaperPreset.IEEE_COLUMN, null, null, null, null, false, false, LegendPosition.INSIDE, 0,
                null, DEFAULT_DPI);
    }

    /** Width in inches: the override, else the preset's. */
    public double effectiveWidthIn() {
        return widthIn != null ? widthIn : preset.widthIn();
    }

    /** Height in inches: the override, else the preset's. */
    public double effectiveHeightIn() {
        return heightIn != null ? heightIn : preset.heightIn();
    }

    /** Width in points (1/72 in): the drawing size of the chart. */
    public double widthPt() {
        return effectiveWidthIn() * 72;
    }

    /** Height in points. */
    public double heightPt() {
        return effectiveHeightIn() * 72;
    }

    /** The font family: the override, else the preset's. */
    public String effectiveFontFamily() {
        return fontFamily != null ? fontFamily : preset.fontFamily();
    }

    /** Base font size in points: the override, else the preset's. */
    public double effectiveFontSizePt() {
        return fontSizePt != null ? fontSizePt : preset.fontSizePt();
    }

    public PlotOptions withPreset(PaperPreset p) {
        return new PlotOptions(p, widthIn, heightIn, fontFamily, fontSizePt, logx, logy, legend, markersEvery, title, dpi);
    }

    public PlotOptions withSize(Double w, Double h) {
        return new PlotOptions(preset, w, h, fontFamily, fontSizePt, logx, logy, legend, markersEvery, title, dpi);
    }

    public PlotOptions withFont(String family, Double sizePt) {
        return new PlotOptions(preset, widthIn, heightIn, family, sizePt, logx, logy, legend, markersEvery, title, dpi);
    }

    public PlotOptions withLog(boolean x, boolean y) {
        return new PlotOptions(preset, widthIn, heightIn, fontFamily, fontSizePt, x, y, legend, markersEvery, title, dpi);
    }

    public PlotOptions withLegend(LegendPosition l) {
        return new PlotOptions(preset, widthIn, heightIn, fontFamily, fontSizePt, logx, logy, l, markersEvery, title, dpi);
    }

    public PlotOptions withMarkersEvery(int k) {
        return new PlotOptions(preset, widthIn, heightIn, fontFamily, fontSizePt, logx, logy, legend, k, title, dpi);
    }

    public PlotOptions withTitle(String t) {
        return new PlotOptions(preset, widthIn, heightIn, fontFamily, fontSizePt, logx, logy, legend, markersEvery, t, dpi);
    }

    public PlotOptions withDpi(int d) {
        return new PlotOptions(preset, widthIn, heightIn, fontFamily, fontSizePt, logx, logy, legend, markersEvery, title, d);
    }
}
