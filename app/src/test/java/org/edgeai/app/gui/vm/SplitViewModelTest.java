package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.gui.ExperimentFileStore;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.model.pipeline.split.SplitInference;
import org.edgeai.model.pipeline.split.SplitResult;
import org.edgeai.model.pipeline.split.SplitRow;
import org.edgeai.model.pipeline.split.SplitSpec;
import org.edgeai.model.pipeline.split.SweepPoint;
import org.edgeai.plugins.generators.Generators;
import org.junit.jupiter.api.Test;

/** The split chart's view model on the AlexNet phone/edge sample, against SplitInference directly. */
class SplitViewModelTest {

    private static final Path SAMPLE = Path.of("../sample-topologies/split-phone-edge-alexnet.json");

    @Test
    void runningASplitExperimentShowsEveryCutAndTheSliderMovesTheBestCutAsTheModelSays() throws Exception {
        ExperimentFileStore store = new ExperimentFileStore(Generators.registry(SplitViewModelTest.class.getClassLoader()));
        EditorDocumentData data = store.load(SAMPLE);
        TopologyEditorViewModel ed = new TopologyEditorViewModel(new EditorDocument(data, SAMPLE), UiExecutors.synchronous(),
                new ConsoleViewModel(), new TopologyClipboard());
        SplitViewModel split = new SplitViewModel();
        PipelineRunViewModel run = new PipelineRunViewModel(new RunSession(), UiExecutors.synchronous(), new ConsoleViewModel(),
                split);
        int[] shown = new int[1];
        run.setOnShowSplit(() -> shown[0]++);
        run.run(ed);
        assertEquals(1, shown[0]);

        SplitSpec spec = SplitSpec.parse(new ObjectMapper().valueToTree(data.settings().section("split")), "split");
        SplitResult direct = SplitInference.run(spec, data.topology());
        // at the file's bandwidth (10 Mbit/s) the chart is the command line's split.csv
        assertEquals(10, split.bandwidthMbps(), 1e-9);
        assertEquals(direct.rows().size(), split.rows().size());
        for (int i = 0; i < direct.rows().size(); i++) {
            SplitRow a = direct.rows().get(i);
            SplitRow b = split.rows().get(i);
            assertEquals(a.totalSeconds(), b.totalSeconds(), 1e-12 * a.totalSeconds());
            assertEquals(a.deviceSeconds() + a.transferSeconds() + a.serverSeconds(), b.totalSeconds(), 1e-12);
        }
        assertEquals(direct.best().cutAfterLayer(), split.bestCut());
        assertEquals("0 input", split.cutLabels().get(0));

        // every bandwidth of the file's sweep: the slider gives the sweep's best cut
        Set<Integer> bests = new HashSet<>();
        for (SweepPoint p : direct.sweep()) {
            split.setBandwidthMbps(p.bandwidthMbps());
            assertEquals(p.bandwidthMbps(), split.bandwidthMbps(), 1e-9 * p.bandwidthMbps());
            assertEquals(p.best().cutAfterLayer(), split.bestCut(), "best cut at " + p.bandwidthMbps() + " Mbit/s");
            assertEquals(p.best().totalSeconds(), split.rows().get(split.bestCut()).totalSeconds(), 1e-12);
            bests.add(split.bestCut());
        }
        assertTrue(bests.size() >= 3, "the best cut moves across the sweep: " + bests);
        // slow link: compute on the phone; fast link: send the raw input (DESIGN: the sample's story)
        split.sliderProperty().set(0);
        int slow = split.bestCut();
        split.sliderProperty().set(1);
        assertEquals(0, split.bestCut());
        assertNotEquals(0, slow);
        assertTrue(split.bestTextProperty().get().startsWith("best: cut after layer 0 (input), total "),
                split.bestTextProperty().get());
        assertEquals("10 Gbit/s", split.bandwidthText());
        assertEquals(List.of(0.1, 10_000.0), List.of(SplitViewModel.mbpsAt(0), SplitViewModel.mbpsAt(1)));
    }
}
