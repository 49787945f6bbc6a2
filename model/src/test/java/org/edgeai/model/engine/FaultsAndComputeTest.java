package org.edgeai.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class FaultsAndComputeTest {

    /** 1,000 devices and one server (index 1000), no links needed. */
    private static IndexedGraph population() {
        Topology t = new Topology();
        for (int i = 0; i < 1000; i++) {
            t.putNode(new Node("d" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        }
        t.putNode(new Node("s", NodeKind.SERVER, 200, 65536, 0, 0, "", null));
        return t.indexed();
    }

    @Test
    void stragglerAndDropoutFrequenciesMatchTheirProbabilitiesAndAreIndependent() {
        IndexedGraph g = population();
        NetworkEffects fx = NetworkEffects.DEFAULTS.withStragglers(0.2, 4).withDropout(0.1);
        Faults f = new Faults(g, fx, new SeedStreams(42));
        int rounds = 400;
        long n = 1000L * rounds;
        long dropped = 0;
        long straggling = 0;
        long both = 0;
        for (int r = 0; r < rounds; r++) {
            int[] active = f.activeDevices(r);
            int k = 0;
            for (int i = 0; i < 1000; i++) {
                boolean d = f.isDropped(r, i);
                boolean s = f.isStraggler(r, i);
                dropped += d ? 1 : 0;
                straggling += s ? 1 : 0;
                both += d && s ? 1 : 0;
                assertEquals(d, !f.isActive(r, i));
                if (!d) {
                    assertEquals(i, active[k++], "activeDevices lists the active devices in order");
                }
                assertEquals(s ? 4.0 : 1.0, f.computeSlowdown(r, i));
            }
            assertEquals(k, active.length);
            assertTrue(f.isActive(r, 1000) && !f.isStraggler(r, 1000), "servers never drop out nor straggle");
        }
        // Binomial standard deviations: 0.00047 (dropout), 0.00063 (straggler), 0.00022 (both); bounds ~6 sd.
        assertEquals(0.1, dropped / (double) n, 0.003);
        assertEquals(0.2, straggling / (double) n, 0.004);
        assertEquals(0.02, both / (double) n, 0.0015);
    }

    @Test
    void faultsAreAFunctionOfTheSeed() {
        IndexedGraph g = population();
        NetworkEffects fx = NetworkEffects.DEFAULTS.withStragglers(0.3, 2).withDropout(0.3).withComputeSpread(0.4);
        Faults a = new Faults(g, fx, new SeedStreams(7));
        Faults b = new Faults(g, fx, new SeedStreams(7));
        Faults c = new Faults(g, fx, new SeedStreams(8));
        List<Boolean> da = new ArrayList<>();
        List<Boolean> db = new ArrayList<>();
        List<Boolean> dc = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            for (int i = 0; i < 1000; i++) {
                da.add(a.isDropped(r, i));
                da.add(a.isStraggler(r, i));
                db.add(b.isDropped(r, i));
                db.add(b.isStraggler(r, i));
                dc.add(c.isDropped(r, i));
                dc.add(c.isStraggler(r, i));
            }
            assertArrayEquals(a.activeDevices(r), b.activeDevices(r));
        }
        assertEquals(da, db);
        assertNotEquals(da, dc);
        assertArrayEquals(a.speedFactors(), b.speedFactors());
        assertFalse(Arrays.equals(a.speedFactors(), c.speedFactors()));
        // Asking in another order gives the same answers (counter-based draws).
        assertEquals(a.isDropped(19, 999), new Faults(g, fx, new SeedStreams(7)).isDropped(19, 999));
    }

    @Test
    void speedFactorsAreLognormalWithMedianOneAndExactlyOneWithoutSpread() {
        IndexedGraph g = population();
        Faults none = new Faults(g, NetworkEffects.DEFAULTS, new SeedStreams(1));
        for (double f : none.speedFactors()) {
            assertEquals(1.0, f);
        }
        Faults spread = new Faults(g, NetworkEffects.DEFAULTS.withComputeSpread(0.5), new SeedStreams(1));
        double[] logs = Arrays.stream(spread.speedFactors()).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (logs.length - 1));
        assertEquals(0.0, mean, 0.05);   // sd of the mean: 0.5 / sqrt(1001) = 0.016
        assertEquals(0.5, sd, 0.04);
    }

    @Test
    void computeIsFifoPerNodeAndParallelAcrossNodes() {
        IndexedGraph g = population();
        Simulator sim = new Simulator();
        Faults f = new Faults(g, NetworkEffects.DEFAULTS, new SeedStreams(3));
        double[] gflops = new double[g.nodeCount()];
        Arrays.fill(gflops, 5);
        gflops[1000] = 200;
        ComputeUnits cu = new ComputeUnits(sim, gflops, f);
        List<double[]> done = new ArrayList<>();
        ComputeHandler h = (node, tag) -> done.add(new double[] {sim.now(), node, tag});
        // node 0 at 5 GFLOP/s: 1e9 FLOPs -> 0.2 s; then 2e9 queued -> 0.2 .. 0.6.
        assertEquals(0.2, cu.compute(0, 1e9, 0, h, 1), 1e-15);
        assertEquals(0.6, cu.compute(0, 2e9, 0, h, 2), 1e-15);
        // node 1 in parallel: 5e8 -> 0.1; the server: 2e9 at 200 GFLOP/s -> 0.01.
        assertEquals(0.1, cu.compute(1, 5e8, 0, h, 3), 1e-15);
        assertEquals(0.01, cu.compute(1000, 2e9, 0, h, 4), 1e-15);
        sim.run();
        assertEquals(4, done.size());
        assertArrayEquals(new double[] {0.01, 1000, 4}, done.get(0), 1e-15);
        assertArrayEquals(new double[] {0.1, 1, 3}, done.get(1), 1e-15);
        assertArrayEquals(new double[] {0.2, 0, 1}, done.get(2), 1e-15);
        assertArrayEquals(new double[] {0.6, 0, 2}, done.get(3), 1e-15);
        // Idle again: work given at 1.0 starts at once.
        sim.scheduleAt(1.0, (c, a, b) -> cu.compute(0, 5e8, 1, h, 5), 0, 0, 0);
        sim.run();
        assertArrayEquals(new double[] {1.1, 0, 5}, done.get(4), 1e-12);
        assertEquals(0.2 + 0.4 + 0.1 + 0.01 + 0.1, cu.busySeconds(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> cu.compute(0, -1, 0, h, 0));
        assertThrows(IllegalArgumentException.class, () -> cu.compute(1001, 1, 0, h, 0));
    }

    @Test
    void speedFactorsAndStragglersScaleComputeTime() {
        IndexedGraph g = population();
        Simulator sim = new Simulator();
        Faults f = new Faults(g, NetworkEffects.DEFAULTS.withComputeSpread(0.7).withStragglers(1.0, 4), new SeedStreams(9));
        double[] gflops = new double[g.nodeCount()];
        Arrays.fill(gflops, 5);
        ComputeUnits cu = new ComputeUnits(sim, gflops, f);
        for (int i : new int[] {0, 17, 999}) {
            double expected = 1e9 / (5 * 1e9 * f.speedFactor(i)) * 4; // every device straggles (p = 1)
            assertEquals(expected, cu.duration(i, 1e9, 3), 1e-15);
        }
        assertNotEquals(f.speedFactor(0), f.speedFactor(17));
        double server = 1e9 / (5 * 1e9 * f.speedFactor(1000));
        assertEquals(server, cu.duration(1000, 1e9, 3), 1e-15, "servers do not straggle");
    }

    @Test
    void effectsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkEffects.DEFAULTS.withDropout(1.5));
        assertTrue(e.getMessage().contains("dropoutProbability") && e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkEffects.DEFAULTS.withStragglers(0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> NetworkEffects.DEFAULTS.withComputeSpread(-1));
        assertThrows(IllegalArgumentException.class, () -> NetworkEffects.DEFAULTS.withRoundDeadline(0.0));
        assertThrows(IllegalArgumentException.class, () -> LinkEvent.down(-1, "a", "b"));
    }
}
