package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import org.edgeai.app.cli.Workspace;
import org.edgeai.app.plot.BandKind;
import org.edgeai.app.plot.PlotData;
import org.edgeai.app.plot.RunFolders;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare dialog's view model: the grid from its rows, a 2-point sweep run to the end, its runs on the charts. */
class CompareViewModelTest {

    @TempDir
    Path dir;

    static Path sample(String name) {
        return Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").resolve(name).normalize();
    }

    @Test
    void valuesParseAsJsonOrBareWords() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals(List.of(TextNode.valueOf("ring"), TextNode.valueOf("complete")),
                CompareViewModel.parseValues(" ring, complete "));
        assertEquals(List.of(f.numberNode(0.1), f.numberNode(5), f.booleanNode(true), f.nullNode(), TextNode.valueOf("a,b")),
                CompareViewModel.parseValues("0.1, 5, true, null, \"a,b\""));
        var objects = CompareViewModel.parseValues("{\"type\": \"qsgd\", \"levels\": 4}, {\"type\": \"topk\"}");
        assertEquals(2, objects.size());
        assertEquals("qsgd", objects.get(0).get("type").asText());
        assertEquals(4, objects.get(0).get("levels").asInt());
        assertTrue(CompareViewModel.parseValues("  ").isEmpty());
    }

    @Test
    void aTwoPointSweepFinishesAndItsRunsJoinTheCharts() throws Exception {
        RunSession session = new RunSession();
        ChartsViewModel charts = new ChartsViewModel(session, UiExecutors.synchronous());
        CompareViewModel vm = new CompareViewModel(sample("complete-8.json"), Workspace.standard().registries(),
                UiExecutors.synchronous(), charts, dir.resolve("sweep"));
        assertEquals("complete", vm.currentValue("topology.generator.type"));
        assertEquals("dsgd", vm.currentValue("algorithm.type"));
        assertTrue(vm.parameters().contains("algorithm.learningRate"));
        vm.axes().get(0).pathProperty().set("topology.generator.type");
        vm.axes().get(0).valuesProperty().set("ring, complete");
        assertTrue(vm.addAxis());
        vm.axes().get(1).pathProperty().set("run.rounds");
        vm.axes().get(1).valuesProperty().set("3");
        assertTrue(vm.summaryProperty().get().startsWith("2 runs"), vm.summaryProperty().get());

        CompareViewModel.Outcome o = vm.runSweep(null);
        assertEquals(2, o.result().finished());
        assertTrue(o.result().failures().isEmpty());
        int[] shownCharts = {0};
        vm.setOnFinished(() -> shownCharts[0]++);
        vm.finish(o);
        assertEquals(1, shownCharts[0], "the charts are brought forward once the runs are on them");
        assertEquals(List.of("ring", "complete"), charts.runs().stream().map(ChartsViewModel.ChartRun::label).toList());
        assertEquals(List.of("dsgd", "dsgd"), charts.rows().stream().map(ChartsViewModel.RunRow::algorithm).toList());
        assertEquals(List.of("ring", "complete"), charts.rows().stream().map(ChartsViewModel.RunRow::topology).toList());
        assertEquals(List.of(3, 3), charts.rows().stream().map(ChartsViewModel.RunRow::roundsDone).toList());
        assertTrue(Files.isRegularFile(dir.resolve("sweep").resolve("index.csv")), "a sweep folder, as `sweep` writes it");

        // the overlaid lines are the sweep folder's, as `plot` reads it
        PlotData shown = charts.plotData(YMetric.LOSS, XAxisKind.BITS);
        PlotData file = RunFolders.read(List.of(dir.resolve("sweep")), YMetric.LOSS, XAxisKind.BITS, BandKind.NONE);
        assertEquals(2, shown.series().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(file.series().get(i).label(), shown.series().get(i).label());
            assertArrayEquals(file.series().get(i).xs(), shown.series().get(i).xs());
            assertArrayEquals(file.series().get(i).ys(), shown.series().get(i).ys());
            assertEquals(4, shown.series().get(i).size());
        }
        // a ring of 8 sends fewer bits per round than the complete graph
        assertTrue(shown.series().get(0).x(3) < shown.series().get(1).x(3));
    }

    @Test
    void aBadGridIsRefusedWithTheRowNamed() {
        CompareViewModel vm = new CompareViewModel(sample("complete-8.json"), Workspace.standard().registries(),
                UiExecutors.synchronous(), new ChartsViewModel(new RunSession(), UiExecutors.synchronous()), dir.resolve("s"));
        vm.axes().get(0).valuesProperty().set("");
        var e = assertThrows(IllegalArgumentException.class, vm::grid);
        assertTrue(e.getMessage().startsWith("parameter 1 (topology.generator.type)"), e.getMessage());
        vm.axes().get(0).valuesProperty().set("ring");
        vm.addAxis();
        vm.axes().get(1).pathProperty().set("topology.generator.type");
        vm.axes().get(1).valuesProperty().set("ring");
        e = assertThrows(IllegalArgumentException.class, vm::grid);
        assertTrue(e.getMessage().contains("parameter 2: topology.generator.type is already compared"), e.getMessage());
        assertTrue(vm.summaryProperty().get().contains("already compared"));
    }

    @Test
    void aSweepFilesOwnGridStartsTheDialog() {
        CompareViewModel vm = new CompareViewModel(sample("sweep-topologies.json"), Workspace.standard().registries(),
                UiExecutors.synchronous(), new ChartsViewModel(new RunSession(), UiExecutors.synchronous()), dir.resolve("s"));
        assertEquals(List.of("topology.generator", "seed"), vm.axes().stream().map(a -> a.pathProperty().get()).toList());
        assertEquals("1, 2, 3", vm.axes().get(1).valuesProperty().get());
        var generators = vm.grid().get("topology.generator");
        assertEquals(List.of("complete", "ring", "erdos-renyi"), generators.stream().map(g -> g.get("type").asText()).toList());
        assertEquals(0.27, generators.get(2).get("p").asDouble());
        assertTrue(vm.summaryProperty().get().startsWith("9 runs"), vm.summaryProperty().get());
        assertEquals("", vm.currentValue("sweep.grid"), "the sweep section is not a setting to compare");
    }
}
