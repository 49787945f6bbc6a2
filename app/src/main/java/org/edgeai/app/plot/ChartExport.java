package org.edgeai.app.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.edgeai.model.run.MetricsCsv;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * Writes a plot to a file: SVG, PDF, PNG (drawn from the same JFreeChart the screen shows), CSV (the plotted data)
 * and pgfplots TeX (the same data, colours, dash patterns, markers, labels, log axes and legend, typeset by LaTeX).
 *
 * <p>Deterministic: the same {@link PlotData} and {@link PlotOptions} give byte-identical files (SVG ids are
 * fixed, numbers are formatted without locale, the PDF's dates are fixed; see {@link #pdf}). Text in SVG and PDF is
 * converted to vector outlines of the font the screen uses, so the files need no fonts and look the same in every
 * viewer (and pass font-embedding checks such as IEEE PDF eXpress); the TeX export uses the document's fonts.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** The file formats, chosen by the output file's extension. */
    public enum Format {
        SVG("svg"), PDF("pdf"), PNG("png"), TEX("tex"), CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The extension without dot. */
        public String extension() {
            return extension;
        }

        /**
         * The format of a file from its extension (case-insensitive).
         *
         * @throws IllegalArgumentException for another or no extension, listing the formats
         */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.extension.equals(ext)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--out " + file + ": " + (ext.isEmpty() ? "no extension" : "unknown extension ."
                    + ext) + "; the format comes from the extension, one of "
                    + Arrays.stream(values()).map(f -> "." + f.extension).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Writes {@code data} to {@code file} in the format of its extension; creates missing parent folders.
     *
     * @return the format written
     */
    public static Format write(PlotData data, PlotOptions options, Path file) {
        Format f = Format.of(file);
        byte[] bytes = switch (f) {
            case SVG -> svg(data, options).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(data, options);
            case PNG -> png(data, options);
            case CSV -> csv(data, options).getBytes(StandardCharsets.UTF_8);
            case TEX -> PgfplotsWriter.tex(data, options).getBytes(StandardCharsets.UTF_8);
        };
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return f;
    }

    // ---- SVG -------------------------------------------------------------------------------------------------

    /** The SVG document of the chart of {@code data}. */
    public static String svg(PlotData data, PlotOptions options) {
        PlotChart c = ChartBuilder.plot(data, options);
        return svg(c.chart(), c.widthPt(), c.heightPt());
    }

    /**
     * The SVG document of any chart drawn at {@code widthPt} × {@code heightPt} points; the SVG's size is given in
     * points. Each line of a {@link PlotChart} is a group {@code <g id="line-i">}.
     */
    public static String svg(JFreeChart chart, double widthPt, double heightPt) {
        SVGGraphics2D g = new SVGGraphics2D(widthPt, heightPt, SVGUnits.PT);
        g.setDefsKeyPrefix("edgeai"); // the default prefix is made from System.nanoTime(): not reproducible
        g.setGeomDoubleConverter(ChartExport::svgNumber);
        g.setTransformDoubleConverter(ChartExport::svgNumber);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        // width and height in pt with a viewBox in the same numbers, so one user unit is one point
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, widthPt, heightPt), null, null) + "\n";
    }

    /** Three decimals (1/1000 pt), plain notation, no trailing zeros, locale-independent. */
    static String svgNumber(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        BigDecimal b = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    // ---- PDF -------------------------------------------------------------------------------------------------

    /**
     * A one-page PDF of the chart of {@code data}, the page the figure's size in points. Text is drawn as vector
     * outlines. The document's title (Info dictionary) names the axes ("Loss vs Round"). Its creation and
     * modification dates are {@code SOURCE_DATE_EPOCH} (seconds, the reproducible-builds convention) when that
     * environment variable is set, else 2000-01-01 00:00 UTC, so the same plot gives the same bytes.
     */
    public static byte[] pdf(PlotData data, PlotOptions options) {
        PlotChart c = ChartBuilder.plot(data, options);
        String title = options.title() != null ? options.title() : data.y().axisLabel() + " vs " + c.chart().getXYPlot()
                .getDomainAxis().getLabel();
        return pdf(c.chart(), c.widthPt(), c.heightPt(), title);
    }

    /** A one-page PDF of any chart drawn at {@code widthPt} × {@code heightPt} points. */
    public static byte[] pdf(JFreeChart chart, double widthPt, double heightPt, String title) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("Edge AI Workbench");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, widthPt, heightPt));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        return fixDates(doc.getPDFBytes());
    }

    /** Replaces the PDF's {@code (D:...)} date strings in place (same length, so the xref offsets stay valid). */
    static byte[] fixDates(byte[] pdf) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        Instant when = Instant.parse("2000-01-01T00:00:00Z");
        if (epoch != null && epoch.matches("\\d{1,12}")) {
            when = Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        String digits = "D:" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(when);
        byte[] out = pdf.clone();
        for (int i = 0; i + 3 < out.length; i++) {
            if (out[i] == '(' && out[i + 1] == 'D' && out[i + 2] == ':') {
                int end = i + 1;
                while (end < out.length && out[end] != ')') {
                    end++;
                }
                int len = end - (i + 1);
                int tz = len - digits.length();
                if (tz >= 0 && tz <= 7) { // the zone part in the room the original left: +00'00' or a prefix of it
                    byte[] f = (digits + "+00'00'".substring(0, tz)).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(f, 0, out, i + 1, f.length);
                }
                i = end;
            }
        }
        return out;
    }

    // ---- PNG -------------------------------------------------------------------------------------------------

    /**
     * A PNG of the chart of {@code data}: round(width_in × dpi) × round(height_in × dpi) pixels, the chart drawn
     * at its point size scaled by dpi / 72 (so type and lines keep their physical size), with the resolution in the
     * file's pHYs chunk.
     */
    public static byte[] png(PlotData data, PlotOptions options) {
        PlotChart c = ChartBuilder.plot(data, options);
        return png(c.chart(), c.widthPt(), c.heightPt(), options.dpi());
    }

    /** A PNG of any chart drawn at {@code widthPt} × {@code heightPt} points, at {@code dpi}. */
    public static byte[] png(JFreeChart chart, double widthPt, double heightPt, int dpi) {
        int w = (int) Math.round(widthPt / 72 * dpi);
        int h = (int) Math.round(heightPt / 72 * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(w / widthPt, h / heightPt);
            chart.draw(g, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        } finally {
            g.dispose();
        }
        return encodePng(img, dpi);
    }

    private static byte[] encodePng(BufferedImage img, int dpi) {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        if (!it.hasNext()) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = it.next();
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream();
             ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata md = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            md.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, md), param);
            ios.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    // ---- CSV -------------------------------------------------------------------------------------------------

    /**
     * The plotted data as CSV, one row per point: {@code line,label,<x column>,<y column>,<y>_low,<y>_high,runs},
     * where the x and y columns are named as in {@code metrics.csv} ({@code round}, {@code bits_sent},
     * {@code sim_time_s}; {@code loss}, ...), values in its units and number format (so a single run's rows equal
     * its {@code metrics.csv} values), {@code line} counts from 1 in legend order, the band columns are empty for
     * a line without band, and {@code runs} is the number of runs averaged at the point. Points a log axis cannot
     * show are left out, as in the chart.
     */
    public static String csv(PlotData data, PlotOptions options) {
        PlotData shown = data.forLogAxes(options.logx(), options.logy());
        String xc = shown.x().column();
        String yc = shown.y().column();
        StringBuilder sb = new StringBuilder();
        sb.append("line,label,").append(xc).append(',').append(yc).append(',').append(yc).append("_low,").append(yc)
                .append("_high,runs\n");
        boolean integralX = shown.x() != XAxisKind.TIME;
        for (int l = 0; l < shown.series().size(); l++) {
            PlotSeries s = shown.series().get(l);
            for (int i = 0; i < s.size(); i++) {
                sb.append(l + 1).append(',').append(csvText(s.label())).append(',');
                double xv = s.x(i);
                if (integralX && xv == Math.rint(xv) && Math.abs(xv) < 1e15) {
                    sb.append((long) xv);
                } else {
                    sb.append(MetricsCsv.number(xv));
                }
                sb.append(',').append(MetricsCsv.number(s.y(i))).append(',');
                if (s.hasBand()) {
                    sb.append(MetricsCsv.number(s.low(i))).append(',').append(MetricsCsv.number(s.high(i)));
                } else {
                    sb.append(',');
                }
                sb.append(',').append(s.count(i)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
