package org.edgeai.model.engine.net;

import static org.edgeai.model.engine.net.TestNets.idx;
import static org.edgeai.model.engine.net.TestNets.link;
import static org.edgeai.model.engine.net.TestNets.nodes;
import static org.edgeai.model.engine.net.TestNets.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.TestNets.Hops;
import org.edgeai.model.engine.net.TestNets.Inbox;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Over-the-air sends: a server S with access capacity 10 Mbit/s, device links 100 Mbit/s and 1 ms. Superposed
 * uploads into S take no share of its capacity; ordinary ones share it (times by hand in the comments).
 */
class SuperposedSendTest {

    private static final double EPS = 1e-9;

    private static Topology star(int devices) {
        Topology t = nodes();
        server(t, "S", 10);
        for (int i = 1; i <= devices; i++) {
            t.putNode(new Node("D" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
            link(t, "D" + i, "S", 100, 1);
        }
        return t;
    }

    private static void sendAt(Simulator sim, Network net, Inbox in, boolean superposed, int src, int dst, long bits, long tag) {
        EventHandler h = (c, a, b) -> {
            if (superposed) {
                net.sendSuperposed(src, dst, bits, MessageKind.GRADIENT, 0, in, tag);
            } else {
                net.send(src, dst, bits, MessageKind.GRADIENT, 0, in, tag);
            }
        };
        sim.scheduleAt(0, h, 0, 0, 0);
    }

    @Test
    void threeSuperposedUploadsTakeTheTimeOfOne() {
        Topology t = star(3);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        for (int i = 1; i <= 3; i++) {
            sendAt(sim, net, in, true, idx(t, "D" + i), s, 1_000_000, i);
        }
        sim.run();
        // Each at min(100, 10) Mbit/s as if alone at S: 0.1 s + 1 ms (shared, three would take 0.3 s).
        for (int i = 1; i <= 3; i++) {
            assertEquals(0.101, in.byTag(i).time(), EPS);
        }
        assertEquals(3, trace.hops.size());
        assertEquals(3_000_000, net.linkBits());
        assertEquals(MessageKind.GRADIENT, trace.hops.get(0).kind());
    }

    @Test
    void ordinaryUploadsShareTheCapacityAndIgnoreTheSuperposedOne() {
        Topology t = star(3);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, false, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, false, idx(t, "D2"), s, 1_000_000, 2);
        sendAt(sim, net, in, true, idx(t, "D3"), s, 1_000_000, 3);
        sim.run();
        // D1, D2 share 10 Mbit/s (5 each): 0.2 s + 1 ms; D3 has S's whole 10 Mbit/s: 0.1 s + 1 ms.
        assertEquals(0.201, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(2).time(), EPS);
        assertEquals(0.101, in.byTag(3).time(), EPS);
    }

    @Test
    void aSuperposedUploadOverASlowLinkRunsAtTheLinkRate() {
        Topology t = nodes();
        server(t, "S", 10);
        t.putNode(new Node("D1", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        t.putNode(new Node("D2", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        link(t, "D1", "S", 2, 1);
        link(t, "D2", "S", 2, 1);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, true, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, true, idx(t, "D2"), s, 1_000_000, 2);
        sim.run();
        // min(2, 10) = 2 Mbit/s: 0.5 s + 1 ms each.
        assertEquals(0.501, in.byTag(1).time(), EPS);
        assertEquals(0.501, in.byTag(2).time(), EPS);
    }

    @Test
    void aSuperposedMessageOutOfTheCappedNodeStillShares() {
        Topology t = star(2);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        // S -> D1 and S -> D2: the capacity of S is the sending side, which superposition does not exempt.
        sendAt(sim, net, in, true, s, idx(t, "D1"), 1_000_000, 1);
        sendAt(sim, net, in, true, s, idx(t, "D2"), 1_000_000, 2);
        sim.run();
        assertEquals(0.201, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(2).time(), EPS);
    }
}
