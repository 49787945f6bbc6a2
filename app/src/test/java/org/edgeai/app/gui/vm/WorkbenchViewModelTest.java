package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.UserPrompts.SaveChoice;
import org.edgeai.app.gui.layout.StackPosition;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.layout.WindowBounds;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, dirty prompts, autosave and recovery, layout persistence: the workbench without a toolkit. */
class WorkbenchViewModelTest {

    @TempDir
    Path dir;
    final ScriptedPrompts prompts = new ScriptedPrompts();

    WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(FakeRingGenerator.services(), new WorkbenchHome(dir.resolve("home")),
                UiExecutors.synchronous(), prompts);
    }

    @Test
    void aFileGivenAtStartOpensAloneWithoutTheDefaultSample() throws Exception {
        Path file = dir.resolve("given.json");
        new org.edgeai.app.gui.ExperimentFileStore(FakeRingGenerator.catalog().registry())
                .save(new org.edgeai.app.gui.BuiltInSamples().open("ring-16"), file);
        // opening runs in the background in the application: the decision must not depend on timing,
        // so hold the background task until start() has returned
        List<Runnable> held = new java.util.ArrayList<>();
        WorkbenchViewModel w = new WorkbenchViewModel(FakeRingGenerator.services(), new WorkbenchHome(dir.resolve("home")),
                new UiExecutors(held::add, Runnable::run), prompts);
        w.start(List.of(file));
        assertEquals(0, w.editors().size(), "nothing opened before the file has been read");
        while (!held.isEmpty()) {
            held.remove(0).run(); // tasks may queue more (e.g. the spectrum of the opened topology)
        }
        assertEquals(1, w.editors().size());
        assertEquals(file, w.active().document().path());
        w.shutdown();
    }

    @Test
    void aFirstStartOpensTheDefaultSampleAndTheLayoutPersists() {
        WorkbenchViewModel w = workbench();
        assertTrue(w.isFirstStart());
        w.start();
        assertEquals(1, w.editors().size());
        assertEquals("edge-campus", w.active().document().settings().name());
        assertTrue(w.active().topology().nodeCount() > 10);
        assertFalse(w.active().document().isDirty());
        w.layout().switchTo("analyze");
        w.layout().move(ViewId.CONSOLE, StackPosition.LEFT);
        w.layout().setWindow(new WindowBounds(1, 2, 1000, 700, false));
        boolean[] quit = {false};
        w.requestQuit(() -> quit[0] = true);
        assertTrue(quit[0], "nothing unsaved: no question");
        assertEquals(List.of(), prompts.asked);

        WorkbenchViewModel again = workbench();
        assertFalse(again.isFirstStart());
        assertEquals("analyze", again.layout().activeId());
        assertEquals(java.util.Optional.of(StackPosition.LEFT), again.layout().active().stackOf(ViewId.CONSOLE));
        assertEquals(1000, again.layout().window().width());
    }

    @Test
    void saveReopenAndFindTheSameExperiment() throws Exception {
        WorkbenchViewModel w = workbench();
        w.start();
        TopologyEditorViewModel ed = w.newExperiment();
        ed.addNode(PaletteItem.PHONE, 0, 0);
        ed.addNode(PaletteItem.SERVER, 100, 0);
        ed.connect("n0", "n1");
        assertTrue(ed.document().isDirty());
        Path f = dir.resolve("exp/mine.json");
        prompts.files.add(f);
        w.save();
        assertFalse(ed.document().isDirty());
        assertEquals(f, ed.document().path());
        assertEquals("mine.json", ed.document().title());
        assertEquals(List.of(f), w.recentFiles());
        Topology saved = ed.topology().copy();

        w.close(ed, () -> { });
        assertEquals(1, w.editors().size());
        w.open(f);
        assertEquals(2, w.editors().size());
        assertEquals(saved, w.active().topology());
        assertEquals(ed.document().settings(), w.active().document().settings());
        w.open(f); // already open: shows it
        assertEquals(2, w.editors().size());
    }

    @Test
    void closingWithUnsavedChangesAsksAndHonoursTheAnswer() {
        WorkbenchViewModel w = workbench();
        w.start();
        TopologyEditorViewModel ed = w.active();
        ed.addNode(PaletteItem.DRONE, 0, 0);
        boolean[] closed = {false};

        prompts.saveAnswers.add(SaveChoice.CANCEL);
        w.close(ed, () -> closed[0] = true);
        assertFalse(closed[0]);
        assertEquals(List.of("save? edge-campus"), prompts.asked);

        prompts.saveAnswers.add(SaveChoice.SAVE); // then the file chooser is cancelled
        w.close(ed, () -> closed[0] = true);
        assertFalse(closed[0], "saving was cancelled: the editor stays");

        Path f = dir.resolve("campus.json");
        prompts.saveAnswers.add(SaveChoice.SAVE);
        prompts.files.add(f);
        w.close(ed, () -> closed[0] = true);
        assertTrue(closed[0]);
        assertTrue(Files.isRegularFile(f));
        assertTrue(w.editors().isEmpty());
        assertNull(w.active());
    }

    @Test
    void quittingAsksAboutEachUnsavedExperimentAndCancelStopsIt() {
        WorkbenchViewModel w = workbench();
        w.start();
        w.active().addNode(PaletteItem.DEVICE, 0, 0);
        w.newExperiment().addNode(PaletteItem.DEVICE, 0, 0);
        w.newExperiment(); // clean
        boolean[] quit = {false};
        prompts.saveAnswers.add(SaveChoice.DISCARD);
        prompts.saveAnswers.add(SaveChoice.CANCEL);
        w.requestQuit(() -> quit[0] = true);
        assertFalse(quit[0]);
        assertEquals(List.of("save? edge-campus", "save? untitled-1"), prompts.asked);
        prompts.saveAnswers.add(SaveChoice.DISCARD);
        prompts.saveAnswers.add(SaveChoice.DISCARD);
        w.requestQuit(() -> quit[0] = true);
        assertTrue(quit[0]);
    }

    @Test
    void afterACrashTheNextStartOffersTheAutosavedExperiments() {
        WorkbenchViewModel w = workbench();
        w.start();
        TopologyEditorViewModel campus = w.active();
        campus.selectAll();
        campus.deleteSelection();
        campus.addNode(PaletteItem.VEHICLE, 5, 5);
        TopologyEditorViewModel clean = w.newExperiment();
        w.autosave();
        Topology expected = campus.topology().copy();
        // Crash: no shutdown. The next start finds the session marker and the recovery file.
        WorkbenchViewModel next = workbench();
        next.start();
        assertEquals(List.of("restore? [edge-campus]"), prompts.asked);
        assertEquals(1, next.editors().size(), "only the unsaved experiment was written; " + clean.document().title() + " was clean");
        assertEquals(expected, next.active().topology());
        assertTrue(next.active().document().isDirty(), "restored work is not saved anywhere yet");

        // Declining clears the recovery files; a clean exit leaves nothing to restore.
        next.shutdown();
        prompts.asked.clear();
        WorkbenchViewModel third = workbench();
        third.start();
        assertEquals(List.of(), prompts.asked);
        assertEquals("edge-campus", third.active().document().settings().name());
        assertEquals(1, third.editors().size());
    }

    @Test
    void declinedRecoveryIsDiscarded() {
        WorkbenchViewModel w = workbench();
        w.start();
        w.active().addNode(PaletteItem.DEVICE, 0, 0);
        w.autosave();
        prompts.restoreAnswer = false;
        WorkbenchViewModel next = workbench();
        next.start();
        assertEquals(1, prompts.asked.size());
        assertFalse(next.active().document().isDirty(), "the default sample, not the recovered work");
        prompts.asked.clear();
        next.shutdown();
    }

    @Test
    void importExportAndDroppedFiles() throws Exception {
        WorkbenchViewModel w = workbench();
        w.start();
        TopologyEditorViewModel campus = w.active();
        Path json = dir.resolve("campus-topology.json");
        Path dot = dir.resolve("campus.dot");
        w.exportTopology(json);
        w.exportTopology(dot);
        String dotText = Files.readString(dot);
        assertTrue(dotText.contains("\"cloud\" -- \"edge0\" [bandwidthMbps=\"1000.0\", latencyMs=\"20.0\"]"), dotText);
        w.openDropped(List.of(json, dir.resolve("notes.txt")));
        assertEquals(2, w.editors().size());
        assertEquals(campus.topology(), w.active().topology());
        assertEquals("campus-topology", w.active().document().settings().name());
        assertTrue(w.active().document().isDirty());
        assertTrue(w.console().lines().stream().anyMatch(l -> l.text().contains("cannot open notes.txt")));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"topology\": { \"nodes\": [ { \"id\": 3 } ] } }");
        w.open(bad);
        assertEquals(List.of("Cannot open bad.json: bad.json:1:56: topology.nodes[0].id: expected a string, got 3"), prompts.errors);
    }

    @Test
    void statusBarShowsFileSelectionAndCounts() {
        WorkbenchViewModel w = workbench();
        w.start();
        assertEquals("edge-campus (not saved)", w.fileStatusProperty().get());
        w.active().selectOnly(Set.of("cloud"), Set.of());
        assertTrue(w.selectionStatusProperty().get().startsWith("1 node, 0 links selected  |  15 nodes, 14 links"),
                w.selectionStatusProperty().get());
        w.active().addNode(PaletteItem.CLOUD, 0, 0);
        assertEquals("edge-campus (not saved) *", w.fileStatusProperty().get());
        assertEquals(0.0, w.progressProperty().get());
    }
}
