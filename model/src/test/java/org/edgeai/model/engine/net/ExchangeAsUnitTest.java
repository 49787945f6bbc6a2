package org.edgeai.model.engine.net;

import static org.edgeai.model.engine.net.TestNets.idx;
import static org.edgeai.model.engine.net.TestNets.link;
import static org.edgeai.model.engine.net.TestNets.nodes;
import static org.edgeai.model.engine.net.TestNets.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * The exchange delivered as a unit ({@link ExchangeHandler}) against the same exchanges delivered message by
 * message: the unit's completion must come exactly when, and in the order in which, the second of its two messages
 * is delivered, with the same trace and counters, whichever way the network carries it (one record-less event, two
 * records on fast links, or the FIFO queues of a shared-capacity node).
 */
class ExchangeAsUnitTest {

    /** What one run observed: completions (time, tag) in order, the trace, and the network's counters. */
    private record Run(List<String> completions, List<TestNets.Hop> hops, List<Long> counters, long events) {
    }

    @Test
    void completionsEqualTheSecondDeliveriesWithATrace() {
        for (long seed = 1; seed <= 3; seed++) {
            Run units = run(seed, true, true);
            Run messages = run(seed, true, false);
            assertEquals(messages.completions(), units.completions(), "seed " + seed);
            assertEquals(messages.hops(), units.hops(), "seed " + seed);
            assertEquals(messages.counters(), units.counters(), "seed " + seed);
            assertTrue(units.completions().size() > 300, "exchanges completed: " + units.completions().size());
        }
    }

    @Test
    void completionsEqualTheSecondDeliveriesWithoutATrace() {
        for (long seed = 1; seed <= 3; seed++) {
            Run units = run(seed, false, true);
            Run messages = run(seed, false, false);
            assertEquals(messages.completions(), units.completions(), "seed " + seed);
            assertEquals(messages.counters(), units.counters(), "seed " + seed);
            // The same events: the record-less unit takes the place of the two hops' shared event.
            assertEquals(messages.events(), units.events(), "seed " + seed);
        }
    }

    @Test
    void aRecordLessExchangeCountsAsTwoMessagesInFlightUntilItArrives() {
        Topology t = link(nodes("A", "B"), "A", "B", 10, 5);
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        List<Double> done = new ArrayList<>();
        net.exchange(0, 0, 1000, 1000, MessageKind.MODEL, 0, (ExchangeHandler) tag -> done.add(sim.now()), 7);
        assertEquals(2, net.messagesInFlight());
        assertEquals(2000, net.linkBits());
        sim.run();
        assertEquals(List.of(1000 / 10e6 + 0.005), done);
        assertEquals(0, net.messagesInFlight());
        assertEquals(2, net.messagesDelivered());
        assertEquals(2, net.hopsArrived());
        assertEquals(1, sim.eventsProcessed(), "one event for the whole exchange");
    }

    /**
     * Random exchanges on a ring of devices with two link classes and a server with a shared access capacity (its
     * links take the queued path): sizes equal (hops arriving together) or not, at random times, so that hops queue
     * behind each other.
     */
    private static Run run(long seed, boolean traced, boolean asUnits) {
        Topology t = nodes("D0", "D1", "D2", "D3", "D4", "D5");
        for (int i = 0; i < 6; i++) {
            link(t, "D" + i, "D" + ((i + 1) % 6), i % 2 == 0 ? 10 : 25, i % 3 == 0 ? 2 : 5);
        }
        server(t, "S", 30);
        link(t, "S", "D0", 50, 1);
        link(t, "S", "D3", 50, 1);
        Simulator sim = new Simulator();
        TestNets.Hops trace = new TestNets.Hops();
        Network.Builder b = Network.builder(sim, t);
        if (traced) {
            b.trace(trace);
        }
        Network net = b.build();
        List<String> completions = new ArrayList<>();
        ExchangeHandler unit = tag -> completions.add(sim.now() + " " + tag);
        int[] left = new int[400];
        MessageHandler perMessage = (msg, src, dst, tag) -> {
            if (--left[(int) tag] == 0) {
                completions.add(sim.now() + " " + tag);
            }
        };
        SplittableRandom r = new SplittableRandom(seed);
        int server = idx(t, "S");
        EventHandler driver = (code, a, c) -> {
            int src = r.nextInt(10) == 0 ? server : r.nextInt(6);
            int k = r.nextInt(net.degree(src));
            long bits = 1000 + 500L * r.nextInt(3);
            long back = r.nextBoolean() ? bits : 1000 + 700L * r.nextInt(3);
            left[a] = 2;
            if (asUnits) {
                net.exchange(src, k, bits, back, MessageKind.MODEL, a / 100, unit, a);
            } else {
                net.exchange(src, k, bits, back, MessageKind.MODEL, a / 100, perMessage, a, a);
            }
        };
        double time = 0;
        for (int x = 0; x < 400; x++) {
            time += r.nextDouble() * 2e-4;
            sim.scheduleAt(time, driver, 0, x, 0);
        }
        sim.run();
        return new Run(completions, trace.hops, List.of(net.messagesSent(), net.messageBits(), net.hopsCommitted(),
                net.linkBits(), net.hopsArrived(), net.messagesDelivered(), (long) net.messagesInFlight()),
                sim.eventsScheduled());
    }
}
