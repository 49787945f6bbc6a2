package org.edgeai.app.gui.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class EditorDocumentTest {

    private static EditorDocument doc() {
        return new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("ring"), TopologyEditTest.ring(4)), null);
    }

    @Test
    void dirtyFollowsTheSavePointThroughUndoAndRedo() {
        EditorDocument d = doc();
        assertFalse(d.isDirty());
        assertEquals("ring", d.title());
        d.edit("Delete n1", t -> t.removeNode("n1"));
        assertTrue(d.isDirty());
        assertEquals("ring*", d.title());
        assertEquals("Delete n1", d.undoNameProperty().get());
        d.markSaved(Path.of("/tmp/x/ring-4.json"));
        assertFalse(d.isDirty());
        assertEquals("ring-4.json", d.title());
        d.undo();
        assertTrue(d.isDirty());
        d.redo();
        assertFalse(d.isDirty(), "back at the saved state");
        d.undo();
        d.edit("Delete n2", t -> t.removeNode("n2")); // the saved state is no longer reachable
        assertTrue(d.isDirty());
        d.undo();
        assertTrue(d.isDirty());
        assertThrows(IllegalStateException.class, () -> {
            d.undo();
            d.undo();
        });
    }

    @Test
    void settingsEditsAreUndoableAndCountAsChanges() {
        EditorDocument d = doc();
        long r0 = d.revision();
        ExperimentSettings s = d.settings();
        d.editSettings("Seed", s.withSeed(99));
        assertEquals(99, d.settings().seed());
        assertTrue(d.revision() > r0);
        d.editSettings("Same", d.settings()); // no change: no edit
        assertEquals(1, d.undoDepth());
        d.undo();
        assertEquals(s, d.settings());
        assertFalse(d.isDirty());
    }

    @Test
    void editsOfAnotherDocumentAreRefused() {
        EditorDocument d = doc();
        TopologyEdit foreign = TopologyEdit.of("x", new Topology().putNode(TopologyEditTest.node("a")), t -> t.removeNode("a"));
        assertThrows(IllegalArgumentException.class, () -> d.apply(foreign));
    }

    @Test
    void dottedPathsReadAndWriteNestedSections() {
        ExperimentSettings s = ExperimentSettings.defaults("x");
        assertEquals(0.5, ExperimentSettings.get(s.section("workload"), "partition.alpha"));
        var w = ExperimentSettings.with(s.section("workload"), "partition.alpha", 0.1);
        assertEquals(0.1, ExperimentSettings.get(w, "partition.alpha"));
        assertEquals(0.5, ExperimentSettings.get(s.section("workload"), "partition.alpha"), "the original is untouched");
        var n = ExperimentSettings.with(Map0.empty(), "a.b.c", 3L);
        assertEquals(3L, ExperimentSettings.get(n, "a.b.c"));
    }

    private static final class Map0 {
        static java.util.Map<String, Object> empty() {
            return new java.util.LinkedHashMap<>();
        }
    }
}
