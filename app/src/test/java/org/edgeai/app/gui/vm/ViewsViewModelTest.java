package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.AnalysisSpectrumService;
import org.edgeai.app.gui.SettingsSchema;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.NodeKind;
import org.junit.jupiter.api.Test;

/** Properties, Outline, Spectrum, Settings, Generate and the command list, without a toolkit. */
class ViewsViewModelTest {

    private static TopologyEditorViewModel threeNodes() {
        TopologyEditorViewModel ed = EditorViewModelTest.editor();
        ed.addNode(PaletteItem.DEVICE, 0, 0);
        ed.addNode(PaletteItem.DEVICE, 100, 0);
        ed.addNode(PaletteItem.SERVER, 50, 80);
        ed.connect("n0", "n1");
        ed.connect("n1", "n2");
        ed.clearSelection();
        return ed;
    }

    @Test
    void propertiesMultiEditIsOneUndoableEditAndBadValuesAreRefused() {
        TopologyEditorViewModel ed = threeNodes();
        ConsoleViewModel console = new ConsoleViewModel();
        PropertiesViewModel p = new PropertiesViewModel(console);
        p.editorProperty().set(ed);
        assertEquals("Experiment", p.items().get(0).category());
        assertEquals(3, p.item("Experiment", "Nodes").value());

        ed.selectOnly(Set.of("n0", "n1", "n2"), Set.of());
        assertEquals("3 nodes", p.item("Nodes", "Selected").value());
        PropertyItem compute = p.item("Nodes", "Compute (GFLOP/s)");
        assertNull(compute.value(), "devices and a server differ: mixed");
        int depth = ed.document().undoDepth();
        compute.set(42.0);
        assertEquals(depth + 1, ed.document().undoDepth());
        for (String id : List.of("n0", "n1", "n2")) {
            assertEquals(42.0, ed.topology().node(id).computeGflops());
        }
        assertEquals(42.0, compute.value());
        assertEquals("Set compute of 3 nodes", ed.document().undoNameProperty().get());

        compute.set(-1.0);
        assertTrue(p.errorProperty().get().contains("computeGflops must be a finite number > 0, got -1.0"), p.errorProperty().get());
        assertEquals(42.0, ed.topology().node("n0").computeGflops());
        assertEquals(depth + 1, ed.document().undoDepth());
        assertTrue(console.lines().get(console.lines().size() - 1).text().contains("property not changed"));

        p.item("Nodes", "Kind").set(NodeKind.CLOUD);
        assertEquals(NodeKind.CLOUD, ed.topology().node("n1").kind());

        ed.selectOnly(Set.of(), Set.of(LinkKey.of("n0", "n1")));
        assertEquals("n0 -- n1", p.item("Links", "Selected").value());
        PropertyItem bw = p.item("Links", "Bandwidth (Mbit/s)");
        assertEquals(20.0, bw.value());
        bw.set(250.0);
        assertEquals(250.0, ed.topology().findLink("n0", "n1").orElseThrow().bandwidthMbps());
        p.item("Links", "Weight").set(0.3);
        assertEquals(0.3, ed.topology().findLink("n0", "n1").orElseThrow().weight());
        ed.document().undo();
        ed.document().undo();
        assertEquals(20.0, bw.value(), "rows follow undo");
    }

    @Test
    void outlineFiltersAndDrivesTheSelection() {
        TopologyEditorViewModel ed = threeNodes();
        OutlineViewModel o = new OutlineViewModel();
        o.editorProperty().set(ed);
        assertEquals(5, o.rows().size());
        o.filterProperty().set("server");
        assertEquals(List.of("n2"), o.rows().stream().map(OutlineViewModel.Row::id).toList());
        o.filterProperty().set("link");
        assertEquals(2, o.rows().size());
        o.select(List.copyOf(o.rows()));
        assertEquals(Set.of(LinkKey.of("n0", "n1"), LinkKey.of("n1", "n2")), ed.selectedLinks());
        ed.addNode(PaletteItem.DRONE, 0, 0);
        o.filterProperty().set("drone");
        assertEquals(1, o.rows().size(), "rebuilt after the edit, filter kept");
    }

    @Test
    void spectrumFollowsEditsAndTheRuleAndCoalescesBursts() {
        TopologyEditorViewModel ed = threeNodes(); // path n0 - n1 - n2
        QueueExecutor bg = new QueueExecutor();
        SpectrumViewModel s = new SpectrumViewModel(new AnalysisSpectrumService(), new UiExecutors(bg, Runnable::run));
        s.editorProperty().set(ed);
        bg.runAll();
        // Path of 3 with metropolis: W = [[2/3,1/3,0],[1/3,1/3,1/3],[0,1/3,2/3]], eigenvalues 1, 2/3, 0.
        assertEquals(2.0 / 3, s.summary().rho(), 1e-12);
        long before = s.computations();
        ed.connect("n0", "n2"); // triangle: W = J/3, rho 0
        ed.addNode(PaletteItem.DEVICE, 0, 0);
        ed.document().undo();
        assertEquals(before + 1, s.computations(), "one computation running, the rest coalesced");
        bg.runAll();
        assertEquals(before + 2, s.computations(), "one follow-up for the latest state");
        assertEquals(0.0, s.summary().rho(), 1e-12);
        s.mixingRuleProperty().set("custom");
        bg.runAll();
        assertFalse(s.summary().ok());
        // The rule follows the experiment's algorithm.mixing.
        var settings = ed.document().settings();
        ed.document().editSettings("mixing", settings.withSection("algorithm",
                ExperimentSettings.with(settings.section("algorithm"), "mixing", "max-degree")));
        bg.runAll();
        assertEquals("max-degree", s.mixingRuleProperty().get());
    }

