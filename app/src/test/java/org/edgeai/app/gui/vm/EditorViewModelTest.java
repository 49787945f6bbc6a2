package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edgeai.app.gui.DeviceType;
import org.edgeai.app.gui.FakeRingGenerator;
import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.LayoutKind;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {

    static TopologyEditorViewModel editor() {
        EditorDocument d = new EditorDocument(new EditorDocumentData(ExperimentSettings.defaults("t"), new Topology()), null);
        return new TopologyEditorViewModel(d, UiExecutors.synchronous(), new ConsoleViewModel(), new TopologyClipboard());
    }

    @Test
    void paletteItemsAddNodesWithTheirKindAndSubtypeDefaults() {
        TopologyEditorViewModel ed = editor();
        String phone = ed.addNode(PaletteItem.PHONE, 10, 20);
        String sensor = ed.addNode(PaletteItem.SENSOR, 100, 20);
        String server = ed.addNode(PaletteItem.SERVER, 50, 200);
        assertEquals(List.of("n0", "n1", "n2"), List.of(phone, sensor, server));
        Node p = ed.topology().node(phone);
        assertEquals(NodeKind.DEVICE, p.kind());
        assertEquals(DeviceType.PHONE.computeGflops(), p.computeGflops());
        assertEquals(DeviceType.PHONE, DeviceType.of(p).orElseThrow());
        assertEquals(0.5, ed.topology().node(sensor).computeGflops());
        assertEquals(TopologyDefaults.SERVER.computeGflops(), ed.topology().node(server).computeGflops());
        assertEquals(Set.of(server), ed.selectedNodes());
        assertEquals(3, ed.document().undoDepth());
        assertThrows(IllegalArgumentException.class, () -> ed.addNode(PaletteItem.LINK, 0, 0));
    }

    @Test
    void linkingMovingDeletingAndUndoingEverything() {
        TopologyEditorViewModel ed = editor();
        ed.addNode(PaletteItem.DEVICE, 0, 0);
        ed.addNode(PaletteItem.DEVICE, 100, 0);
        ed.addNode(PaletteItem.CLOUD, 50, 100);
        Topology afterAdds = ed.topology().copy();
        LinkKey k = ed.connect("n0", "n1");
        ed.connect("n1", "n2");
        assertEquals(2, ed.topology().linkCount());
        assertEquals(k, ed.connect("n1", "n0"), "linking again selects the existing link");
        assertEquals(2, ed.topology().linkCount());
        ed.moveNodes(Set.of("n0", "n1"), 5, -5);
        assertEquals(105, ed.topology().node("n1").x());
        ed.selectOnly(Set.of("n1"), Set.of());
        ed.deleteSelection();
        assertFalse(ed.topology().hasNode("n1"));
        assertEquals(0, ed.topology().linkCount());
        assertTrue(ed.selectedNodes().isEmpty());
        Topology end = ed.topology().copy();
        for (int i = 0; i < 4; i++) {
            ed.document().undo();
        }
        assertEquals(afterAdds, ed.topology());
        for (int i = 0; i < 4; i++) {
            ed.document().redo();
        }
        assertEquals(end, ed.topology());
    }

    @Test
    void snappingPutsNodesOnTheGrid() {
        TopologyEditorViewModel ed = editor();
        ed.snapToGridProperty().set(true);
        String id = ed.addNode(PaletteItem.DEVICE, 61, -26);
        assertEquals(50, ed.topology().node(id).x());
        assertEquals(-50, ed.topology().node(id).y());
        ed.moveNodes(Set.of(id), 30, 0);
        assertEquals(100, ed.topology().node(id).x());
    }

    @Test
    void selectionByClickRectangleAndAllAndItIsPrunedByUndo() {
        TopologyEditorViewModel ed = editor();
        ed.addNode(PaletteItem.DEVICE, 0, 0);
        ed.addNode(PaletteItem.DEVICE, 100, 0);
        ed.addNode(PaletteItem.DEVICE, 500, 500);
        ed.connect("n0", "n1");
        ed.connect("n1", "n2");
        ed.selectInRect(-10, -10, 150, 10, false);
        assertEquals(Set.of("n0", "n1"), ed.selectedNodes());
        assertEquals(Set.of(LinkKey.of("n0", "n1")), ed.selectedLinks());
        ed.clickNode("n2", true);
        assertEquals(Set.of("n0", "n1", "n2"), ed.selectedNodes());
        ed.clickNode("n0", true);
        assertEquals(Set.of("n1", "n2"), ed.selectedNodes());
        ed.selectAll();
        assertEquals(3, ed.selectedNodes().size());
        assertEquals(2, ed.selectedLinks().size());
        ed.document().undo(); // removes link n1--n2
        assertEquals(Set.of(LinkKey.of("n0", "n1")), ed.selectedLinks());
    }

    @Test
    void hitTestsFindNodesAndLinks() {
        TopologyEditorViewModel ed = editor();
        ed.addNode(PaletteItem.DEVICE, 0, 0);
        ed.addNode(PaletteItem.DEVICE, 100, 0);
        ed.connect("n0", "n1");
        assertEquals("n1", ed.nodeAt(103, 2, 5));
        assertNull(ed.nodeAt(50, 0, 5));
        assertEquals(LinkKey.of("n0", "n1"), ed.linkAt(50, 3, 4));
        assertNull(ed.linkAt(50, 5, 4));
        assertNull(ed.linkAt(-10, 0, 4), "beyond the end point");
    }

    @Test
    void copyPasteMakesFreshIdsAndKeepsInnerLinks() {
        TopologyEditorViewModel ed = editor();
        ed.addNode(PaletteItem.PHONE, 0, 0);
        ed.addNode(PaletteItem.SERVER, 100, 0);
        ed.addNode(PaletteItem.DEVICE, 200, 0);
        ed.connect("n0", "n1");
        ed.connect("n1", "n2");
        ed.selectOnly(Set.of("n0", "n1"), Set.of());
        ed.copy();
        ed.paste();
        assertEquals(5, ed.topology().nodeCount());
        assertEquals(Set.of("n3", "n4"), ed.selectedNodes());
        assertTrue(ed.topology().hasLink("n3", "n4"));
        assertEquals(3, ed.topology().linkCount());
        assertEquals(ed.topology().node("n0").label(), ed.topology().node("n3").label());
        assertTrue(ed.topology().node("n3").x() > 0);
        ed.document().undo();
        assertEquals(3, ed.topology().nodeCount());
        ed.selectOnly(Set.of("n2"), Set.of());
        ed.cut();
        assertFalse(ed.topology().hasNode("n2"));
        assertEquals(2, ed.topology().nodeCount());
        ed.paste();
        assertEquals(3, ed.topology().nodeCount());
        assertEquals(Set.of("n2"), ed.selectedNodes(), "the freed id is used again");
    }

    @Test
    void generatedGraphsReplaceOrAddAndUndoInOneStep() {
        TopologyEditorViewModel ed = editor();
        ed.addNode(PaletteItem.CLOUD, 0, 0);
        Topology before = ed.topology().copy();
        Topology ring = FakeRingGenerator.catalog().generate("ring", Map.of("nodes", 6), 1, TopologyDefaults.standard());
        ed.applyGenerated("Generate ring", ring, true);
        assertEquals(ring, ed.topology());
        ed.document().undo();
        assertEquals(before, ed.topology());
        ed.applyGenerated("Generate ring", ring, false);
        assertEquals(7, ed.topology().nodeCount());
        assertTrue(ed.topology().hasLink("n1", "n6"), "ring n0..n5 renamed to n1..n6");
        assertTrue(ed.topology().node("n1").x() > 0, "placed to the right of the existing nodes");
        ed.document().undo();
        assertEquals(before, ed.topology());
    }

    @Test
    void relayoutIsOneUndoableEditAndStaleResultsAreDropped() {
        TopologyEditorViewModel ed = editor();
        for (int i = 0; i < 5; i++) {
            ed.addNode(PaletteItem.DEVICE, i * 7, i * 3);
        }
        Topology before = ed.topology().copy();
        boolean[] applied = {false};
        ed.relayout(LayoutKind.GRID, ok -> applied[0] = ok);
        assertTrue(applied[0]);
        assertEquals(100, ed.topology().node("n1").x());
        assertEquals(100, ed.topology().node("n4").y());
        ed.document().undo();
        assertEquals(before, ed.topology());

        QueueExecutor bg = new QueueExecutor();
        EditorDocument d = ed.document();
        TopologyEditorViewModel slow = new TopologyEditorViewModel(d, new UiExecutors(bg, Runnable::run),
                new ConsoleViewModel(), new TopologyClipboard());
        slow.relayout(LayoutKind.GRID, ok -> applied[0] = ok);
        slow.addNode(PaletteItem.DEVICE, 0, 0); // the graph changes while the layout is computed
        bg.runAll();
        assertFalse(applied[0]);
        assertFalse(d.topology().node("n1").x() == 100);
    }
}
