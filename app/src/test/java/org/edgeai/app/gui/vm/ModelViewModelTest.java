package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.gui.ExperimentFileStore;
import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.layout.Perspectives;
import org.edgeai.app.gui.layout.StackPosition;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.pipeline.PipelineSpec;
import org.edgeai.model.pipeline.layers.LayerProfile;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.presets.Presets;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.generators.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Model view's view model on the VGG-16 GPipe sample, without a toolkit. */
class ModelViewModelTest {

    private static final Path SAMPLE = Path.of("../sample-topologies/pipeline-vgg16-4dev-gpipe.json");
    /** torchvision's VGG-16 (Presets' Javadoc, an independent published figure). */
    private static final long VGG16_PARAMS = 138_357_544L;

    private final ExperimentFileStore store =
            new ExperimentFileStore(Generators.registry(ModelViewModelTest.class.getClassLoader()));

    private EditorDocument open() throws Exception {
        return new EditorDocument(store.load(SAMPLE), SAMPLE);
    }

    private static long sumParams(List<ModelViewModel.LayerRow> rows) {
        long p = 0;
        for (ModelViewModel.LayerRow r : rows) {
            p += r.params();
        }
        return p;
    }

    private static int indexOf(List<ModelViewModel.LayerRow> rows, String name) {
        for (ModelViewModel.LayerRow r : rows) {
            if (r.name().equals(name)) {
                return r.index();
            }
        }
        throw new AssertionError("no row " + name + " in " + rows);
    }

