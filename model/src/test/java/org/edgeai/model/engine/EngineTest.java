package org.edgeai.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final double EPS = 1e-12;

    /** Server s (index 0) and devices d1..dk; links 10 Mbit/s, 5 ms. */
    static Topology star(int devices) {
        Topology t = new Topology();
        t.putNode(new Node("s", NodeKind.SERVER, 200, 65536, 0, 0, "", null));
        for (int i = 1; i <= devices; i++) {
            t.putNode(new Node("d" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
            t.putLink(new Link("s", "d" + i, 10, 5, null));
        }
        return t;
    }

    /**
     * A synchronous test algorithm: each round the server sends B bits [model] to every active device; each
     * computes F FLOPs and returns B bits [gradient]; the round ends when all replies are in.
     */
    static final class PingAlgorithm implements Algorithm {
        final SimulationContext ctx;
        final long bits;
        final double flops;
        int waiting;
        final List<Double> deadlines = new ArrayList<>();
        final List<Integer> started = new ArrayList<>();
        int stopAtRound = -1;

        PingAlgorithm(SimulationContext ctx, long bits, double flops) {
            this.ctx = ctx;
            this.bits = bits;
            this.flops = flops;
        }

        @Override
        public void onRoundStart(int round) {
            started.add(round);
            if (round == stopAtRound) {
                ctx.simulator().requestStop();
            }
            int[] active = ctx.faults().activeDevices(round);
            waiting = active.length;
            ctx.scheduleRoundDeadline(round, this, 7);
            for (int d : active) {
                ctx.network().send(0, d, bits, MessageKind.MODEL, round, this, round);
            }
            if (active.length == 0) {
                ctx.finishRound(round, Map.of("replies", 0.0));
            }
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            int round = (int) tag;
            if (dst != 0) {
                ctx.compute().compute(dst, flops, round, this, round);
            } else if (--waiting == 0) {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("replies", (double) ctx.faults().activeDevices(round).length);
                m.put("round_time", ctx.now() - ctx.roundStartTime(round));
                ctx.finishRound(round, m);
            }
        }

        @Override
        public void onComputeDone(int node, int tag) {
            ctx.network().send(node, 0, bits, MessageKind.GRADIENT, tag, this, tag);
        }

        @Override
        public void onEvent(int code, int a, int b) {
            assertEquals(7, code);
            deadlines.add(ctx.now());
        }
    }

    @Test
    void roundsRunInOrderWithHandComputedTimesAndCounters() {
        Engine e = Engine.builder(star(2), 1).rounds(3).build();
        PingAlgorithm alg = new PingAlgorithm(e, 100_000, 1e9);
        e.start(alg);
        // model: 0.01 s on the wire + 5 ms = 0.015; compute 1e9 / 5e9 = 0.2 -> 0.215; gradient back -> 0.230.
        assertEquals(Engine.Status.ROUND_FINISHED, e.runRound());
        assertEquals(0.23, e.now(), EPS);
        RoundMetrics m0 = e.history().get(0);
        assertEquals(0, m0.round());
        assertEquals(0.23, m0.timeS(), EPS);
        assertEquals(4, m0.messages());
        assertEquals(400_000, m0.messageBits());
        assertEquals(4, m0.hops());
        assertEquals(400_000, m0.linkBits());
        assertEquals(0.4, m0.computeSeconds(), EPS);
        assertEquals(List.of("replies", "round_time"), List.copyOf(m0.values().keySet()));
        assertEquals(0.23, m0.values().get("round_time"), EPS);
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        assertEquals(3, e.history().size());
        assertEquals(0.69, e.history().get(2).timeS(), EPS);
        assertEquals(0.46, e.roundStartTime(2), EPS);
        assertEquals(12, e.history().get(2).messages());
        assertEquals(List.of(0, 1, 2), alg.started);
        assertFalse(e.step());
        assertTrue(alg.deadlines.isEmpty(), "no deadline configured");
    }

    @Test
    void deadlinesFireAtRoundStartPlusTheDeadline() {
        Engine e = Engine.builder(star(2), 1).rounds(2)
                .effects(NetworkEffects.DEFAULTS.withRoundDeadline(0.1)).build();
        PingAlgorithm alg = new PingAlgorithm(e, 100_000, 1e9);
        e.start(alg);
        e.run();
        assertEquals(2, alg.deadlines.size());
        assertEquals(0.1, alg.deadlines.get(0), EPS);
        assertEquals(0.33, alg.deadlines.get(1), EPS);
    }

    @Test
    void aRequestedStopReturnsBetweenEventsAndResumeContinues() {
        Engine e = Engine.builder(star(2), 1).rounds(3).build();
        PingAlgorithm alg = new PingAlgorithm(e, 100_000, 1e9);
        alg.stopAtRound = 1;
        e.start(alg);
        assertEquals(Engine.Status.ROUND_FINISHED, e.runRound());
        assertEquals(Engine.Status.STOPPED, e.runRound());
        assertEquals(1, e.roundsFinished());
        assertEquals(0.23, e.now(), EPS, "stopped right after the round-1 start event");
        assertEquals(Engine.Status.STOPPED, e.run());
        e.resume();
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        assertEquals(0.69, e.now(), EPS);
    }

    @Test
    void aStalledAlgorithmReportsIdleAndRunUntilAdvancesTime() {
        Engine e = Engine.builder(star(1), 1).rounds(2).build();
        e.start(new Algorithm() {
            @Override
            public void onRoundStart(int round) {
                e.network().send(0, 1, 10, MessageKind.CONTROL, round, this, 0);
            }

            @Override
            public void onMessage(int msg, int src, int dst, long tag) {
                // never finishes the round
            }
        });
        assertEquals(Engine.Status.TIME_REACHED, e.runUntil(0.001));
        assertEquals(0.001, e.now(), EPS);
        assertEquals(Engine.Status.IDLE, e.runRound());
        assertEquals(Engine.Status.IDLE, e.runUntil(1.0));
        assertEquals(1.0, e.now(), EPS);
    }

    @Test
    void runsAreDeterministicWithFaultsAndTheTraceIsIdentical() {
        NetworkEffects fx = NetworkEffects.DEFAULTS.withDropout(0.4).withStragglers(0.3, 3).withComputeSpread(0.5);
        String f1 = runTraced(5, fx);
        String f2 = runTraced(5, fx);
        String f3 = runTraced(6, fx);
        assertEquals(f1, f2);
        assertNotEquals(f1, f3);
    }

    private static String runTraced(long seed, NetworkEffects fx) {
        Topology t = star(8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageTraceCsv csv = new MessageTraceCsv(out, t.indexed().ids(), false);
        Engine e = Engine.builder(t, seed).rounds(10).effects(fx).trace(csv).build();
        PingAlgorithm alg = new PingAlgorithm(e, 50_000, 2e8);
        e.start(alg);
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        e.close();
        // Dropped devices take no part: messages = 2 x active devices per round.
        long expected = 0;
        for (int r = 0; r < 10; r++) {
            expected += 2L * e.faults().activeDevices(r).length;
        }
        assertEquals(expected, e.history().get(9).messages());
        return csv.fingerprint() + " " + e.history().stream().map(m -> Double.toString(m.timeS())).toList();
    }

    @Test
    void theObserverSeesHopsComputeAndRounds() {
        List<SimEvent> seen = new ArrayList<>();
        Engine e = Engine.builder(star(1), 1).rounds(1).observer(seen::add).build();
        e.start(new PingAlgorithm(e, 100_000, 1e9));
        e.run();
        List<Class<?>> kinds = seen.stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(SimEvent.HopStarted.class, SimEvent.HopArrived.class, SimEvent.ComputeStarted.class,
                SimEvent.ComputeFinished.class, SimEvent.HopStarted.class, SimEvent.HopArrived.class,
                SimEvent.RoundFinished.class), kinds);
        SimEvent.HopStarted h = (SimEvent.HopStarted) seen.get(0);
        assertEquals(0.0, h.tSendS());
        assertEquals(0.015, h.tArriveS(), EPS);
        SimEvent.ComputeStarted c = (SimEvent.ComputeStarted) seen.get(2);
        assertArrayEquals(new double[] {0.015, 0.215}, new double[] {c.tStartS(), c.tEndS()}, EPS);
        assertTrue(((SimEvent.HopArrived) seen.get(5)).delivered());
    }

    @Test
    void aQueuedHopIsPublishedWhenCommittedWithItsLaterSendTime() {
        List<SimEvent> seen = new ArrayList<>();
        Engine e = Engine.builder(star(1), 1).rounds(1).observer(seen::add).build();
        // Two 100 kbit messages on the same 10 Mbit/s direction at t = 0: the second waits 10 ms for the first.
        e.start(new Algorithm() {
            int arrived;

            @Override
            public void onRoundStart(int round) {
                e.network().send(0, 1, 100_000, MessageKind.MODEL, round, this, 0);
                e.network().send(0, 1, 100_000, MessageKind.MODEL, round, this, 1);
            }

            @Override
            public void onMessage(int msg, int src, int dst, long tag) {
                if (++arrived == 2) {
                    e.finishRound(0, Map.of());
                }
            }
        });
        e.run();
        List<SimEvent.HopStarted> hops = seen.stream().filter(SimEvent.HopStarted.class::isInstance)
                .map(SimEvent.HopStarted.class::cast).toList();
        assertEquals(2, hops.size());
        assertArrayEquals(new double[] {0, 0, 0.015}, new double[] {hops.get(0).tQueuedS(), hops.get(0).tSendS(),
                hops.get(0).tArriveS()}, EPS);
        assertArrayEquals(new double[] {0, 0.010, 0.025}, new double[] {hops.get(1).tQueuedS(), hops.get(1).tSendS(),
                hops.get(1).tArriveS()}, EPS);
    }

    @Test
    void linkEventsAreGivenByNodeIdsAndUnknownLinksAreNamed() {
        NetworkEffects fx = NetworkEffects.DEFAULTS.withLinkEvents(List.of(LinkEvent.down(0.0, "d1", "s"),
                LinkEvent.up(1.0, "s", "d1")));
        Engine e = Engine.builder(star(1), 1).rounds(1).effects(fx).build();
        PingAlgorithm alg = new PingAlgorithm(e, 100_000, 1e9);
        e.start(alg);
        e.run();
        // The link is down until 1.0: the model leaves at 1.0, arrives 1.015; compute to 1.215; back at 1.23.
        assertEquals(1.23, e.now(), EPS);

        NetworkEffects bad = NetworkEffects.DEFAULTS.withLinkEvents(List.of(LinkEvent.down(0.5, "d1", "d9")));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Engine.builder(star(1), 1).effects(bad).build());
        assertTrue(ex.getMessage().contains("linkEvents[0]") && ex.getMessage().contains("d1 -- d9"), ex.getMessage());
    }

    @Test
    void roundsMustFinishInOrderAndExtensionsAreFoundByType() {
        Engine e = Engine.builder(star(1), 1).rounds(2).extension(String.class, "workload").build();
        assertEquals("workload", e.extension(String.class).orElseThrow());
        assertTrue(e.extension(Integer.class).isEmpty());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.finishRound(1, Map.of()));
        assertTrue(ex.getMessage().contains("expected round 0"), ex.getMessage());
        assertThrows(IllegalStateException.class, e::runRound);
    }
}
