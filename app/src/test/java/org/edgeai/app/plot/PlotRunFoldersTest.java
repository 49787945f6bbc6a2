package org.edgeai.app.plot;

import static org.edgeai.app.plot.PlotFixtures.run;
import static org.edgeai.app.plot.PlotFixtures.sweep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.app.plot.PlotFixtures.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run and sweep folders into lines: values, labels, averaging over seeds, located errors. */
class PlotRunFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aRunFolderIsOneLineOfItsFiniteValuesLabelledByTheExperiment() throws IOException {
        Path r = run(dir.resolve("r1"), "Ring DSGD",
                "0,0,0,2.5,0.1,",
                "1,0.125,1000,1.5,,0.25",
                "2,0.25,2000,inf,0.5,0.125",
                "3,0.375,3000,0.75,0.6,0.0625");
        PlotData d = RunFolders.read(List.of(r), YMetric.LOSS, XAxisKind.ROUND, null);
        assertEquals(1, d.series().size());
        PlotSeries s = d.series().get(0);
        assertEquals("Ring DSGD", s.label());
        assertArrayEquals(new double[] {0, 1, 3}, s.xs(), "the infinite loss of round 2 is left out");
        assertArrayEquals(new double[] {2.5, 1.5, 0.75}, s.ys());
        assertFalse(s.hasBand());
        assertEquals(BandKind.NONE, d.band(), "a single run has no band");