    @Test
    void presetRowsMatchVgg16AndAreReadOnlyUntilExpanded() throws Exception {
        EditorDocument d = open();
        ModelViewModel vm = new ModelViewModel();
        vm.documentProperty().set(d);

        List<ModelViewModel.LayerRow> rows = vm.rows();
        assertEquals(21, rows.size(), "13 conv + 5 pool + 3 linear");
        assertEquals(VGG16_PARAMS, sumParams(rows));
        assertEquals(VGG16_PARAMS, vm.totalParams());
        assertEquals("vgg16", vm.presetProperty().get());
        assertFalse(vm.isEditable());
        assertTrue(rows.stream().noneMatch(ModelViewModel.LayerRow::editable));
        assertEquals("", vm.emptyMessageProperty().get());
        // per-row values are the shape calculator's, e.g. fc6: 25088*4096 + 4096 params, output 4096
        ModelViewModel.LayerRow fc6 = rows.get(indexOf(rows, "fc6"));
        assertEquals(25088L * 4096 + 4096, fc6.params());
        assertEquals(4096, fc6.outputElements());
        assertEquals(2.0 * 25088 * 4096, fc6.forwardFlops(), 1e-4 * fc6.forwardFlops(), "a multiply-add counts 2 (+bias, relu)");

        // a preset cannot be edited in place: refused, document unchanged
        assertFalse(vm.setField(indexOf(rows, "fc8"), "out", "10"));
        assertTrue(vm.error().contains("expand"), vm.error());
        assertFalse(d.isDirty());
        assertEquals(0, d.undoDepth());

        assertTrue(vm.expandPreset());
        assertTrue(d.isDirty());
        assertEquals("", vm.error());
        assertEquals("", vm.presetProperty().get());
        assertTrue(vm.isEditable());
        List<ModelViewModel.LayerRow> expanded = vm.rows();
        assertEquals(rows.size(), expanded.size());
        assertEquals(VGG16_PARAMS, sumParams(expanded));
        assertEquals(vm.totalForwardFlops(), Presets.profile("vgg16").forwardFlops(), 0.0);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).name(), expanded.get(i).name());
            assertEquals(rows.get(i).params(), expanded.get(i).params());
            assertTrue(expanded.get(i).editable());
        }
        Object layers = ExperimentSettings.get(d.settings().section("pipeline"), "model.layers");
        assertTrue(layers instanceof List<?> l && l.size() == 21, "the section now lists the layers: " + layers);

        d.undo();
        assertEquals("vgg16", vm.presetProperty().get(), "undo brings the preset back and the rows follow");
        assertFalse(vm.isEditable());
    }

    @Test
    void editsChangeTheTotalsExactlyAndBadEditsAreRefusedWithTheirPath(@TempDir Path dir) throws Exception {
        EditorDocument d = open();
        ModelViewModel vm = new ModelViewModel();
        vm.documentProperty().set(d);
        assertTrue(vm.expandPreset());

        int fc8 = indexOf(vm.rows(), "fc8");
        assertEquals(1000, vm.rows().get(fc8).out());
        assertTrue(vm.setField(fc8, "out", "10"), vm.error());
        long afterOut = vm.totalParams();
        assertEquals(VGG16_PARAMS - (4096L * 990 + 990), afterOut);
        assertEquals(afterOut, sumParams(vm.rows()));
        assertEquals(10, vm.rows().get(fc8).outputElements());
        assertEquals(10, vm.rows().get(fc8).out());

        // removing fc6 leaves fc7 (in 4096) on the pool output [512, 7, 7]: refused, naming fc7's path
        int fc6 = indexOf(vm.rows(), "fc6");
        ExperimentSettings before = d.settings();
        int depth = d.undoDepth();
        assertFalse(vm.removeLayer(fc6));
        assertTrue(vm.error().startsWith("pipeline.model.layers[" + fc6 + "].in:"), vm.error());
        assertTrue(vm.error().contains("25088"), "says what was expected: " + vm.error());
        assertEquals(before, d.settings(), "document unchanged");
        assertEquals(depth, d.undoDepth());
        assertEquals(afterOut, vm.totalParams());

        // a bad value is refused with its path too
        assertFalse(vm.setField(fc8, "out", "0"));
        assertTrue(vm.error().startsWith("pipeline.model.layers[" + fc8 + "].out"), vm.error());
        assertEquals(before, d.settings());

        // add a linear layer after fc8: it maps 10 -> 10, so 10*10 + 10 more parameters, shapes still chain
        vm.selectedProperty().set(fc8);
        assertTrue(vm.addLayer("linear"), vm.error());
        assertEquals(22, vm.rows().size());
        assertEquals(fc8 + 1, vm.selectedProperty().get());
        assertEquals("linear", vm.rows().get(fc8 + 1).type());
        assertEquals(afterOut + 110, vm.totalParams());
        // and a custom layer after it, then give it parameters
        assertTrue(vm.addLayer("custom"), vm.error());
        int custom = fc8 + 2;
        assertEquals("custom", vm.rows().get(custom).type());
        assertEquals(10, vm.rows().get(custom).outputElements());
        assertTrue(vm.setField(custom, "params", "1234"), vm.error());
        assertTrue(vm.setField(custom, "forwardFlops", "5e6"), vm.error());
        assertEquals(afterOut + 110 + 1234, vm.totalParams());
        assertEquals(5e6, vm.rows().get(custom).forwardFlops(), 0.0);
        // removing a layer whose removal keeps the chain is accepted
        assertTrue(vm.removeLayer(fc8 + 1), vm.error());
        assertEquals(afterOut + 1234, vm.totalParams());
        long edited = vm.totalParams();

        // saved with the file, and the file's pipeline section is accepted by the pipeline parser
        Path file = dir.resolve("edited.json");
        store.save(d.snapshot(), file);
        d.markSaved(file);
        assertFalse(d.isDirty());
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        JsonNode savedLayers = root.path("pipeline").path("model").path("layers");
        assertEquals(22, savedLayers.size());
        assertEquals(10, savedLayers.get(fc8).get("out").asInt());
        assertEquals("custom", savedLayers.get(fc8 + 1).get("type").asText());
        assertEquals(1234, savedLayers.get(fc8 + 1).get("params").asLong());
        PipelineSpec ps = PipelineSpec.parse(root.get("pipeline"));
        assertNotNull(ps);
        ModelProfile reparsed = org.edgeai.model.pipeline.layers.ModelSpec.parse(
                root.get("pipeline").get("model"), "pipeline.model").build();
        assertEquals(edited, reparsed.params());

        // and it loads back with the same rows
        EditorDocument again = new EditorDocument(store.load(file), file);
        ModelViewModel vm2 = new ModelViewModel();
        vm2.documentProperty().set(again);
        assertEquals(edited, vm2.totalParams());
        assertEquals(vm.rows(), vm2.rows());
        long p = 0;
        for (LayerProfile l : reparsed.layers()) {
            p += l.params();
        }
        assertEquals(p, sumParams(vm2.rows()));
    }

    @Test
    void theWorkbenchShowsTheActiveExperimentsModelInThePipelinePerspective(@TempDir Path dir) {
        assertEquals(java.util.Optional.of(StackPosition.BOTTOM),
                Perspectives.defaultOf(Perspectives.PIPELINE).stackOf(ViewId.MODEL));
        assertEquals(ViewId.MODEL, ViewId.fromId("model"));
        WorkbenchViewModel w = new WorkbenchViewModel(FakeRingGenerator.services(), new WorkbenchHome(dir.resolve("home")),
                UiExecutors.synchronous(), new ScriptedPrompts());
        w.open(SAMPLE);
        assertEquals(SAMPLE.toAbsolutePath().normalize(), w.active().document().path());
        assertEquals(VGG16_PARAMS, w.model().totalParams());
        assertEquals(21, w.model().rows().size());
        w.activeProperty().set(null);
        assertTrue(w.model().rows().isEmpty());
        assertEquals("No experiment open.", w.model().emptyMessageProperty().get());
        w.shutdown();
    }

    @Test
    void withoutPipelineSectionTheViewExplainsItself() {
        EditorDocument d = new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("plain"),
                new Topology()), null);
        ModelViewModel vm = new ModelViewModel();
        assertEquals("No experiment open.", vm.emptyMessageProperty().get());
        vm.documentProperty().set(d);
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.emptyMessageProperty().get().startsWith("This experiment has no pipeline section"));
        assertFalse(vm.addLayer("linear"));
        assertTrue(vm.error().startsWith("This experiment has no pipeline section"), vm.error());
        assertEquals(0, d.undoDepth());
    }
}
