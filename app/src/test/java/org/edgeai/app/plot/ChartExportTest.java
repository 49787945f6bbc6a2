package org.edgeai.app.plot;

import static org.edgeai.app.plot.PlotFixtures.run;
import static org.edgeai.app.plot.PlotFixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.edgeai.app.plot.PlotFixtures.Point;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every export format rendered and checked: SVG structure and determinism, PDF, PNG size, CSV values. */
class ChartExportTest {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path dir;

    PlotData threeLines;

    @BeforeEach
    void data() throws IOException {
        Path a = run(dir.resolve("a"), "Ring DSGD", "0,0,0,2.5,0.1,1", "1,0.5,1000000,1.5,0.4,0.5", "2,1,2000000,1.25,0.6,0.25",
                "3,1.5,3000000,1,0.7,0.125");
        Path b = run(dir.resolve("b"), "Star FedAvg", "0,0,0,2.5,0.1,1", "1,0.25,500000,2,0.3,0.75", "2,0.5,1000000,1.5,0.5,0.5");
        Path s = sweep(dir.resolve("sw"), List.of("algorithm.type", "seed"), List.of(
                new Point("p0", List.of("gossip", "1"), "0,0,0,2.5,,", "1,1,400,2,,", "2,2,800,1.75,,"),
                new Point("p1", List.of("gossip", "2"), "0,0,0,2.5,,", "1,1,400,1.5,,", "2,2,800,1.25,,")));
        threeLines = RunFolders.read(List.of(a, b, s), YMetric.LOSS, XAxisKind.ROUND, BandKind.SD);
    }

