package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.cli.Workspace;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.plot.BandKind;
import org.edgeai.app.plot.PlotData;
import org.edgeai.app.plot.RunFolders;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts' view model without a toolkit: its lines are the numbers of each run's metrics.csv (as {@code plot}
 * reads them) on every x axis, grown incrementally while the run goes; runs without a metric have no line of it;
 * the table rows carry the run's summary; removal, visibility and folder runs.
 */
class ChartsViewModelTest {

    @TempDir
    Path dir;

    static RunPlan plan(String sample, int rounds) {
        Workspace ws = Workspace.standard();
        Path file = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").resolve(sample).normalize();
        return RunPlan.of(ExperimentFile.load(file, ws.generators(), List.of("run.rounds=" + rounds)), ws.registries());
    }

    /**
     * Plays the frame pulse until the run has ended and everything is recorded, refreshing the charts each time;
     * returns the sizes the run's line had after each refresh.
     */
    static List<Integer> playToEnd(LiveRun run, ChartsViewModel vm, ChartsViewModel.ChartRun line) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 1_000_000 && run.state() == LiveRun.State.RUNNING; i++) {
            run.drain(10_000);
            vm.refresh();
            sizes.add(line.size());
            run.join(1); // let the engine go on; the loop stands in for the frame timer
        }
        run.drain(10_000);
        vm.refresh();
        sizes.add(line.size());
        return sizes;
    }

    LiveRun start(RunSession session, String sample, int rounds, String label) {
        LiveRun run = new LiveRun(plan(sample, rounds), dir.resolve(label), label);
        run.setAllowedRounds(Integer.MAX_VALUE);
        session.runs().add(run);
        run.start();
        return run;
    }

    @Test
    void linesAreTheRunsMetricsCsvOnEveryAxisAndGrowIncrementally() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel vm = new ChartsViewModel(session, UiExecutors.synchronous());
        LiveRun run = start(session, "dsgd-topk-ring.json", 5, "ring");
        assertEquals(1, vm.runs().size());
        ChartsViewModel.ChartRun line = vm.runs().get(0);
        long rev0 = vm.revisionProperty().get();
        List<Integer> sizes = playToEnd(run, vm, line);
        assertEquals(LiveRun.State.COMPLETED, run.state());
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) >= sizes.get(i - 1), "a line only grows: " + sizes);
        }
        assertEquals(6, line.size(), "round 0 and 5 rounds");
        assertTrue(vm.revisionProperty().get() > rev0);
        assertFalse(vm.refresh(), "nothing new after the end");

        for (XAxisKind x : XAxisKind.values()) {
            for (YMetric y : ChartsViewModel.METRICS) {
                PlotData file = RunFolders.read(List.of(dir.resolve("ring")), y, x, BandKind.NONE)
                        .withLabels(List.of("ring"));
                PlotData shown = vm.plotData(y, x);
                assertEquals(file, shown, "the line of " + y + " against " + x + " is metrics.csv's");
                assertEquals(6, shown.series().get(0).size());
            }
        }
        // a spot check against the file's text, independently of the plot layer's reader
        List<String> csv = Files.readAllLines(dir.resolve("ring").resolve("metrics.csv"));
        String[] row3 = csv.get(4).split(",", -1);
        assertEquals(Double.parseDouble(row3[2]), line.x(XAxisKind.BITS, 3));
        assertEquals(Double.parseDouble(row3[1]), line.x(XAxisKind.TIME, 3));
        assertEquals(Double.parseDouble(row3[3]), line.y(YMetric.LOSS, 3));
        assertEquals(3.0, line.x(XAxisKind.ROUND, 3));
    }

    @Test
    void theTableRowCarriesTheRunsSettingsAndFinalFigures() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel vm = new ChartsViewModel(session, UiExecutors.synchronous());
        LiveRun run = start(session, "complete-8.json", 4, "complete");
        playToEnd(run, vm, vm.runs().get(0));
        JsonNode s = new ObjectMapper().readTree(dir.resolve("complete").resolve("summary.json").toFile());
        ChartsViewModel.RunRow row = vm.rows().get(0);
        assertEquals("complete", row.label());
        assertEquals("dsgd", row.algorithm());
        assertEquals("complete", row.topology());
        assertEquals("8", row.nodes());
        assertEquals(4, row.roundsDone());
        assertEquals(4, row.roundsPlanned());
        assertEquals(s.get("final_loss").asDouble(), row.finalLoss());
        assertEquals(s.get("final_accuracy").asDouble(), row.finalAccuracy());
        assertEquals(s.get("final_consensus_error").asDouble(), row.finalConsensusError());
        assertEquals(s.get("bits_sent").asLong(), row.bits());
        assertEquals(s.get("sim_time_s").asDouble(), row.simTimeS(), 1e-9);
        assertEquals(s.get("fingerprint").asText(), row.fingerprint());
        assertEquals("completed", row.status());
        assertEquals(dir.resolve("complete").toString(), row.folder());

        // the same folder read back: the same row figures and the same lines
        ChartsViewModel.ChartRun back = ChartsViewModel.readRun(dir.resolve("complete"), "again");
        ChartsViewModel.RunRow r2 = back.row();
        assertEquals(row.finalLoss(), r2.finalLoss());
        assertEquals(row.bits(), r2.bits());
        assertEquals(row.fingerprint(), r2.fingerprint());
        assertEquals("dsgd", r2.algorithm());
        assertEquals("8", r2.nodes());
        vm.addAll(List.of(back));
        assertEquals(2, vm.rows().size());
        PlotData both = vm.plotData(YMetric.ACCURACY, XAxisKind.BITS);
        assertEquals(both.series().get(0).withLabel("again"), both.series().get(1));
    }

    @Test
    void aMetricTheRunDoesNotReportHasNoLine() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel vm = new ChartsViewModel(session, UiExecutors.synchronous());
        LiveRun run = start(session, "grid-4x5.json", 3, "gossip");
        playToEnd(run, vm, vm.runs().get(0));
        ChartsViewModel.ChartRun line = vm.runs().get(0);
        assertEquals(4, line.size());
        assertFalse(line.hasMetric(YMetric.ACCURACY), "a consensus task reports no accuracy");
        assertTrue(vm.plotData(YMetric.ACCURACY).series().isEmpty());
        assertEquals(1, vm.plotData(YMetric.CONSENSUS_ERROR).series().size());
        assertTrue(Double.isNaN(vm.rows().get(0).finalAccuracy()));
    }

    @Test
    void axisLogScaleVisibilityAndRemoval() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel vm = new ChartsViewModel(session, UiExecutors.synchronous());
        LiveRun a = start(session, "ring-16.json", 2, "ring");
        playToEnd(a, vm, vm.runs().get(0));
        LiveRun b = start(session, "complete-8.json", 2, "complete");
        playToEnd(b, vm, vm.runs().get(1));
        assertEquals(List.of("ring", "complete"), vm.rows().stream().map(ChartsViewModel.RunRow::label).toList());
        assertEquals(vm.runs().get(1), vm.selectedProperty().get(), "the newest run is selected");

        long s0 = vm.structureProperty().get();
        vm.xAxisProperty().set(XAxisKind.TIME);
        assertTrue(vm.structureProperty().get() > s0);
        assertEquals(XAxisKind.TIME, vm.plotData(YMetric.LOSS).x());
        assertEquals(vm.runs().get(0).x(XAxisKind.TIME, 2), vm.plotData(YMetric.LOSS).series().get(0).x(2));
        long s1 = vm.structureProperty().get();
        vm.logYProperty(YMetric.LOSS).set(true);
        assertTrue(vm.structureProperty().get() > s1);

        vm.runs().get(0).visibleProperty().set(false);
        assertEquals(List.of("complete"), vm.plotData(YMetric.LOSS).series().stream().map(p -> p.label()).toList());
        vm.runs().get(0).visibleProperty().set(true);

        vm.remove(vm.runs().get(0));
        assertEquals(List.of(b), session.runs(), "a removed live run leaves the session");
        assertEquals(1, vm.runs().size());
        assertEquals(List.of("complete"), vm.rows().stream().map(ChartsViewModel.RunRow::label).toList());
        assertEquals(List.of("complete"), vm.plotData(YMetric.ACCURACY).series().stream().map(p -> p.label()).toList());
        session.remove(b); // removal from the session side reaches the charts too
        assertTrue(vm.runs().isEmpty());
        assertTrue(vm.rows().isEmpty());
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void perNodeBitsAndPerLinkUtilisationComeFromTheHops() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel vm = new ChartsViewModel(session, UiExecutors.synchronous());
        LiveRun run = start(session, "allreduce-ring-8.json", 3, "ar");
        playToEnd(run, vm, vm.runs().get(0));
        ChartsViewModel.NodeBits nb = vm.nodeBits();
        assertNotNull(nb);
        assertEquals(8, nb.bits().length);
        // independent count from messages.csv: src column, bits column
        List<String> rows = Files.readAllLines(dir.resolve("ar").resolve("messages.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int src = header.indexOf("src");
        int dst = header.indexOf("dst");
        int bitsCol = header.indexOf("bits");
        long[] expected = new long[8];
        java.util.Map<String, Long> perDirection = new java.util.TreeMap<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            expected[nb.ids().indexOf(f[src])] += Long.parseLong(f[bitsCol]);
            perDirection.merge(f[src] + ">" + f[dst], Long.parseLong(f[bitsCol]), Long::sum);
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(nb.bits()));

        List<ChartsViewModel.LinkUse> use = vm.linkUse();
        assertEquals(8, use.size(), "a ring of 8 has 8 links");
        double t = vm.runs().get(0).x(XAxisKind.TIME, 3);
        double bw = run.plan().topology().links().iterator().next().bandwidthMbps() * 1e6;
        for (int i = 0; i < use.size(); i++) {
            ChartsViewModel.LinkUse u = use.get(i);
            String[] ends = u.link().split("\u2013");
            assertEquals(perDirection.getOrDefault(ends[0] + ">" + ends[1], 0L), u.bitsForward(), u.link());
            assertEquals(perDirection.getOrDefault(ends[1] + ">" + ends[0], 0L), u.bitsBack(), u.link());
            assertEquals(Math.max(u.bitsForward(), u.bitsBack()) / (bw * t), u.utilisation(), 1e-12);
            assertTrue(u.utilisation() > 0 && u.utilisation() <= 1, u.toString());
            if (i > 0) {
                assertTrue(use.get(i - 1).utilisation() >= u.utilisation(), "sorted from the busiest");
            }
        }
        assertEquals(use, vm.linkUse(), "counting again adds nothing");

        // the same run read back from its folder: the bits per node come from its messages.csv
        ChartsViewModel.ChartRun folder = ChartsViewModel.readRun(dir.resolve("ar"), "from the folder");
        vm.addAll(List.of(folder));
        vm.selectedProperty().set(folder);
        ChartsViewModel.NodeBits fromFile = vm.nodeBits();
        assertEquals(nb.ids(), fromFile.ids(), "nodes in natural order of their ids: the ring's order here");
        assertTrue(ChartsViewModel.naturalOrder("n2", "n10") < 0 && ChartsViewModel.naturalOrder("n10", "n9") > 0
                && ChartsViewModel.naturalOrder("a", "b") < 0 && ChartsViewModel.naturalOrder("n01", "n1") == 0);
        assertEquals(java.util.Arrays.toString(nb.bits()), java.util.Arrays.toString(fromFile.bits()));
        assertEquals(null, vm.linkUse(), "link utilisation needs the topology: live runs only");
    }
}
