package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.edgeai.app.plot.BandKind;
import org.edgeai.app.plot.ChartExport;
import org.edgeai.app.plot.PlotOptions;
import org.edgeai.app.plot.RunFolders;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plot} command in-process on real runs of the {@code run} command. */
class PlotCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static final String EXPERIMENT = """
            {
              "schemaVersion": 1,
              "name": "Gossip on a ring of 6",
              "seed": 4,
              "topology": { "generator": { "type": "ring", "nodes": 6 } },
              "workload": { "task": "consensus", "dimension": 2 },
              "algorithm": { "type": "%s" },
              "run": { "rounds": 6 }
            }
            """;

    Path realRun(String algorithm) throws IOException {
        Path f = dir.resolve(algorithm + ".json");
        Files.writeString(f, String.format(EXPERIMENT, algorithm), StandardCharsets.UTF_8);
        Path out = dir.resolve("run-" + algorithm);
        Result r = cli("run", f.toString(), "--out", out.toString(), "--quiet", "--trace", "none");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void plotsRealRunsInEveryFormat() throws Exception {
        Path a = realRun("gossip-avg");
        Path b = realRun("dsgd");
        Path svg = dir.resolve("figs/fig.svg");
        Result r = cli("plot", a.toString(), b.toString(), "--y", "consensus_error", "--x", "round", "--label", "gossip",
                "--label", "DSGD", "--logy", "--out", svg.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(svg + ": svg, 2 lines, consensus_error vs round, 3.5 x 2.4 in\n", r.out());
        String text = Files.readString(svg);
        assertEquals(2, text.split("<g id='line-", -1).length - 1);
        // the same as the plotting layer gives for the same data and options: what the GUI's export will call
        var data = RunFolders.read(List.of(a, b), YMetric.CONSENSUS_ERROR, XAxisKind.ROUND, null)
                .withLabels(List.of("gossip", "DSGD"));
        assertEquals(ChartExport.svg(data, PlotOptions.defaults().withLog(false, true)), text);

        Path pdf = dir.resolve("fig.pdf");
        r = cli("plot", a.toString(), "--y", "loss", "--x", "time", "--preset", "acm", "--out", pdf.toString());
        assertEquals(0, r.exit(), r.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(241.14749 / 72.27 * 72, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals("Loss vs Simulated time (s)", doc.getDocumentInformation().getTitle());
        }

        Path png = dir.resolve("fig.png");
        r = cli("plot", a.toString(), "--x", "bits", "--dpi", "120", "--width", "4", "--height", "2.5", "--legend", "outside",
                "--markers-every", "2", "--title", "Gossip", "--out", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("480 x 300 px at 120 dpi"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(480, img.getWidth());
        assertEquals(300, img.getHeight());

        Path csv = dir.resolve("fig.csv");
        r = cli("plot", a.toString(), "--y", "consensus_error", "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(csv);
        List<String> metrics = Files.readAllLines(a.resolve("metrics.csv"));
        assertEquals("line,label,round,consensus_error,consensus_error_low,consensus_error_high,runs", rows.get(0));
        assertEquals(metrics.size(), rows.size(), "one row per round");
        for (int i = 1; i < rows.size(); i++) {
            String[] m = metrics.get(i).split(",", -1);
            String[] c = rows.get(i).split(",", -1);
            assertEquals(Double.parseDouble(m[0]), Double.parseDouble(c[2]), 0, "round");
            assertEquals(Double.parseDouble(m[5]), Double.parseDouble(c[3]), 0, "consensus_error equals metrics.csv");
            assertEquals("Gossip on a ring of 6", c[1], "the experiment's name labels the line");
        }

        Path tex = dir.resolve("fig.tex");
        r = cli("plot", a.toString(), b.toString(), "--y", "consensus_error", "--logy", "--out", tex.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(tex).contains("ymode=log"));
    }

    @Test
    void plotsASweepFolderWithBands() throws IOException {
        Path sw = dir.resolve("sweep");
        Files.createDirectories(sw.resolve("runs"));
        StringBuilder index = new StringBuilder("point_id,algorithm.type,seed,status,rounds,final_loss,final_accuracy,"
                + "final_consensus_error,bits_sent,sim_time_s,fingerprint\n");
        int k = 0;
        for (String algo : List.of("gossip-avg", "dsgd")) {
            for (int seed = 1; seed <= 3; seed++) {
                Path f = dir.resolve(algo + seed + ".json");
                Files.writeString(f, String.format(EXPERIMENT, algo).replace("\"seed\": 4", "\"seed\": " + seed));
                String id = String.format("%04d", k++);
                Result r = cli("run", f.toString(), "--out", sw.resolve("runs").resolve(id).toString(), "--quiet", "--trace", "none");
                assertEquals(0, r.exit(), r.err());
                index.append(id).append(',').append(algo).append(',').append(seed).append(",completed,6,,,,0,0,x\n");
            }
        }
        Files.writeString(sw.resolve("index.csv"), index.toString());
        Path csv = dir.resolve("sweep.csv");
        Result r = cli("plot", sw.toString(), "--y", "consensus_error", "--band", "ci95", "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv + ": csv, 2 lines, consensus_error vs round, band ci95\n", r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(1 + 2 * 7, rows.size());
        assertTrue(rows.get(1).startsWith("1,gossip-avg,0,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",3"), "three seeds averaged: " + rows.get(1));
        assertTrue(rows.get(8).startsWith("2,dsgd,0,"), rows.get(8));
        // the mean of round 3 equals the mean of the three runs' metrics.csv values
        double sum = 0;
        for (int s = 0; s < 3; s++) {
            String[] m = Files.readAllLines(sw.resolve("runs").resolve(String.format("%04d", s)).resolve("metrics.csv")).get(4).split(",", -1);
            sum += Double.parseDouble(m[5]);
        }
        assertEquals(sum / 3, Double.parseDouble(rows.get(4).split(",")[3]), 1e-15);
    }

    @Test
    void userErrorsAreOneLineWithStatus2() throws IOException {
        Path a = dir.resolve("r");
        Files.createDirectories(a);
        Files.writeString(a.resolve("metrics.csv"), "round,sim_time_s,bits_sent,loss,accuracy,consensus_error\n0,0,0,1,,\n1,1,8,0.5,,\n");
        Result r = cli("plot", a.toString(), "--out", dir.resolve("fig.jpg").toString());
        assertEquals(2, r.exit());
        assertEquals("error: --out " + dir.resolve("fig.jpg") + ": unknown extension .jpg; the format comes from the extension, "
                + "one of .svg, .pdf, .png, .tex, .csv\n", r.err());
        r = cli("plot", a.toString(), "--y", "f1", "--out", dir.resolve("fig.svg").toString());
        assertEquals(2, r.exit());
        assertEquals("error: --y: unknown metric \"f1\"; expected one of loss, accuracy, consensus_error\n", r.err());
        r = cli("plot", a.toString(), "--y", "accuracy", "--out", dir.resolve("fig.svg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + a.resolve("metrics.csv") + ": no values of accuracy"), r.err());
        r = cli("plot", a.toString(), "--label", "x", "--label", "y", "--out", dir.resolve("fig.svg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --label: given 2 label(s), but the folders give 1 line(s)"), r.err());
        r = cli("plot", dir.resolve("nope").toString(), "--out", dir.resolve("fig.svg").toString());
        assertEquals(2, r.exit());
        assertEquals("error: " + dir.resolve("nope") + ": no such folder (expected a run folder holding metrics.csv or a sweep "
                + "folder holding index.csv)\n", r.err());
        r = cli("plot", a.toString(), "--preset", "nature", "--out", dir.resolve("fig.svg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected one of ieee-column, ieee-page, acm, lncs, slide"), r.err());
        assertTrue(!Files.exists(dir.resolve("fig.svg")), "nothing written on error");
        // log y with a zero: a warning, and the point left out
        Files.writeString(a.resolve("metrics.csv"), "round,sim_time_s,bits_sent,loss,accuracy,consensus_error\n0,0,0,1,,\n1,1,8,0,,\n");
        r = cli("plot", a.toString(), "--logy", "--out", dir.resolve("log.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("warning: 1 point(s) with values <= 0 left out: --logy cannot show them\n", r.err());
        assertEquals(2, Files.readAllLines(dir.resolve("log.csv")).size());
        assertArrayEquals(new BandKind[] {BandKind.SD, BandKind.CI95, BandKind.NONE}, BandKind.values());
    }
}