    static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new InputSource(new StringReader(svg)));
    }

    /** The ids of the line groups, in document order. */
    static List<String> lineGroups(Document doc) {
        NodeList gs = doc.getElementsByTagNameNS(SVG_NS, "g");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < gs.getLength(); i++) {
            String id = ((Element) gs.item(i)).getAttribute("id");
            if (id.startsWith(PlotChart.SVG_GROUP_PREFIX)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void svgParsesWithOneGroupPerLineAndIsByteIdenticalWhenRenderedTwice() throws Exception {
        PlotOptions o = PlotOptions.defaults();
        Path f1 = dir.resolve("fig1.svg");
        Path f2 = dir.resolve("fig2.svg");
        assertEquals(ChartExport.Format.SVG, ChartExport.write(threeLines, o, f1));
        ChartExport.write(threeLines, o, f2);
        assertArrayEquals(Files.readAllBytes(f1), Files.readAllBytes(f2), "the same data and options give the same bytes");

        Document doc = parseSvg(Files.readString(f1));
        Element root = doc.getDocumentElement();
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("252pt", root.getAttribute("width"), "3.5 in");
        assertEquals("172.8pt", root.getAttribute("height"), "2.4 in");
        assertEquals("0 0 252 172.8", root.getAttribute("viewBox"), "one user unit is one point");
        assertEquals(List.of("line-0", "line-1", "line-2"), lineGroups(doc));
        // the sweep line (index 2) carries its band: a filled path drawn translucent inside its group
        String svg = Files.readString(f1);
        String g2 = svg.substring(svg.indexOf("<g id='line-2'"), svg.indexOf("</g>", svg.indexOf("<g id='line-2'")));
        assertTrue(g2.contains("fill-opacity") || g2.contains("opacity"), "the band is translucent: " + g2.substring(0, 200));
        assertTrue(g2.contains("fill:rgb(0,158,115)"), "line 3 is bluish green, its band too");
        assertFalse(svg.contains("<text"), "text is converted to outlines");
        // a live chart filled point by point gives the same file as one built at once (the GUI's export path)
        PlotChart live = ChartBuilder.create(YMetric.LOSS, XAxisKind.ROUND, BandKind.SD, o);
        for (PlotSeries s : threeLines.series()) {
            if (s.hasBand()) {
                int i = live.addLine(s.withoutBand().withLabel(s.label()));
                assertEquals(2, i);
            } else {
                int i = live.addLine(s.label());
                for (int k = 0; k < s.size(); k++) {
                    live.append(i, s.x(k), s.y(k));
                }
            }
        }
        PlotData snap = live.snapshot();
        assertEquals(threeLines.series().get(0), snap.series().get(0));
        assertEquals(ChartExport.svg(new PlotData(YMetric.LOSS, XAxisKind.ROUND, BandKind.NONE,
                        threeLines.series().stream().map(PlotSeries::withoutBand).toList()), o),
                ChartExport.svg(live.chart(), live.widthPt(), live.heightPt()),
                "drawing the live chart equals exporting its data");
    }

    @Test
    void svgChangesWithTheData() throws Exception {
        PlotOptions o = PlotOptions.defaults();
        PlotData two = new PlotData(threeLines.y(), threeLines.x(), threeLines.band(), threeLines.series().subList(0, 2));
        String svg = ChartExport.svg(two, o);
        assertEquals(List.of("line-0", "line-1"), lineGroups(parseSvg(svg)));
        assertNotEquals(svg, ChartExport.svg(threeLines, o));
        assertNotEquals(svg, ChartExport.svg(two, o.withLog(false, true)));
    }

    @Test
    void pdfOpensWithOnePageOfThePresetSizeShowingTheLines() throws Exception {
        for (PaperPreset p : PaperPreset.values()) {
            PlotOptions o = PlotOptions.defaults().withPreset(p);
            Path f = dir.resolve("fig-" + p.id() + ".pdf");
            ChartExport.write(threeLines, o, f);
            try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                assertEquals(1, doc.getNumberOfPages());
                PDRectangle box = doc.getPage(0).getMediaBox();
                assertEquals(p.widthIn() * 72, box.getWidth(), 0.01, p.id());
                assertEquals(p.heightIn() * 72, box.getHeight(), 0.01, p.id());
                assertEquals("Loss vs Round", doc.getDocumentInformation().getTitle(), "the axis labels name the figure");
                if (p == PaperPreset.IEEE_COLUMN) {
                    BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 150);
                    assertEquals(Math.round(3.5 * 150), img.getWidth(), 1);
                    for (int i = 0; i < 3; i++) {
                        Color c = PlotStyle.color(i).color();
                        assertTrue(countNear(img, c) > 20, "line " + i + " drawn in " + PlotStyle.color(i).name());
                    }
                }
            }
        }
        // the same plot gives the same PDF bytes (fixed dates)
        Path again = dir.resolve("again.pdf");
        ChartExport.write(threeLines, PlotOptions.defaults(), again);
        assertArrayEquals(Files.readAllBytes(dir.resolve("fig-ieee-column.pdf")), Files.readAllBytes(again));
    }

    @Test
    void pngHasInchesTimesDpiPixelsAndRecordsTheDpi() throws Exception {
        for (int dpi : new int[] {72, 150, 300}) {
            PlotOptions o = PlotOptions.defaults().withDpi(dpi);
            Path f = dir.resolve("fig" + dpi + ".png");
            ChartExport.write(threeLines, o, f);
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(Math.round(3.5 * dpi), img.getWidth());
            assertEquals(Math.round(2.4 * dpi), img.getHeight());
            assertEquals(Math.round(dpi / 0.0254), pixelsPerMetre(f));
            if (dpi == 300) {
                for (int i = 0; i < 3; i++) {
                    assertTrue(countNear(img, PlotStyle.color(i).color()) > 50, "line " + i + " visible");
                }
            }
        }
        PlotOptions custom = PlotOptions.defaults().withSize(5.0, 2.0).withDpi(100);
        Path f = dir.resolve("custom.png");
        ChartExport.write(threeLines, custom, f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(500, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    static long pixelsPerMetre(Path png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
        }
    }

    static int countNear(BufferedImage img, Color c) {
        int n = 0;
        for (int yy = 0; yy < img.getHeight(); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, yy);
                int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                int db = (rgb & 0xFF) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void csvHoldsThePlottedValues() throws Exception {
        Path f = dir.resolve("data.csv");
        ChartExport.write(threeLines, PlotOptions.defaults(), f);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals("line,label,round,loss,loss_low,loss_high,runs", lines.get(0));
        assertEquals("1,Ring DSGD,0,2.5,,,1", lines.get(1));
        assertEquals("1,Ring DSGD,1,1.5,,,1", lines.get(2));
        assertEquals(1 + 4 + 3 + 3, lines.size());
        assertEquals("3,Sweep experiment,1,1.75," + (1.75 - Math.sqrt(0.125)) + "," + (1.75 + Math.sqrt(0.125)) + ",2",
                lines.get(9), "mean 1.75 ± sd sqrt(0.125); a sweep of one setting is named by its experiment");
        // bits: source units in the CSV even though the axis shows Mbit
        PlotData bits = RunFolders.read(List.of(dir.resolve("a")), YMetric.ACCURACY, XAxisKind.BITS, null);
        String csv = ChartExport.csv(bits, PlotOptions.defaults());
        assertEquals("line,label,bits_sent,accuracy,accuracy_low,accuracy_high,runs\n1,Ring DSGD,0,0.1,,,1\n"
                + "1,Ring DSGD,1000000,0.4,,,1\n1,Ring DSGD,2000000,0.6,,,1\n1,Ring DSGD,3000000,0.7,,,1\n", csv);
        // log y leaves out what the chart leaves out
        PlotData withZero = new PlotData(YMetric.LOSS, XAxisKind.ROUND, BandKind.NONE,
                List.of(PlotSeries.of("a, \"b\"", new double[] {0, 1, 2}, new double[] {1, 0, 0.5})));
        assertEquals("line,label,round,loss,loss_low,loss_high,runs\n1,\"a, \"\"b\"\"\",0,1.0,,,1\n1,\"a, \"\"b\"\"\",2,0.5,,,1\n",
                ChartExport.csv(withZero, PlotOptions.defaults().withLog(false, true)));
    }

    @Test
    void bitsAxisIsLabelledWithAScaledUnit() throws Exception {
        PlotData bits = RunFolders.read(List.of(dir.resolve("a")), YMetric.ACCURACY, XAxisKind.BITS, null);
        PlotChart c = ChartBuilder.plot(bits, PlotOptions.defaults());
        assertEquals("Bits sent (Mbit)", c.chart().getXYPlot().getDomainAxis().getLabel());
        assertEquals("Test accuracy", c.chart().getXYPlot().getRangeAxis().getLabel());
        assertEquals("Simulated time (s)", ChartBuilder.build(RunFolders.read(List.of(dir.resolve("a")), YMetric.CONSENSUS_ERROR,
                XAxisKind.TIME, null), PlotOptions.defaults()).getXYPlot().getDomainAxis().getLabel());
        assertEquals("Bits sent (kbit)", PlotChart.xAxisLabel(XAxisKind.BITS, 1500));
        assertEquals("Bits sent (bit)", PlotChart.xAxisLabel(XAxisKind.BITS, 999));
        assertEquals("Bits sent (Gbit)", PlotChart.xAxisLabel(XAxisKind.BITS, 2.5e9));
        String tex = ChartExport.Format.TEX.extension();
        assertEquals("tex", tex);
        String t = PgfplotsWriter.tex(bits, PlotOptions.defaults());
        assertTrue(t.contains("xlabel={Bits sent (Mbit)}"), t);
        assertTrue(t.contains("(3,0.7)"), "x in Mbit in the TeX data: " + t);
    }

    @Test
    void unknownExtensionsAreRefusedListingTheFormats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(threeLines, PlotOptions.defaults(), dir.resolve("fig.jpg")));
        assertEquals("--out " + dir.resolve("fig.jpg") + ": unknown extension .jpg; the format comes from the extension, one of "
                + ".svg, .pdf, .png, .tex, .csv", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ChartExport.Format.of(Path.of("figure")));
        assertTrue(e.getMessage().contains("no extension"), e.getMessage());
        assertEquals(ChartExport.Format.PDF, ChartExport.Format.of(Path.of("x/FIG.PDF")));
    }

    @Test
    void stylesAreDistinctInBlackAndWhite() {
        for (int i = 0; i < 64; i++) {
            for (int j = i + 1; j < 64; j++) {
                boolean sameDash = PlotStyle.dashIndex(i) == PlotStyle.dashIndex(j);
                boolean sameMarker = PlotStyle.marker(i) == PlotStyle.marker(j);
                assertFalse(sameDash && sameMarker, "lines " + i + " and " + j + " differ only by colour");
            }
        }
        assertEquals(new Color(0x00, 0x72, 0xB2), PlotStyle.color(0).color());
        assertEquals("D55E00", PlotStyle.color(1).hex());
        assertEquals(PlotStyle.color(0), PlotStyle.color(8));
        // markers every k, staggered between lines
        assertEquals(4, PlotStyle.markerStep(0, 30));
        assertEquals(1, PlotStyle.markerStep(0, 5));
        assertEquals(7, PlotStyle.markerStep(7, 30));
        assertEquals(0, PlotStyle.markerPhase(0, 3, 6));
        assertEquals(2, PlotStyle.markerPhase(1, 3, 6));
        assertEquals(4, PlotStyle.markerPhase(2, 3, 6));
        assertTrue(PlotChart.markerAt(2, 6, 2));
        assertTrue(PlotChart.markerAt(8, 6, 2));
        assertFalse(PlotChart.markerAt(3, 6, 2));
        assertFalse(PlotChart.markerAt(0, 6, 2));
    }

    @Test
    void optionsAreValidated() {
        PlotOptions d = PlotOptions.defaults();
        assertEquals("--dpi: expected an integer in [10, 2400], got 5",
                assertThrows(IllegalArgumentException.class, () -> d.withDpi(5)).getMessage());
        assertEquals("--width: expected inches in (0, 100], got -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.withSize(-1.0, null)).getMessage());
        assertEquals("--markers-every: expected an integer >= 1 (or 0 for automatic), got -2",
                assertThrows(IllegalArgumentException.class, () -> d.withMarkersEvery(-2)).getMessage());
        assertEquals("--preset: unknown preset \"nature\"; expected one of ieee-column, ieee-page, acm, lncs, slide",
                assertThrows(IllegalArgumentException.class, () -> PaperPreset.byId("nature")).getMessage());
        assertEquals("--y: unknown metric \"f1\"; expected one of loss, accuracy, consensus_error",
                assertThrows(IllegalArgumentException.class, () -> YMetric.byId("f1")).getMessage());
        assertEquals(YMetric.CONSENSUS_ERROR, YMetric.byId("consensus-error"));
        assertEquals(3.33, PaperPreset.ACM.widthIn(), 0.01);
        assertEquals(12.2 / 2.54, PaperPreset.LNCS.widthIn(), 1e-12);
        assertEquals(16.0 / 9, PaperPreset.SLIDE.widthIn() / PaperPreset.SLIDE.heightIn(), 1e-12);
    }

    @Test
    void logAxesLeaveOutWhatTheyCannotShowAndClipBands() {
        PlotSeries s = new PlotSeries("s", new double[] {0, 1, 2, 3}, new double[] {1, 0, 0.5, 0.25},
                new double[] {0.5, 0, -0.5, 0.125}, new double[] {1.5, 0, 1.5, 0.375}, new int[] {2, 2, 2, 2});
        PlotData d = new PlotData(YMetric.LOSS, XAxisKind.ROUND, BandKind.SD, List.of(s));
        PlotSeries ly = d.forLogAxes(false, true).series().get(0);
        assertArrayEquals(new double[] {0, 2, 3}, ly.xs());
        assertEquals(0.5, ly.low(1), 0, "a band reaching below 0 is clipped to the mean");
        PlotSeries lx = d.forLogAxes(true, false).series().get(0);
        assertArrayEquals(new double[] {1, 2, 3}, lx.xs());
        assertEquals(-0.5, lx.low(1), 0);
    }

    @Test
    void pngIsReproducibleToo() {
        byte[] a = ChartExport.png(threeLines, PlotOptions.defaults().withDpi(100));
        byte[] b = ChartExport.png(threeLines, PlotOptions.defaults().withDpi(100));
        assertArrayEquals(a, b);
        assertTrue(new ByteArrayInputStream(a).available() > 1000);
    }
}
