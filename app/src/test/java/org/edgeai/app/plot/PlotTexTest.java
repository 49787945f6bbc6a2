package org.edgeai.app.plot;

import static org.edgeai.app.plot.PlotFixtures.run;
import static org.edgeai.app.plot.PlotFixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.edgeai.app.plot.PlotFixtures.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pgfplots export: its content always, and, where pdflatex with pgfplots is installed, that it compiles alone
 * and {@code \input} into a document.
 */
class PlotTexTest {

    @TempDir
    Path dir;

    static boolean latex;
    static String why = "";

    @BeforeAll
    static void findLatex() {
        try {
            Process p = new ProcessBuilder("kpsewhich", "pgfplots.sty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty();
            Process q = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start();
            q.getInputStream().readAllBytes();
            latex = ok && q.waitFor(60, TimeUnit.SECONDS) && q.exitValue() == 0;
            why = ok ? "pdflatex not runnable" : "kpsewhich finds no pgfplots.sty";
        } catch (IOException | InterruptedException e) {
            latex = false;
            why = "no TeX installation (" + e.getMessage() + ")";
        }
    }

    PlotData data() throws IOException {
        Path a = run(dir.resolve("a"), "Ring DSGD_1 & 50% #1", "0,0,0,2.5,0.1,1", "1,0.5,1000000,1.5,0.4,0.5",
                "2,1,2000000,1.25,0.6,0.25", "3,1.5,3000000,1,0.7,0.125");
        Path s = sweep(dir.resolve("sw"), List.of("topology.generator.type", "seed"), List.of(
                new Point("p0", List.of("ring", "1"), "0,0,0,2.5,,", "1,1,400,2,,", "2,2,800,1.75,,"),
                new Point("p1", List.of("ring", "2"), "0,0,0,2.5,,", "1,1,400,1.5,,", "2,2,800,1.25,,"),
                new Point("p2", List.of("star", "1"), "0,0,0,2.5,,", "1,1,400,1,,", "2,2,800,0.5,,"),
                new Point("p3", List.of("star", "2"), "0,0,0,2.5,,", "1,1,400,1.2,,", "2,2,800,0.25,,")));
        return RunFolders.read(List.of(a, s), YMetric.LOSS, XAxisKind.ROUND, BandKind.CI95);
    }

    @Test
    void texHoldsTheSameDataStylesAndLabels() throws IOException {
        PlotOptions o = PlotOptions.defaults().withLog(false, true).withMarkersEvery(2).withTitle("Loss 50%");
        String t = PgfplotsWriter.tex(data(), o);
        assertTrue(t.contains("xlabel={Round}, ylabel={Loss}"), t);
        assertTrue(t.contains("ymode=log"), t);
        assertTrue(t.contains("title={Loss 50\\%}"), t);
        assertTrue(t.contains("\\addlegendentry{Ring DSGD\\_1 \\& 50\\% \\#1}"), "labels escaped: " + t);
        assertTrue(t.contains("\\addlegendentry{ring}") && t.contains("\\addlegendentry{star}"), t);
        assertTrue(t.contains("\\definecolor{OIblue}{HTML}{0072B2}"), t);
        assertTrue(t.contains("color=OIvermillion, dash pattern=on 5pt off 4pt"), "line 2 is dashed like on screen: " + t);
        assertTrue(t.contains("mark repeat=2"), t);
        assertTrue(t.contains("fill opacity=0.22, forget plot"), "bands are filled polygons: " + t);
        assertTrue(t.contains("width=3.5in, height=2.4in"), t);
        // the data points of the single run, exactly
        assertTrue(t.contains("(0,2.5)\n(1,1.5)\n(2,1.25)\n(3,1)\n"), t);
        assertEquals(5, t.split("\\\\addplot\\[", -1).length - 1, "one line for the run, band + line for each setting");
    }

    @Test
    void texCompilesAloneAndInsideADocument() throws Exception {
        assumeTrue(latex, "pdflatex with pgfplots is not installed here (" + why + "): the TeX compile check is skipped");
        for (LegendPosition legend : LegendPosition.values()) {
            Path fig = dir.resolve("fig-" + legend.id() + ".tex");
            ChartExport.write(data(), PlotOptions.defaults().withLegend(legend).withLog(false, true), fig);
            Path pdf = pdflatex(fig);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(1, doc.getNumberOfPages());
                float w = doc.getPage(0).getMediaBox().getWidth();
                assertEquals(3.5 * 72, w, 0.12 * 3.5 * 72, "the page is about the figure's width");
                String text = new PDFTextStripper().getText(doc);
                // the rotated y label comes out a few letters per line
                assertTrue(text.contains("Round") && text.replaceAll("\\s", "").contains("Loss"), text);
                if (legend != LegendPosition.NONE) {
                    assertTrue(text.contains("star"), text);
                }
            }
        }
        // \input into a paper that loads pgfplots itself
        Path fig = dir.resolve("figure.tex");
        ChartExport.write(data(), PlotOptions.defaults().withPreset(PaperPreset.IEEE_PAGE), fig);
        Path paper = dir.resolve("paper.tex");
        Files.writeString(paper, """
                \\documentclass{article}
                \\usepackage{pgfplots}
                \\pgfplotsset{compat=1.16}
                \\begin{document}
                Results are in Figure~\\ref{fig:loss}. Text after the input continues in the paper.
                \\begin{figure}[h]
                \\centering
                \\input{figure.tex}
                \\caption{Loss per round.}\\label{fig:loss}
                \\end{figure}
                Closing paragraph.
                \\end{document}
                """, StandardCharsets.UTF_8);
        Path pdf = pdflatex(paper);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(612, doc.getPage(0).getMediaBox().getWidth(), 1, "the paper's letter page, not the figure's");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Closing") && text.contains("paragraph."), "the document continues after the figure: " + text);
            assertTrue(text.contains("Loss per round."), text);
            assertTrue(text.contains("Round"), text);
        }
    }

    private static Path pdflatex(Path tex) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                tex.getFileName().toString());
        pb.directory(tex.getParent().toFile());
        pb.redirectErrorStream(true);
        File log = tex.resolveSibling(tex.getFileName() + ".out").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "pdflatex did not finish");
        String name = tex.getFileName().toString();
        Path pdf = tex.resolveSibling(name.substring(0, name.length() - 4) + ".pdf");
        assertEquals(0, p.exitValue(), "pdflatex failed on " + tex + ":\n" + Files.readString(log.toPath()));
        assertTrue(Files.isRegularFile(pdf));
        return pdf;
    }
}
