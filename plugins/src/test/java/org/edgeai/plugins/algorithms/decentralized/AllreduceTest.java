package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class AllreduceTest {

    private static final AllreduceRingProvider RING = new AllreduceRingProvider();
    private static final AllreduceTreeProvider TREE = new AllreduceTreeProvider();

    /** Largest chunk: ⌈d/N⌉ values. */
    private static int maxChunk(int d, int n) {
        return (d + n - 1) / n;
    }

    @Test
    void ringMessagesBitsAndRoundTimeFollowTheClosedForms() {
        for (int n : new int[] {5, 6, 7}) { // 650 = 5 * 130; 650 = 6 * 108 + 2; 650 = 7 * 92 + 6
            Workload w = Fixture.digits(n);
            int d = w.dimension();
            double gflops = 2;
            Topology t = Fixture.uniform(Fixture.ring(n), 20, 10, gflops);
            int[] sentBy = new int[n];
            long[] gradientMsgs = new long[1];
            Fixture.Run run = Fixture.run(t, w, Compressors.none(), RING, Fixture.params(), 2, NetworkEffects.DEFAULTS,
                    ev -> {
                        if (ev instanceof SimEvent.HopStarted h) {
                            sentBy[h.src()]++;
                            assertEquals((h.src() + 1) % n, h.dst(), "ring in node order");
                            gradientMsgs[0] += h.kind() == MessageKind.GRADIENT ? 1 : 0;
                        }
                    });
            double compute = w.flopsPerGradient(0) / (gflops * 1e9);
            double step = 32.0 * maxChunk(d, n) / 20e6 + 0.010;
            for (int r = 1; r <= 2; r++) {
                RoundMetrics m = run.round();
                assertEquals(2L * n * (n - 1) * r, m.messages(), "N = " + n);
                assertEquals(2L * (n - 1) * 32 * d * r, m.messageBits(), "each chunk travels 2(N-1) hops");
                assertEquals(r * (compute + 2 * (n - 1) * step), m.timeS(), 1e-12, "N = " + n);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(2 * 2 * (n - 1), sentBy[i], "2(N-1) transfers per node and round");
            }
            assertEquals(2L * 2 * n * (n - 1), gradientMsgs[0]);
        }
    }

    @Test
    void ringAndTreeTakeExactlyTheMeanGradientStep() {
        int n = 6;
        Workload w = Fixture.digits(n);
        double eta = 0.7;
        double[] expected = Fixture.meanGradientStep(w, eta);
        for (var provider : new org.edgeai.model.engine.AlgorithmProvider[] {RING, TREE}) {
            for (Topology t : new Topology[] {Fixture.ring(n), Fixture.star(n),
                    Fixture.generated("erdos-renyi", Map.of("nodes", n, "p", 0.5, "connected", true), 4)}) {
                Fixture.Run run = Fixture.run(t, w, provider, Fixture.params("learningRate", eta), 1);
                RoundMetrics m = run.round();
                assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-6, provider.id());
                assertEquals(0.0, m.values().get(RunSetup.CONSENSUS_ERROR), 1e-12, "replicas stay identical");
                long perRound = provider == RING ? 2L * n * (n - 1) : 2L * (n - 1);
                assertEquals(perRound, m.messages(), provider.id() + " messages end to end (routed where needed)");
            }
        }
    }

    @Test
    void ringRoutesBetweenRingNeighboursThatAreNotLinked() {
        int n = 5;
        // Star: n1 -> n2 is routed n1 -> n0 -> n2 (2 hops); n0 -> n1 and n4 -> n0 are links (1 hop).
        Fixture.Run run = Fixture.run(Fixture.star(n), Fixture.consensus(n, 10), RING, Fixture.params(), 1);
        RoundMetrics m = run.round();
        long messagesPerPair = 2L * (n - 1);
        assertEquals(n * messagesPerPair, m.messages());
        assertEquals((2 + 3 * 2) * messagesPerPair, m.hops(), "two direct pairs, three routed pairs of two hops");
    }

    @Test
    void onTheConsensusTaskBothReachTheExactAverageInOneRound() {
        int n = 7;
        int d = 5; // d < N: the ring has chunks of one value and empty ones (1-bit messages)
        for (var provider : new org.edgeai.model.engine.AlgorithmProvider[] {RING, TREE}) {
            Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, d), provider, Fixture.params(), 1);
            double[] x0 = run.x();
            RoundMetrics m = run.round();
            double[] x1 = run.x();
            for (int k = 0; k < d; k++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x0[i * d + k] / n;
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(mean, x1[i * d + k], 1e-6, provider.id());
                }
            }
            assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < 1e-12, provider.id());
            long expectedBits = provider == RING ? 2L * (n - 1) * (5 * 32 + 2 * 1) : 2L * (n - 1) * 32 * d;
            assertEquals(expectedBits, m.messageBits(), provider.id() + ": empty chunks cost 1 bit");
        }
    }

    @Test
    void compressedChunksCostTheFormulaBits() {
        int n = 6;
        Workload w = Fixture.digits(n);
        int d = w.dimension();
        CompressionScheme c = Compressors.topk(0.1, true);
        Fixture.Run run = Fixture.run(Fixture.ring(n), w, c, RING, Fixture.params(), 1, NetworkEffects.DEFAULTS);
        RoundMetrics m = run.round();
        long perChunkTrip = 0;
        for (int k = 0; k < n; k++) {
            int size = d / n + (k < d % n ? 1 : 0);
            perChunkTrip += c.bits(size);
        }
        assertEquals(2L * (n - 1) * perChunkTrip, m.messageBits());
        Fixture.Run tree = Fixture.run(Fixture.ring(n), w, c, TREE, Fixture.params(), 1, NetworkEffects.DEFAULTS);
        assertEquals(2L * (n - 1) * c.bits(d), tree.round().messageBits());
    }

    @Test
    void treeRootIsTheCentreAndTheRoundTakesTwiceTheDepth() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> {
            Topology two = Fixture.ring(4);
            two.removeLink("n0", "n1");
            two.removeLink("n2", "n3");
            AllreduceTree.centre(two.indexed(), "allreduce-tree");
        });
        assertTrue(ex.getMessage().contains("connected"), ex.getMessage());
        Topology split = Fixture.ring(6);
        split.removeLink("n0", "n1");
        split.removeLink("n3", "n4");
        IllegalArgumentException ring = assertThrows(IllegalArgumentException.class,
                () -> Fixture.run(split, Fixture.consensus(6, 2), RING, Fixture.params(), 1));
        assertTrue(ring.getMessage().startsWith("allreduce-ring: the topology must be connected"), ring.getMessage());
        assertEquals(2, AllreduceTree.centre(Fixture.path(5).indexed(), "t"));
        assertEquals(0, AllreduceTree.centre(Fixture.star(6).indexed(), "t"));
        assertEquals(0, AllreduceTree.centre(Fixture.ring(6).indexed(), "t"), "ties go to the lowest index");
        assertEquals(1, AllreduceTree.centre(Fixture.path(4).indexed(), "t"));
        assertArrayEquals(new int[] {1, 2, -1, 2, 3}, AllreduceTree.bfsParents(Fixture.path(5).indexed(), 2));
        // Ring of 6 from n0: n1 and n5 at depth 1, n2 (from n1) and n4 (from n5), n3 from n2, dequeued before n4.
        assertArrayEquals(new int[] {-1, 0, 1, 2, 5, 0}, AllreduceTree.bfsParents(Fixture.ring(6).indexed(), 0));

        int n = 5;
        Workload w = Fixture.digits(n);
        int d = w.dimension();
        double gflops = 3;
        double compute = w.flopsPerGradient(0) / (gflops * 1e9);
        double hop = 32.0 * d / 20e6 + 0.010;
        Fixture.Run star = Fixture.run(Fixture.uniform(Fixture.star(n), 20, 10, gflops), w, TREE, Fixture.params(), 2);
        assertEquals(compute + 2 * hop, star.round().timeS(), 1e-12, "leaves -> centre -> leaves");
        Fixture.Run path = Fixture.run(Fixture.uniform(Fixture.path(n), 20, 10, gflops), w, TREE, Fixture.params(), 2);
        RoundMetrics m = path.round();
        assertEquals(compute + 4 * hop, m.timeS(), 1e-12, "depth 2 up and down from n2");
        assertEquals(2L * (n - 1), m.messages());
        assertEquals(2L * (n - 1) * 32 * d, m.messageBits());
    }

    @Test
    void droppedDevicesAreLeftOutOfTheAverage() {
        int n = 8;
        Workload w = Fixture.digits(n);
        double eta = 0.5;
        for (var provider : new org.edgeai.model.engine.AlgorithmProvider[] {RING, TREE}) {
            Fixture.Run run = Fixture.run(Fixture.ring(n), w, Compressors.none(), provider,
                    Fixture.params("learningRate", eta), 1, NetworkEffects.DEFAULTS.withDropout(0.3));
            Engine e = run.engine();
            boolean[] dropped = new boolean[n];
            int active = 0;
            for (int i = 0; i < n; i++) {
                dropped[i] = e.faults().isDropped(0, i);
                active += dropped[i] ? 0 : 1;
            }
            assertTrue(active > 1 && active < n, "seed drops some: " + active);
            var twin = w.newState(1);
            int d = twin.dimension();
            float[] g = twin.newMatrix();
            int[] list = Dsgd.listOf(negate(dropped));
            twin.gradients(list, twin.x(), g);
            double[] mean = new double[d];
            for (int i : list) {
                for (int k = 0; k < d; k++) {
                    mean[k] += (double) g[i * d + k] / active;
                }
            }
            double[] x0 = run.x();
            run.round();
            double[] x1 = run.x();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    double expected = dropped[i] ? x0[i * d + k] : x0[i * d + k] - eta * mean[k];
                    assertEquals(expected, x1[i * d + k], 1e-6, provider.id() + " node " + i);
                }
            }
        }
    }

    private static boolean[] negate(boolean[] b) {
        boolean[] o = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            o[i] = !b[i];
        }
        return o;
    }
}
