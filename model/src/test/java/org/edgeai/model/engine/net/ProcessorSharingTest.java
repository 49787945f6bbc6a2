package org.edgeai.model.engine.net;

import static org.edgeai.model.engine.net.TestNets.idx;
import static org.edgeai.model.engine.net.TestNets.link;
import static org.edgeai.model.engine.net.TestNets.nodes;
import static org.edgeai.model.engine.net.TestNets.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.TestNets.Hops;
import org.edgeai.model.engine.net.TestNets.Inbox;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * A server S with access capacity 10 Mbit/s shares it equally among the transfers into and out of it; each
 * device link is 100 Mbit/s with 1 ms latency unless said otherwise. Expected times are worked out by hand in
 * the comments (phases of constant rate).
 */
class ProcessorSharingTest {

    private static final double EPS = 1e-9;

    private static Topology star(double... deviceLinkMbps) {
        Topology t = nodes();
        server(t, "S", 10);
        for (int i = 0; i < deviceLinkMbps.length; i++) {
            t.putNode(new org.edgeai.model.topology.Node("D" + (i + 1), org.edgeai.model.topology.NodeKind.DEVICE, 5, 4096, 0, 0,
                    "", null));
            link(t, "D" + (i + 1), "S", deviceLinkMbps[i], 1);
        }
        return t;
    }

    /** Sends (src, dst, bits, tag) at time {@code at}. */
    private static void sendAt(Simulator sim, Network net, Inbox in, double at, int src, int dst, long bits, long tag) {
        EventHandler h = (c, a, b) -> net.send(src, dst, bits, MessageKind.GRADIENT, 0, in, tag);
        sim.scheduleAt(at, h, 0, 0, 0);
    }

    @Test
    void twoTransfersStartingTogetherShareTheAccessEqually() {
        Topology t = star(100, 100);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, 0, idx(t, "D2"), s, 1_000_000, 2);
        sim.run();
        // 5 Mbit/s each: last bits leave at 0.2, arrive at 0.201.
        assertEquals(0.201, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(2).time(), EPS);
    }

    @Test
    void aLaterTransferSlowsTheFirstAndSpeedsUpWhenItEnds() {
        Topology t = star(100, 100);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, 0.05, idx(t, "D2"), s, 1_000_000, 2);
        sim.run();
        // [0, 0.05): D1 alone at 10 Mbit/s sends 0.5 Mbit. [0.05, 0.15): both at 5: D1 sends its last 0.5 Mbit
        // (done 0.15), D2 sends 0.5 Mbit. [0.15, 0.2): D2 alone at 10 sends its last 0.5 Mbit (done 0.2).
        assertEquals(0.151, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(2).time(), EPS);
        assertEquals(0.05, trace.hops.stream().filter(h -> h.src() == idx(t, "D2")).findFirst().orElseThrow().tSend(), EPS);
    }

    @Test
    void threeTransfersWithOneStartingLater() {
        Topology t = star(100, 100, 100);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, 0, idx(t, "D2"), s, 1_000_000, 2);
        sendAt(sim, net, in, 0.06, idx(t, "D3"), s, 300_000, 3);
        sim.run();
        // [0, 0.06): D1, D2 at 5: 0.3 Mbit each, 0.7 left. [0.06, 0.15): three at 10/3: D3's 0.3 Mbit takes
        // 0.09 s (done 0.15); D1, D2 send 0.3 more, 0.4 left. [0.15, 0.23): two at 5: 0.4 Mbit takes 0.08 s.
        assertEquals(0.151, in.byTag(3).time(), EPS);
        assertEquals(0.231, in.byTag(1).time(), EPS);
        assertEquals(0.231, in.byTag(2).time(), EPS);
    }

    @Test
    void aSlowLinkCapsItsTransferAndTheUnusedShareIsNotRedistributed() {
        Topology t = star(2, 100);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, 0, idx(t, "D2"), s, 1_000_000, 2);
        sim.run();
        // D1: min(2, 10/2) = 2 Mbit/s throughout -> 0.5 s. D2: min(100, 10/2) = 5 -> 0.2 s (not 8).
        assertEquals(0.201, in.byTag(2).time(), EPS);
        assertEquals(0.501, in.byTag(1).time(), EPS);
    }

    @Test
    void transfersIntoAndOutOfTheServerShareTheSameCapacity() {
        Topology t = star(100, 100);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, s, idx(t, "D1"), 1_000_000, 1); // out of S
        sendAt(sim, net, in, 0, idx(t, "D2"), s, 1_000_000, 2); // into S
        sim.run();
        assertEquals(0.201, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(2).time(), EPS);
    }

    @Test
    void theLinkFifoComesFirstAndOnlyHopsOnTheWireShare() {
        Topology t = star(100, 100);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        int s = idx(t, "S");
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 1);
        sendAt(sim, net, in, 0, idx(t, "D1"), s, 1_000_000, 2); // queued behind tag 1 on D1 -> S
        sendAt(sim, net, in, 0, idx(t, "D2"), s, 1_000_000, 3);
        sim.run();
        // [0, 0.2): D1#1 and D2 share (5 each), both done at 0.2; D1#2 is queued, not active.
        // [0.2, 0.3): D1#2 alone at 10.
        assertEquals(0.201, in.byTag(1).time(), EPS);
        assertEquals(0.201, in.byTag(3).time(), EPS);
        assertEquals(0.301, in.byTag(2).time(), EPS);
    }

    @Test
    void aHopBetweenTwoCappedNodesTakesTheSmallerShare() {
        // D1 - S1 (access 10) - S2 (access 4), all links 100 Mbit/s, 1 ms.
        Topology t = nodes("D1");
        server(t, "S1", 10);
        server(t, "S2", 4);
        link(t, "D1", "S1", 100, 1);
        link(t, "S1", "S2", 100, 1);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        sendAt(sim, net, in, 0, idx(t, "S1"), idx(t, "S2"), 1_000_000, 1);
        sendAt(sim, net, in, 0, idx(t, "D1"), idx(t, "S1"), 1_000_000, 2);
        sim.run();
        // [0, 0.2): S1 has two hops (share 5), S2 one (share 4): S1->S2 at min(5, 4) = 4, D1->S1 at 5 (done 0.2).
        // S1->S2 has sent 0.8 Mbit; [0.2, 0.25): at min(10, 4) = 4 sends the last 0.2 Mbit.
        assertEquals(0.201, in.byTag(2).time(), EPS);
        assertEquals(0.251, in.byTag(1).time(), EPS);
    }

    @Test
    void storeAndForwardThroughACappedServer() {
        // D1 -> S -> D2: both hops touch S; the second starts when the first has arrived.
        Topology t = star(100, 100);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        List<SimEvent> events = new ArrayList<>();
        Network net = Network.builder(sim, t).trace(trace).observer(events::add).build();
        Inbox in = new Inbox(sim);
        sendAt(sim, net, in, 0, idx(t, "D1"), idx(t, "D2"), 500_000, 1);
        sim.run();
        // hop 1 alone at S: 0.05 s, arrives 0.051; hop 2 alone: 0.051 -> 0.101, arrives 0.102.
        assertEquals(2, trace.hops.size());
        assertEquals(0.051, trace.hops.get(1).tSend(), EPS);
        assertEquals(0.102, in.byTag(1).time(), EPS);
        SimEvent.HopStarted first = (SimEvent.HopStarted) events.get(0);
        assertTrue(Double.isNaN(first.tArriveS()), "a shared hop's arrival is not known when it starts");
        assertEquals(4, events.size());
    }
}
