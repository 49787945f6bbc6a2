package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Figure sizes and type for common venues. Widths are the venues' column or text widths; heights follow a
 * ratio of about 1.5:1 for columns (a legible plot area once axis labels take their share) and 16:9 for slides.
 * Sizes are in inches (1 in = 72 pt = 2.54 cm); fonts in points. The font family is a Java logical family
 * ({@code Serif}, {@code SansSerif}) so every machine has it; in the TeX export the document's own font is used.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>id</th><th>width × height</th><th>font</th><th>line / marker</th><th>source of the width</th></tr>
 *   <tr><td>ieee-column</td><td>3.5 × 2.4 in</td><td>Serif 8 pt</td><td>1.0 / 3.5 pt</td><td>IEEEtran column, 3.5 in</td></tr>
 *   <tr><td>ieee-page</td><td>7.16 × 2.8 in</td><td>Serif 8 pt</td><td>1.0 / 3.5 pt</td><td>IEEEtran text width, 7.16 in</td></tr>
 *   <tr><td>acm</td><td>3.33 × 2.3 in</td><td>SansSerif 8 pt</td><td>1.0 / 3.5 pt</td><td>acmart sigconf column, 241.14749 pt</td></tr>
 *   <tr><td>lncs</td><td>4.8 × 3.0 in</td><td>Serif 9 pt</td><td>1.0 / 4 pt</td><td>llncs text width, 12.2 cm</td></tr>
 *   <tr><td>slide</td><td>10 × 5.625 in</td><td>SansSerif 18 pt</td><td>2.5 / 8 pt</td><td>16:9 slide (PowerPoint, Beamer aspectratio=169 scaled)</td></tr>
 * </table>
 */
public enum PaperPreset {
    IEEE_COLUMN("ieee-column", 3.5, 2.4, "Serif", 8, 1.0, 3.5),
    IEEE_PAGE("ieee-page", 7.16, 2.8, "Serif", 8, 1.0, 3.5),
    ACM("acm", 241.14749 / 72.27, 2.3, "SansSerif", 8, 1.0, 3.5),
    LNCS("lncs", 12.2 / 2.54, 3.0, "Serif", 9, 1.0, 4.0),
    SLIDE("slide", 10.0, 5.625, "SansSerif", 18, 2.5, 8.0);

    private final String id;
    private final double widthIn;
    private final double heightIn;
    private final String fontFamily;
    private final double fontSizePt;
    private final double lineWidthPt;
    private final double markerSizePt;

    PaperPreset(String id, double widthIn, double heightIn, String fontFamily, double fontSizePt, double lineWidthPt,
                double markerSizePt) {
        this.id = id;
        this.widthIn = widthIn;
        this.heightIn = heightIn;
        this.fontFamily = fontFamily;
        this.fontSizePt = fontSizePt;
        this.lineWidthPt = lineWidthPt;
        this.markerSizePt = markerSizePt;
    }

    /** The command-line id ({@code ieee-column}, {@code ieee-page}, {@code acm}, {@code lncs}, {@code slide}). */
    public String id() {
        return id;
    }

    /** Figure width, inches. */
    public double widthIn() {
        return widthIn;
    }

    /** Figure height, inches. */
    public double heightIn() {
        return heightIn;
    }

    /** Java logical font family ({@code Serif} or {@code SansSerif}). */
    public String fontFamily() {
        return fontFamily;
    }

    /** Base font size (axis labels, tick labels), points. */
    public double fontSizePt() {
        return fontSizePt;
    }

    /** Line width, points. */
    public double lineWidthPt() {
        return lineWidthPt;
    }

    /** Marker diameter, points. */
    public double markerSizePt() {
        return markerSizePt;
    }

    /** The preset with this id (case-insensitive). */
    public static PaperPreset byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (PaperPreset p : values()) {
            if (p.id.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--preset: unknown preset \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(PaperPreset::id).collect(Collectors.joining(", ")));
    }
}