    /** A hand-made schema: the form is generic, so it must work for any descriptors. */
    static final class TinySchema implements SettingsSchema {
        @Override
        public List<String> sections() {
            return List.of("algorithm", "run");
        }

        @Override
        public String typeKey(String section) {
            return section.equals("algorithm") ? "type" : "";
        }

        @Override
        public List<String> types(String section) {
            return section.equals("algorithm") ? List.of("sgd", "adam") : List.of();
        }

        @Override
        public List<ParameterDescriptor> parameters(String section, String type) {
            if (section.equals("run")) {
                return List.of(ParameterDescriptor.integer("rounds", 10L, 1L, 1000L, "Rounds."));
            }
            if (type.equals("adam")) {
                return List.of(ParameterDescriptor.real("beta.one", 0.9, 0.0, 1.0, "β1."),
                        ParameterDescriptor.bool("amsgrad", false, "Variant."));
            }
            return List.of(ParameterDescriptor.real("learningRate", 0.1, 0.0, null, "η."),
                    ParameterDescriptor.choice("mixing", "metropolis", List.of("metropolis", "max-degree"), "W."));
        }
    }

    @Test
    void settingsFormValidatesBesideTheFieldCommitsAsOneEditAndFollowsUndo() {
        TopologyEditorViewModel ed = threeNodes();
        SettingsViewModel s = new SettingsViewModel(new TinySchema());
        s.documentProperty().set(ed.document());
        SettingsViewModel.Section run = s.section("run");
        ParameterField rounds = run.form().field("rounds");
        assertEquals("100", rounds.textProperty().get(), "the experiment's value, not the default");
        rounds.textProperty().set("abc");
        assertEquals("expected an integer, got \"abc\"", rounds.errorProperty().get());
        assertFalse(run.commit());
        rounds.textProperty().set("5000");
        assertEquals("expected a value in [1, 1000], got 5000", rounds.errorProperty().get());
        rounds.textProperty().set("250");
        assertEquals("", rounds.errorProperty().get());
        assertTrue(run.commit());
        assertEquals(250L, ed.document().settings().section("run").get("rounds"));

        SettingsViewModel.Section alg = s.section("algorithm");
        assertEquals("sgd", alg.typeProperty().get(), "dsgd is not in this schema: first type");
        alg.typeProperty().set("adam");
        assertEquals("adam", ed.document().settings().section("algorithm").get("type"));
        alg.form().field("beta.one").textProperty().set("0.8");
        assertTrue(alg.commit());
        assertEquals(0.8, ExperimentSettings.get(ed.document().settings().section("algorithm"), "beta.one"));
        assertEquals(0.1, ed.document().settings().section("algorithm").get("learningRate"), "unknown keys are kept");

        ed.document().undo(); // beta.one
        assertEquals("0.9", s.section("algorithm").form().field("beta.one").textProperty().get());
        ed.document().undo(); // type
        ed.document().undo(); // rounds
        assertEquals("100", s.section("run").form().field("rounds").textProperty().get());
        s.seedProperty().set("x1");
        assertFalse(s.commitSeed());
        s.seedProperty().set("11");
        assertTrue(s.commitSeed());
        assertEquals(11, ed.document().settings().seed());

        // A pipeline experiment: the learning-run sections do not apply, a note says where its settings are.
        assertEquals("", s.noteProperty().get());
        ed.document().editSettings("Make it a pipeline", ed.document().settings().withSection("pipeline",
                java.util.Map.of("schedule", "gpipe")));
        assertEquals(List.of(), s.sectionsProperty().get());
        assertTrue(s.noteProperty().get().startsWith("A pipeline experiment"), s.noteProperty().get());
        assertTrue(s.hasExperiment());
        ed.document().undo();
        assertEquals("", s.noteProperty().get());
        assertFalse(s.sectionsProperty().get().isEmpty());
    }

    @Test
    void generateDialogRunsTheGeneratorAndReportsBadParameters() {
        TopologyEditorViewModel ed = threeNodes();
        GenerateViewModel g = new GenerateViewModel(FakeRingGenerator.catalog(), "ring", ed, UiExecutors.synchronous());
        g.form().field("nodes").textProperty().set("2");
        assertFalse(g.canGenerateProperty().get());
        assertEquals("expected a value in [3, 1000000], got 2", g.form().field("nodes").errorProperty().get());
        g.form().field("nodes").textProperty().set("10");
        g.common().field("bandwidthMbps").textProperty().set("55");
        boolean[] done = {false};
        g.generate(ok -> done[0] = ok);
        assertTrue(done[0]);
        assertEquals(10, ed.topology().nodeCount());
        assertEquals(55.0, ed.topology().links().iterator().next().bandwidthMbps());
        assertTrue(ed.document().undoNameProperty().get().startsWith("Generate ring"));
    }

    @Test
    void everyCommandHasItsOwnShortcutAndAKnownMenu() {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (CommandCatalog.Command c : CommandCatalog.all()) {
            assertTrue(ids.add(c.id()), c.id());
            assertFalse(c.accelerator().isBlank(), c.id());
            assertTrue(keys.add(c.accelerator()), "shortcut used twice: " + c.accelerator());
            assertTrue(CommandCatalog.MENUS.contains(c.menu()), c.menu());
        }
        String help = CommandCatalog.shortcutsText();
        for (CommandCatalog.Command c : CommandCatalog.all()) {
            assertTrue(help.contains(c.label()), c.label());
        }
        assertTrue(help.contains("Ctrl+Z"));
    }
}
