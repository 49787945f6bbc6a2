package org.edgeai.app.gui.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.junit.jupiter.api.Test;

class TopologyEditTest {

    static Node node(String id) {
        return Node.of(id, NodeKind.DEVICE, TopologyDefaults.standard());
    }

    static Topology ring(int n) {
        Topology t = new Topology();
        for (int i = 0; i < n; i++) {
            t.putNode(node("n" + i).withPosition(i, 0));
        }
        for (int i = 0; i < n; i++) {
            t.putLink(Link.of("n" + i, "n" + ((i + 1) % n), TopologyDefaults.standard()));
        }
        return t;
    }

    @Test
    void removingFromTheMiddleAndUndoingRestoresTheExactOrder() {
        Topology t = ring(6);
        Topology before = t.copy();
        TopologyEdit e = TopologyEdit.of("Delete", t, c -> c.removeNode("n2"));
        assertEquals(before, t, "building an edit must not change the live topology");
        e.apply();
        assertFalse(t.hasNode("n2"));
        assertEquals(4, t.linkCount());
        e.revert();
        assertEquals(before, t);
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4", "n5"), TopologyContent.nodeIds(t));
        // 1 node + 2 links removed: the edit stores what changed, not the whole graph.
        assertEquals(3, e.size());
    }

    @Test
    void noChangeGivesNoEditAndAFailingChangeLeavesTheTopologyAlone() {
        Topology t = ring(4);
        assertNull(TopologyEdit.of("Nothing", t, c -> c.putNode(c.node("n1"))));
        Topology before = t.copy();
        assertThrows(IllegalArgumentException.class,
                () -> TopologyEdit.of("Bad", t, c -> c.putLink(Link.of("n0", "zz", TopologyDefaults.standard()))));
        assertEquals(before, t);
    }

    @Test
    void reorderingEditsKeepTheWholeContent() {
        Topology t = ring(5);
        Topology before = t.copy();
        Topology replacement = ring(3); // same ids and link keys partly, different link order
        TopologyContent.replace(replacement, List.of(node("n2"), node("n0"), node("n1")), new ArrayList<>(replacement.links()));
        TopologyEdit e = TopologyEdit.between("Generate", t, replacement);
        e.apply();
        assertEquals(replacement, t);
        e.revert();
        assertEquals(before, t);
        assertTrue(e.toString().contains("whole content"), e.toString());
    }

    /** Random sequences of edits, undone and redone in full: every state is reproduced exactly, order included. */
    @Test
    void randomEditSequencesUndoAndRedoExactly() {
        Random rnd = new Random(12345);
        for (int trial = 0; trial < 30; trial++) {
            Topology t = ring(3 + rnd.nextInt(8));
            UndoStack stack = new UndoStack();
            List<Topology> states = new ArrayList<>();
            states.add(t.copy());
            int[] next = {100};
            for (int step = 0; step < 25; step++) {
                int op = rnd.nextInt(6);
                TopologyEdit e = TopologyEdit.of("op" + op, t, c -> mutate(c, op, rnd, next));
                stack.push(e);
                if (e != null) {
                    states.add(t.copy());
                }
            }
            for (int i = states.size() - 1; i > 0; i--) {
                assertEquals(states.get(i), t);
                stack.undo();
            }
            assertEquals(states.get(0), t);
            assertFalse(stack.canUndo());
            for (int i = 1; i < states.size(); i++) {
                stack.redo();
                assertEquals(states.get(i), t, "trial " + trial + " redo " + i);
            }
        }
    }

    private static void mutate(Topology c, int op, Random rnd, int[] next) {
        List<Node> nodes = new ArrayList<>(c.nodes());
        List<Link> links = new ArrayList<>(c.links());
        switch (op) {
            case 0 -> c.putNode(node("a" + next[0]++).withPosition(rnd.nextDouble(), rnd.nextDouble()));
            case 1 -> {
                if (nodes.size() > 1) {
                    c.removeNode(nodes.get(rnd.nextInt(nodes.size())).id());
                }
            }
            case 2 -> {
                if (!links.isEmpty()) {
                    Link l = links.get(rnd.nextInt(links.size()));
                    c.removeLink(l.source(), l.target());
                }
            }
            case 3 -> {
                if (nodes.size() > 1) {
                    Node a = nodes.get(rnd.nextInt(nodes.size()));
                    Node b = nodes.get(rnd.nextInt(nodes.size()));
                    if (!a.id().equals(b.id())) {
                        c.putLink(new Link(a.id(), b.id(), 1 + rnd.nextInt(100), rnd.nextInt(20), null));
                    }
                }
            }
            case 4 -> {
                for (Node n : nodes) {
                    if (rnd.nextBoolean()) {
                        c.putNode(n.withCompute(1 + rnd.nextInt(50)).withPosition(rnd.nextDouble(), 0));
                    }
                }
            }
            default -> {
                // delete several nodes and add some back: mixed removals, additions and changes
                for (int k = 0; k < 2 && c.nodeCount() > 2; k++) {
                    c.removeNode(new ArrayList<>(c.nodes()).get(rnd.nextInt(c.nodeCount())).id());
                }
                Node added = node("b" + next[0]++);
                c.putNode(added);
                Node other = c.nodes().iterator().next();
                if (!other.id().equals(added.id())) {
                    c.putLink(Link.of(added.id(), other.id(), TopologyDefaults.standard()));
                }
            }
        }
    }
}