        PlotSeries acc = RunFolders.read(List.of(r), YMetric.ACCURACY, XAxisKind.BITS, null).series().get(0);
        assertArrayEquals(new double[] {0, 2000, 3000}, acc.xs(), "the empty accuracy of round 1 is left out");
        PlotSeries ce = RunFolders.read(List.of(r), YMetric.CONSENSUS_ERROR, XAxisKind.TIME, null).series().get(0);
        assertArrayEquals(new double[] {0.125, 0.25, 0.375}, ce.xs());
        assertArrayEquals(new double[] {0.25, 0.125, 0.0625}, ce.ys());
    }

    @Test
    void withoutSummaryTheFolderNamesTheLine() throws IOException {
        Path r = run(dir.resolve("baseline-run"), null, "0,0,0,1,,", "1,1,8,0.5,,");
        assertEquals("baseline-run", RunFolders.read(List.of(r), YMetric.LOSS, XAxisKind.ROUND, null).series().get(0).label());
    }

    /** Two settings (ring, star) over three seeds; seed 3 of ring stops after round 1. */
    Path twoBySeeds() throws IOException {
        return sweep(dir.resolve("sw"), List.of("topology.generator.type", "seed"), List.of(
                new Point("p0", List.of("ring", "1"), "0,0,0,3,,", "1,1,100,1,,", "2,2,200,0.5,,"),
                new Point("p1", List.of("ring", "2"), "0,0,0,3,,", "1,1.5,200,2,,", "2,3,400,1.5,,"),
                new Point("p2", List.of("ring", "3"), "0,0,0,3,,", "1,2,600,3,,"),
                new Point("p3", List.of("\"star\"", "1"), "0,0,0,4,,", "1,1,50,2,,"),
                new Point("p4", List.of("\"star\"", "2"), "0,0,0,4,,", "1,1,70,4,,")));
    }

    @Test
    void aSweepIsOneLinePerSettingWithTheMeanOverSeedsAndAnSdBand() throws IOException {
        PlotData d = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.ROUND, BandKind.SD);
        assertEquals(2, d.series().size());
        assertEquals(BandKind.SD, d.band());
        PlotSeries ring = d.series().get(0);
        PlotSeries star = d.series().get(1);
        assertEquals("ring", ring.label(), "the varying value; the seed is the repetition axis");
        assertEquals("star", star.label(), "a JSON string cell is unquoted");
        assertArrayEquals(new double[] {0, 1, 2}, ring.xs());
        // round 1: 1, 2, 3 -> mean 2, sd 1; round 2: 0.5, 1.5 (seed 3 stopped) -> mean 1, sd sqrt(0.5)
        assertArrayEquals(new double[] {3, 2, 1}, ring.ys(), 1e-15);
        assertEquals(3, ring.low(0), 0, "equal values: zero width");
        assertEquals(1, ring.low(1), 1e-15);
        assertEquals(3, ring.high(1), 1e-15);
        assertEquals(1 - Math.sqrt(0.5), ring.low(2), 1e-15);
        assertEquals(3, ring.count(1));
        assertEquals(2, ring.count(2));
        // star, round 1: 2, 4 -> mean 3, sd sqrt(2)
        assertEquals(3, star.y(1), 1e-15);
        assertEquals(3 + Math.sqrt(2), star.high(1), 1e-15);
    }

    @Test
    void ci95BandsUseStudentT() throws IOException {
        PlotData d = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.ROUND, BandKind.CI95);
        PlotSeries ring = d.series().get(0);
        assertEquals(2 + 4.30265273 * 1 / Math.sqrt(3), ring.high(1), 1e-7, "t(0.975, 2) s / sqrt(3)");
        assertEquals(1 - 12.7062047 * Math.sqrt(0.5) / Math.sqrt(2), ring.low(2), 1e-6, "two seeds: t(0.975, 1)");
        assertEquals(BandKind.CI95, d.band());
        PlotData none = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.ROUND, BandKind.NONE);
        assertFalse(none.series().get(0).hasBand());
        assertEquals(2, none.series().get(0).y(1), 1e-15, "the mean stays");
    }

    @Test
    void bitsAndTimeAreAveragedPerRoundToo() throws IOException {
        PlotSeries ring = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.BITS, null).series().get(0);
        assertArrayEquals(new double[] {0, 300, 300}, ring.xs(), 1e-12, "(100+200+600)/3 and (200+400)/2");
        PlotSeries time = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.TIME, null).series().get(0);
        assertArrayEquals(new double[] {0, 1.5, 2.5}, time.xs(), 1e-12);
    }

    @Test
    void labelsNameTheVaryingPathsShortly() {
        List<String> paths = List.of("topology.generator.type", "algorithm.type", "algorithm.learningRate", "run.rounds");
        List<String> l = RunFolders.labels(paths, List.of(
                List.of("ring", "dsgd", "0.1", "50"), List.of("star", "dsgd", "0.05", "50"), List.of("ring", "gossip", "0.1", "50")));
        assertEquals(List.of("ring, dsgd, learningRate=0.1", "star, dsgd, learningRate=0.05", "ring, gossip, learningRate=0.1"), l,
                "values that vary; strings bare, numbers with their key; the constant run.rounds left out");
        // two paths whose short forms collide fall back to full paths
        List<String> full = RunFolders.labels(List.of("a.type", "b.type"), List.of(List.of("x", "y"), List.of("y", "x")));
        assertEquals(List.of("x, y", "y, x"), full);
        List<String> clash = RunFolders.labels(List.of("a.n", "b.n"), List.of(List.of("1", "2"), List.of("2", "1")));
        assertEquals(List.of("n=1, n=2", "n=2, n=1"), clash, "short forms are unique here, so they stay");
        List<String> same = RunFolders.labels(List.of("a.t", "b.t"), List.of(List.of("x", "x"), List.of("x", "x ")));
        assertEquals(2, same.size());
        assertNull(RunFolders.labels(paths, List.of(List.of("ring", "dsgd", "0.1", "50"))).get(0), "one line: labelled like a run");
    }

    @Test
    void aSweepOfSeedsOnlyIsOneLineNamedByTheExperiment() throws IOException {
        Path s = sweep(dir.resolve("seeds"), List.of("seed"), List.of(
                new Point("a", List.of("1"), "0,0,0,1,,", "1,1,10,0.5,,"),
                new Point("b", List.of("2"), "0,0,0,1,,", "1,1,10,0.7,,")));
        PlotData d = RunFolders.read(List.of(s), YMetric.LOSS, XAxisKind.ROUND, null);
        assertEquals(1, d.series().size());
        assertEquals("Sweep experiment", d.series().get(0).label());
        assertEquals(0.6, d.series().get(0).y(1), 1e-15);
        assertTrue(d.series().get(0).hasBand());
    }

    @Test
    void labelsReplaceLinesInOrderAndMustMatchTheirNumber() throws IOException {
        PlotData d = RunFolders.read(List.of(twoBySeeds()), YMetric.LOSS, XAxisKind.ROUND, null);
        assertEquals(List.of("Ring", "Star"), d.withLabels(List.of("Ring", "Star")).series().stream().map(PlotSeries::label).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withLabels(List.of("only one")));
        assertEquals("--label: given 1 label(s), but the folders give 2 line(s), one label each in this order: 1: ring; 2: star",
                e.getMessage());
    }

    @Test
    void badInputGetsLocatedErrors() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(empty + ": neither a run folder (no metrics.csv) nor a sweep folder (no index.csv)", empty);
        assertError(dir.resolve("missing") + ": no such folder", dir.resolve("missing"));

        Path badCell = run(dir.resolve("bad-cell"), null, "0,0,0,1,,", "1,1,8,abc,,");
        assertError(badCell.resolve("metrics.csv") + ":3: column loss: expected a number (or an empty cell), got \"abc\"", badCell);

        Path short1 = run(dir.resolve("short"), null, "0,0,0,1,,", "1,1,8,0.5");
        assertError(short1.resolve("metrics.csv") + ":3: expected 6 cells (round,sim_time_s,bits_sent,loss,accuracy,"
                + "consensus_error), got 4", short1);

        Path badHeader = Files.createDirectories(dir.resolve("bad-header"));
        Files.writeString(badHeader.resolve("metrics.csv"), "round,time,loss\n0,0,1\n");
        assertError(badHeader.resolve("metrics.csv") + ":1: the header has no column \"sim_time_s\"", badHeader);

        Path backwards = run(dir.resolve("backwards"), null, "0,0,0,1,,", "2,1,8,0.5,,", "1,2,9,0.4,,");
        assertError(backwards.resolve("metrics.csv") + ":4: round: expected an integer greater than the previous row's 2.0, got 1",
                backwards);

        Path noAcc = run(dir.resolve("no-acc"), null, "0,0,0,1,,0.5", "1,1,8,0.5,,0.25");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunFolders.read(List.of(noAcc), YMetric.ACCURACY, XAxisKind.ROUND, null));
        assertEquals(noAcc.resolve("metrics.csv") + ": no values of accuracy (the column is empty in all 2 rows: this run does "
                + "not report it; try --y loss or --y consensus_error)", e.getMessage());

        Path badJson = run(dir.resolve("bad-json"), null, "0,0,0,1,,");
        Files.writeString(badJson.resolve("summary.json"), "{\n  \"experiment\": {\n    \"name\": }\n}\n");
        assertError(badJson.resolve("summary.json") + ":3:", badJson);

        Path sw = sweep(dir.resolve("sw-missing"), List.of("seed"), List.of(new Point("a", List.of("1"), "0,0,0,1,,")));
        Files.writeString(sw.resolve("index.csv"), Files.readString(sw.resolve("index.csv")) + "ghost,2,completed,1,,,,0,0,x\n");
        assertError(sw.resolve("index.csv") + ":3: point ghost has no " + sw.resolve("runs").resolve("ghost").resolve("metrics.csv"), sw);

        Path badIndex = Files.createDirectories(dir.resolve("bad-index"));
        Files.writeString(badIndex.resolve("index.csv"), "id,seed,state\n");
        assertError(badIndex.resolve("index.csv") + ":1: expected the header point_id,<swept paths...>,status,..., got id,seed,state",
                badIndex);
    }

    private static void assertError(String expectedStart, Path folder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunFolders.read(List.of(folder), YMetric.LOSS, XAxisKind.ROUND, null));
        assertTrue(e.getMessage().startsWith(expectedStart), "expected \"" + expectedStart + "\"\n got \"" + e.getMessage() + "\"");
    }

    @Test
    void csvCellsMayBeQuoted() {
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""), RunFolders.parseCsvLine("a,\"b,c\",\"say \"\"hi\"\"\",", Path.of("f"), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunFolders.parseCsvLine("a,\"b", Path.of("f.csv"), 7));
        assertEquals("f.csv:7: a quoted cell is not closed", e.getMessage());
    }

    @Test
    void sweptSectionsReadAsTheirTypeAndEveryPointGetsAShortLabel(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        String ring = "\"{\"\"type\"\":\"\"ring\"\",\"\"nodes\"\":16}\"";
        String complete = "\"{\"\"type\"\":\"\"complete\"\",\"\"nodes\"\":16}\"";
        String[] rows = {"0,0,0,2.0,0.1,", "1,1,100,1.5,0.5,"};
        Path sw = sweep(tmp.resolve("sw"), List.of("topology.generator", "seed"), List.of(
                new PlotFixtures.Point("p000", List.of(ring, "1"), rows), new PlotFixtures.Point("p001", List.of(ring, "2"), rows),
                new PlotFixtures.Point("p002", List.of(complete, "1"), rows),
                new PlotFixtures.Point("p003", List.of(complete, "2"), rows)));
        assertEquals(List.of("ring, seed=1", "ring, seed=2", "complete, seed=1", "complete, seed=2"), RunFolders.pointLabels(sw));
        assertEquals(List.of("ring", "complete"), RunFolders.lines(sw, YMetric.LOSS, XAxisKind.ROUND, BandKind.SD).stream()
                .map(PlotSeries::label).toList(), "one line per setting, named by the section's type");
    }
}
