package org.edgeai.model.engine.net;

import static org.edgeai.model.engine.net.TestNets.idx;
import static org.edgeai.model.engine.net.TestNets.link;
import static org.edgeai.model.engine.net.TestNets.nodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.TestNets.Hop;
import org.edgeai.model.engine.net.TestNets.Hops;
import org.edgeai.model.engine.net.TestNets.Inbox;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class NetworkTimingTest {

    private static final double EPS = 1e-12;

    @Test
    void messagesOnOneDirectionAreSerializedFirstComeFirstServedAndTheOtherDirectionIsIndependent() {
        // A -- B: 10 Mbit/s, 5 ms.
        Topology t = link(nodes("A", "B"), "A", "B", 10, 5);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        int a = idx(t, "A");
        int b = idx(t, "B");
        net.send(a, b, 1_000_000, MessageKind.MODEL, 0, in, 1); // 0.1 s on the wire
        net.send(a, b, 500_000, MessageKind.MODEL, 0, in, 2);   // queued: starts when the first's last bit left
        net.send(b, a, 200_000, MessageKind.GRADIENT, 0, in, 3); // other direction: starts at once
        sim.run();
        // m1: 0 -> 0.1, arrives 0.105; m2: 0.1 -> 0.15, arrives 0.155; m3: 0 -> 0.02, arrives 0.025.
        assertEquals(0.105, in.byTag(1).time(), EPS);
        assertEquals(0.155, in.byTag(2).time(), EPS);
        assertEquals(0.025, in.byTag(3).time(), EPS);
        assertEquals(3, trace.hops.size());
        Hop h2 = trace.hops.stream().filter(h -> h.bits() == 500_000).findFirst().orElseThrow();
        assertEquals(0.1, h2.tSend(), EPS, "the second starts when the first's last bit has left");
        assertEquals(0.155, h2.tArrive(), EPS);
        Hop h3 = trace.hops.stream().filter(h -> h.bits() == 200_000).findFirst().orElseThrow();
        assertEquals(0.0, h3.tSend(), EPS);
        assertEquals(b, h3.src());
        assertEquals(a, h3.dst());
        assertEquals(MessageKind.GRADIENT, h3.kind());
        // Trace rows come in arrival order.
        assertEquals(List.of(200_000L, 1_000_000L, 500_000L), trace.hops.stream().map(Hop::bits).toList());
    }

    @Test
    void latencyIsAddedAfterTheLastBitAndAnIdleLinkStartsAtOnce() {
        Topology t = link(nodes("A", "B"), "A", "B", 8, 12.5);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        net.send(0, 1, 80_000, MessageKind.MODEL, 0, in, 1); // 0.01 s, arrives 0.0225
        EventHandler later = (code, x, y) -> net.send(0, 1, 800_000, MessageKind.MODEL, 1, in, 2);
        sim.scheduleAt(0.3, later, 0, 0, 0);                  // link idle again: 0.3 -> 0.4, arrives 0.4125
        sim.run();
        assertEquals(0.0225, in.byTag(1).time(), EPS);
        assertEquals(0.4125, in.byTag(2).time(), EPS);
        assertEquals(0.3, trace.hops.get(1).tSend(), EPS);
        assertEquals(1, trace.hops.get(1).round());
    }

    @Test
    void storeAndForwardOverThreeHopsWithDifferentBandwidths() {
        // A -(10 Mbit/s, 1 ms)- B -(5 Mbit/s, 2 ms)- C -(20 Mbit/s, 3 ms)- D
        Topology t = nodes("A", "B", "C", "D");
        link(t, "A", "B", 10, 1);
        link(t, "B", "C", 5, 2);
        link(t, "C", "D", 20, 3);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        net.send(idx(t, "A"), idx(t, "D"), 100_000, MessageKind.UPDATE, 4, in, 9);
        sim.run();
        // hop 1: 0 -> 0.01, arrives 0.011; hop 2: 0.011 -> 0.031, arrives 0.033; hop 3: 0.033 -> 0.038, arrives 0.041.
        assertEquals(3, trace.hops.size());
        double[][] expected = {{0, 0.011}, {0.011, 0.033}, {0.033, 0.041}};
        String[][] ends = {{"A", "B"}, {"B", "C"}, {"C", "D"}};
        for (int h = 0; h < 3; h++) {
            Hop hop = trace.hops.get(h);
            assertEquals(expected[h][0], hop.tSend(), EPS, "send time of hop " + h);
            assertEquals(expected[h][1], hop.tArrive(), EPS, "arrival of hop " + h);
            assertEquals(idx(t, ends[h][0]), hop.src());
            assertEquals(idx(t, ends[h][1]), hop.dst());
            assertEquals(100_000, hop.bits());
            assertEquals(4, hop.round());
            assertEquals(MessageKind.UPDATE, hop.kind());
        }
        assertEquals(1, in.got.size());
        assertEquals(0.041, in.got.get(0).time(), EPS);
        assertEquals(idx(t, "A"), in.got.get(0).src());
        assertEquals(idx(t, "D"), in.got.get(0).dst());
        assertEquals(1, net.messagesSent());
        assertEquals(100_000, net.messageBits());
        assertEquals(300_000, net.linkBits());
        assertEquals(3, net.hopsCommitted());
    }

    @Test
    void routesFollowTheLeastLatencyPathNotTheFewestHops() {
        // A-B is one hop of 10 ms; A-C-B-D costs 1 + 1 + 1 ms. A and D are not neighbours.
        Topology t = nodes("A", "B", "C", "D");
        link(t, "A", "B", 10, 10);
        link(t, "A", "C", 10, 1);
        link(t, "C", "B", 10, 1);
        link(t, "B", "D", 10, 1);
        Network net = Network.builder(new Simulator(), t).build();
        assertArrayEquals(new int[] {idx(t, "A"), idx(t, "C"), idx(t, "B"), idx(t, "D")}, net.route(idx(t, "A"), idx(t, "D")));
        // Neighbours always use their own link, even when a detour has less latency.
        assertArrayEquals(new int[] {idx(t, "A"), idx(t, "B")}, net.route(idx(t, "A"), idx(t, "B")));
        assertEquals(0.003, net.pathLatencyS(net.route(idx(t, "A"), idx(t, "D"))), EPS);
    }

    @Test
    void neighbourMessagesTakeTheDirectLinkInTime() {
        Topology t = nodes("A", "B", "C");
        link(t, "A", "B", 10, 10);
        link(t, "A", "C", 10, 1);
        link(t, "C", "B", 10, 1);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        net.send(idx(t, "A"), idx(t, "B"), 10_000, MessageKind.MODEL, 0, in, 1);
        sim.run();
        assertEquals(1, trace.hops.size());
        assertEquals(0.001 + 0.010, in.byTag(1).time(), EPS);
    }

    @Test
    void equalLatencyIsBrokenByHopCount() {
        // S-X-T: 5 + 5 ms; S-Y-Z-T: 3 + 3 + 4 ms (equal in total, one hop more).
        Topology t = nodes("S", "Y", "Z", "X", "T");
        link(t, "S", "Y", 10, 3);
        link(t, "Y", "Z", 10, 3);
        link(t, "Z", "T", 10, 4);
        link(t, "S", "X", 10, 5);
        link(t, "X", "T", 10, 5);
        Network net = Network.builder(new Simulator(), t).build();
        assertArrayEquals(new int[] {idx(t, "S"), idx(t, "X"), idx(t, "T")}, net.route(idx(t, "S"), idx(t, "T")));
    }

    @Test
    void fullTiesAreBrokenByTheSmallestNodeIndexAtTheFirstDifference() {
        // Two equal paths S-P-T and S-Q-T; P has the smaller index when listed first.
        Topology t1 = nodes("S", "P", "Q", "T");
        link(t1, "S", "Q", 10, 2);
        link(t1, "Q", "T", 10, 2);
        link(t1, "S", "P", 10, 2);
        link(t1, "P", "T", 10, 2);
        Network n1 = Network.builder(new Simulator(), t1).build();
        assertArrayEquals(new int[] {0, 1, 3}, n1.route(0, 3), "via P (index 1)");

        Topology t2 = nodes("S", "Q", "P", "T"); // now Q has index 1
        link(t2, "S", "Q", 10, 2);
        link(t2, "Q", "T", 10, 2);
        link(t2, "S", "P", 10, 2);
        link(t2, "P", "T", 10, 2);
        Network n2 = Network.builder(new Simulator(), t2).build();
        assertArrayEquals(new int[] {0, 1, 3}, n2.route(0, 3), "via Q (index 1)");

        // Lexicographic, not a sum: S-1-4-T beats S-2-3-T although 2 + 3 = 5 = 1 + 4.
        Topology t3 = nodes("S", "n1", "n2", "n3", "n4", "T");
        link(t3, "S", "n2", 10, 1);
        link(t3, "n2", "n3", 10, 1);
        link(t3, "n3", "T", 10, 1);
        link(t3, "S", "n1", 10, 1);
        link(t3, "n1", "n4", 10, 1);
        link(t3, "n4", "T", 10, 1);
        Network n3 = Network.builder(new Simulator(), t3).build();
        assertArrayEquals(new int[] {0, 1, 4, 5}, n3.route(0, 5));
        // ... and the choice is made at the first difference even when a later position would favour the other.
        Topology t4 = nodes("S", "n1", "n2", "n3", "n4", "T");
        link(t4, "S", "n1", 10, 1);
        link(t4, "n1", "n4", 10, 1);
        link(t4, "n4", "T", 10, 1);
        link(t4, "S", "n2", 10, 1);
        link(t4, "n2", "n3", 10, 1);
        link(t4, "n3", "T", 10, 1);
        Network n4 = Network.builder(new Simulator(), t4).build();
        assertArrayEquals(new int[] {0, 1, 4, 5}, n4.route(0, 5));
    }

    @Test
    void latenciesAreComparedAtNanosecondResolutionSoRoundingDoesNotBreakTies() {
        // S-X-T: 0.1 + 0.8 ms; S-Y-Z-T: 0.1 + 0.1 + 0.7 ms. Equal in whole nanoseconds (900,000 each), so
        // fewer hops wins; in double arithmetic 0.7 + 0.1 + 0.1 = 0.8999999999999999 < 0.9 would pick S-Y-Z-T.
        assertTrue(0.7 + 0.1 + 0.1 < 0.8 + 0.1, "the premise of this test");
        Topology t = nodes("S", "Y", "Z", "X", "T");
        link(t, "S", "Y", 10, 0.1);
        link(t, "Y", "Z", 10, 0.1);
        link(t, "Z", "T", 10, 0.7);
        link(t, "S", "X", 10, 0.1);
        link(t, "X", "T", 10, 0.8);
        Network net = Network.builder(new Simulator(), t).build();
        assertArrayEquals(new int[] {idx(t, "S"), idx(t, "X"), idx(t, "T")}, net.route(idx(t, "S"), idx(t, "T")));
    }

    @Test
    void aMessageNeverCostsLessThanOneBit() {
        Topology t = link(nodes("A", "B"), "A", "B", 1, 0); // 1 Mbit/s: 1 bit takes 1 microsecond
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        net.send(0, 1, 0, MessageKind.CONTROL, 0, in, 1);
        sim.run();
        assertEquals(1, trace.hops.get(0).bits());
        assertEquals(1e-6, in.byTag(1).time(), EPS);
        assertEquals(1, net.messageBits());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.send(0, 1, -5, MessageKind.CONTROL, 0, in, 2));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
    }

    @Test
    void exchangeEqualsTwoSends() {
        Topology t = nodes("A", "B", "C");
        link(t, "A", "B", 10, 5);
        link(t, "B", "C", 3, 1);
        List<Hop> viaExchange = runPairs(t, true);
        List<Hop> viaSends = runPairs(t, false);
        assertEquals(viaSends, viaExchange);
        assertEquals(8, viaExchange.size());
    }

    @Test
    void anExchangeWhoseHopsArriveTogetherIsOneEventDeliveredInTheSameOrder() {
        // Equal sizes on free links: both hops of an exchange arrive at one instant and share one event. Plain
        // sends arriving at that same instant, scheduled before and after, must keep their places around the pair.
        Topology t = nodes("A", "B", "C");
        link(t, "A", "B", 10, 5);
        link(t, "B", "C", 10, 5);
        Simulator withExchange = new Simulator();
        List<Object> a = runTies(t, withExchange, true);
        Simulator withSends = new Simulator();
        List<Object> b = runTies(t, withSends, false);
        assertEquals(b, a);
        assertEquals(6, ((List<?>) a.get(1)).size(), "deliveries");
        // B<->A pairs; B<->C does not: its hop C->B queues behind the plain send C->B and arrives later.
        assertEquals(withSends.eventsScheduled() - 1, withExchange.eventsScheduled(), "one event less for B<->A only");
    }

    /** [trace, deliveries] of: a send C->B, exchange B<->A, a send A->B, exchange B<->C, all of 1000 bits at t = 0. */
    private static List<Object> runTies(Topology t, Simulator sim, boolean exchange) {
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        int b = idx(t, "B");
        net.send(idx(t, "C"), b, 1000, MessageKind.CONTROL, 0, in, 100);
        for (int k = 0; k < net.degree(b); k++) {
            if (exchange) {
                net.exchange(b, k, 1000, 1000, MessageKind.MODEL, 0, in, k, 10 + k);
            } else {
                int d = net.firstDirection(b) + k;
                net.sendToNeighbour(b, k, 1000, MessageKind.MODEL, 0, in, k);
                net.sendVia(net.reverse(d), 1000, MessageKind.MODEL, 0, in, 10 + k);
            }
            if (k == 0) {
                net.send(idx(t, "A"), b, 1000, MessageKind.CONTROL, 0, in, 200);
            }
        }
        sim.run();
        return List.of(trace.hops, in.got);
    }

    private static List<Hop> runPairs(Topology t, boolean exchange) {
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).build();
        Inbox in = new Inbox(sim);
        int b = idx(t, "B");
        for (int rep = 0; rep < 2; rep++) {
            for (int k = 0; k < net.degree(b); k++) {
                if (exchange) {
                    net.exchange(b, k, 50_000, 20_000, MessageKind.MODEL, rep, in, k, 10 + k);
                } else {
                    int d = net.firstDirection(b) + k;
                    int j = net.directionTarget(d);
                    net.sendToNeighbour(b, k, 50_000, MessageKind.MODEL, rep, in, k);
                    net.sendVia(net.reverse(d), 20_000, MessageKind.MODEL, rep, in, 10 + k);
                    assertEquals(j, net.directionSource(net.reverse(d)));
                }
            }
        }
        sim.run();
        return trace.hops;
    }

    @Test
    void badArgumentsNameWhatWasExpected() {
        Topology t = link(nodes("A", "B"), "A", "B", 10, 5);
        t.putNode(new org.edgeai.model.topology.Node("Z", org.edgeai.model.topology.NodeKind.DEVICE, 5, 1, 0, 0, "", null));
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        Inbox in = new Inbox(sim);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.send(0, 2, 10, MessageKind.MODEL, 0, in, 0));
        assertTrue(e.getMessage().contains("no path from A to Z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.send(0, 0, 10, MessageKind.MODEL, 0, in, 0));
        assertTrue(e.getMessage().contains("same node"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.send(0, 7, 10, MessageKind.MODEL, 0, in, 0));
        assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.sendToNeighbour(0, 1, 10, MessageKind.MODEL, 0, in, 0));
        assertTrue(e.getMessage().contains("k must be in [0, 1)"), e.getMessage());
        assertArrayEquals(new int[0], net.route(0, 2));
    }
}
