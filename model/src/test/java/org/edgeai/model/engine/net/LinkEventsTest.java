package org.edgeai.model.engine.net;

import static org.edgeai.model.engine.net.TestNets.idx;
import static org.edgeai.model.engine.net.TestNets.link;
import static org.edgeai.model.engine.net.TestNets.nodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.TestNets.Hop;
import org.edgeai.model.engine.net.TestNets.Hops;
import org.edgeai.model.engine.net.TestNets.Inbox;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class LinkEventsTest {

    private static final double EPS = 1e-12;

    private static void sendAt(Simulator sim, Network net, Inbox in, double at, int src, int dst, long bits, long tag) {
        EventHandler h = (c, a, b) -> net.send(src, dst, bits, MessageKind.MODEL, 0, in, tag);
        sim.scheduleAt(at, h, 0, 0, 0);
    }

    @Test
    void aDownLinkFinishesTheCommittedHopHoldsTheQueueAndParksNewMessages() {
        // A -- B: 10 Mbit/s, 5 ms; down at 0.05, up at 0.3.
        Topology t = link(nodes("A", "B"), "A", "B", 10, 5);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        List<SimEvent> events = new ArrayList<>();
        Network net = Network.builder(sim, t).trace(trace).observer(events::add)
                .linkEvent(0, 0.05, false).linkEvent(0, 0.3, true).build();
        Inbox in = new Inbox(sim);
        sendAt(sim, net, in, 0, 0, 1, 1_000_000, 1);  // on the wire 0 -> 0.1: committed, completes
        sendAt(sim, net, in, 0, 0, 1, 500_000, 2);    // queued for 0.1, but the link is down then: waits
        sendAt(sim, net, in, 0.2, 0, 1, 200_000, 3);  // no path while down: parked at A
        List<Integer> parkedAt = new ArrayList<>();
        sim.scheduleAt(0.25, (c, a, b) -> parkedAt.add(net.messagesParked()), 0, 0, 0);
        sim.run();
        assertEquals(List.of(1), parkedAt);
        assertEquals(0.105, in.byTag(1).time(), EPS);
        // Up at 0.3: the queue resumes first (m2: 0.3 -> 0.35), then the parked m3 queues behind it (0.35 -> 0.37).
        assertEquals(0.355, in.byTag(2).time(), EPS);
        assertEquals(0.375, in.byTag(3).time(), EPS);
        assertEquals(0.3, trace.hops.get(1).tSend(), EPS);
        long linkChanges = events.stream().filter(e -> e instanceof SimEvent.LinkStateChanged).count();
        assertEquals(2, linkChanges);
    }

    @Test
    void routingAvoidsADownLinkAndReturnsToItWhenItIsUp() {
        // A-B 10 Mbit/s 5 ms (down 0.05 .. 0.3); detour A-C-B: 10 Mbit/s, 1 ms each.
        Topology t = nodes("A", "B", "C");
        link(t, "A", "B", 10, 5);
        link(t, "A", "C", 10, 1);
        link(t, "C", "B", 10, 1);
        Simulator sim = new Simulator();
        Hops trace = new Hops();
        Network net = Network.builder(sim, t).trace(trace).linkEvent(0, 0.05, false).linkEvent(0, 0.3, true).build();
        Inbox in = new Inbox(sim);
        int a = idx(t, "A");
        int b = idx(t, "B");
        int c = idx(t, "C");
        List<int[]> routes = new ArrayList<>();
        sim.scheduleAt(0.1, (x, y, z) -> routes.add(net.route(a, b)), 0, 0, 0);
        sendAt(sim, net, in, 0.2, a, b, 200_000, 1);  // detour: 0.2 -> 0.22, 0.221 -> 0.241, arrives 0.242
        sendAt(sim, net, in, 0.4, a, b, 200_000, 2);  // direct again: 0.4 -> 0.42, arrives 0.425
        sim.run();
        assertArrayEquals(new int[] {a, c, b}, routes.get(0));
        assertEquals(0.242, in.byTag(1).time(), EPS);
        assertEquals(0.425, in.byTag(2).time(), EPS);
        List<Hop> hops = trace.hops;
        assertEquals(3, hops.size());
        assertEquals(c, hops.get(0).dst());
        assertEquals(c, hops.get(1).src());
        assertEquals(a, hops.get(2).src());
        assertEquals(b, hops.get(2).dst());
    }

    @Test
    void linkEventsAreValidated() {
        Topology t = link(nodes("A", "B"), "A", "B", 10, 5);
        Simulator sim = new Simulator();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.builder(sim, t).linkEvent(3, 1, false).build());
        assertTrue(e.getMessage().contains("link index 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Network.builder(sim, t).linkEvent(0, -1, false).build());
        assertTrue(e.getMessage().contains("A -- B"), e.getMessage());
    }
}
