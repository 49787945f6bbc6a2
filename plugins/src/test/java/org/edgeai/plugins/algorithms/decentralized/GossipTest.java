package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.SplittableRandom;

import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class GossipTest {

    private static final GossipAvgProvider AVG = new GossipAvgProvider();
    private static final GossipSgdProvider SGD = new GossipSgdProvider();

    private static double[] columnSums(double[] x, int n, int d) {
        double[] s = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                s[k] += x[i * d + k];
            }
        }
        return s;
    }

    @Test
    void theSumIsPreservedAndTheValuesConvergeEvenWhenExchangesOverlap() {
        int n = 16;
        int d = 3;
        int rounds = 60;
        // 10 ms links (few overlaps) and 2 s links (every node is in several exchanges at once).
        for (double latencyMs : new double[] {10, 2000}) {
            Topology t = Fixture.uniform(Fixture.ring(n), 20, latencyMs, 5);
            Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), AVG, Fixture.params(), rounds);
            double[] sum0 = columnSums(run.x(), n, d);
            double ce0 = Fixture.consensusError(run.x(), n, d);
            RoundMetrics m = null;
            for (int r = 1; r <= rounds; r++) {
                m = run.round();
                double[] sum = columnSums(run.x(), n, d);
                for (int k = 0; k < d; k++) {
                    assertEquals(sum0[k], sum[k], 2e-5, "latency " + latencyMs + " round " + r);
                }
            }
            // Slow links leave time for few sequential exchanges: 60 rounds are ~60 s, ~30 link latencies.
            double factor = latencyMs < 100 ? 1e-3 : 0.1;
            assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < factor * ce0,
                    "latency " + latencyMs + ": " + m.values() + " from " + ce0);
            // A wake-up that finds i or j busy in another exchange does nothing: at most 2N messages a round.
            assertTrue(m.messages() <= 2L * n * rounds && m.messages() > 0);
            assertEquals(m.messages() * 32 * d, m.messageBits());
        }
    }

    /**
     * The final values equal those of an event-by-event model of ALGORITHMS.md's rule written here independently:
     * the same wake-up stream (gap, node, neighbour position), busy nodes skipping, each exchange completing
     * {@code bits / bandwidth + latency} after its wake-up and setting both nodes to the mean of the values sent.
     * With 2 s links on 3000 nodes thousands of exchanges overlap, so a slot or record handed out twice, or one
     * recycled before its exchange completed, shows as a wrong value.
     */
    @Test
    void finalValuesMatchAnIndependentEventByEventModel() {
        int n = 3000;
        int rounds = 6;
        double mbps = 20;
        double latencyMs = 2000;
        Topology t = Fixture.uniform(Fixture.generated("random-regular", Map.of("nodes", n, "degree", 3), 1), mbps,
                latencyMs, 5);
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, 1), AVG, Fixture.params(), rounds);
        float[] x = new float[n];
        double[] x0 = run.x();
        for (int i = 0; i < n; i++) {
            x[i] = (float) x0[i];
        }
        for (int r = 0; r < rounds; r++) {
            run.round();
        }

        IndexedGraph g = t.indexed();
        SplittableRandom rng = run.engine().streams().stream("algorithm.gossip");
        long total = (long) rounds * n;
        boolean[] busy = new boolean[n];
        ArrayDeque<double[]> inFlight = new ArrayDeque<>(); // {arrival, i, j, mean}: equal delays, so FIFO
        double transfer = 32 / (mbps * 1e6);
        double now = Draws.exponential(rng, n);
        int maxInFlight = 0;
        for (long w = 0; w < total; w++) {
            double gap = w + 1 < total ? Draws.exponential(rng, n) : 0;
            int i = Draws.uniformInt(rng, n);
            int k = Draws.uniformInt(rng, g.degree(i));
            while (!inFlight.isEmpty() && inFlight.peek()[0] < now) {
                complete(inFlight.poll(), x, busy);
            }
            int j = g.adjacency()[g.offset(i) + k];
            if (!busy[i] && !busy[j]) {
                busy[i] = true;
                busy[j] = true;
                inFlight.add(new double[] {now + transfer + latencyMs / 1e3, i, j, (x[i] + x[j]) * 0.5f});
                maxInFlight = Math.max(maxInFlight, inFlight.size());
            }
            now += gap;
        }
        while (!inFlight.isEmpty()) {
            complete(inFlight.poll(), x, busy);
        }
        // More than the initial pools hold (256 exchange slots, 1024 message records): both grew and wrapped.
        assertTrue(maxInFlight > 1024, "most exchanges in flight at once: " + maxInFlight);
        double[] got = run.x();
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], (float) got[i], 0.0f, "node " + i);
        }
    }

    private static void complete(double[] e, float[] x, boolean[] busy) {
        int i = (int) e[1];
        int j = (int) e[2];
        x[i] = (float) e[3];
        x[j] = (float) e[3];
        busy[i] = false;
        busy[j] = false;
    }

    @Test
    void aMetricsRoundIsNWakeUpsOfAPoissonProcessOfRateN() {
        int n = 16;
        int rounds = 50;
        // A network so fast that exchanges never overlap the next wake-up: counts per round are exact.
        Topology t = Fixture.uniform(Fixture.ring(n), 1e9, 0, 5);
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, 1), AVG, Fixture.params(), rounds);
        RoundMetrics m = null;
        for (int r = 1; r <= rounds; r++) {
            m = run.round();
            assertEquals(2L * n * r, m.messages(), "round " + r);
        }
        // N wake-ups at rate N take 1 s on average: 50 rounds ~ 50 s, standard deviation sqrt(800)/16 = 1.77 s.
        assertEquals(50.0, m.timeS(), 6.0);
    }

    @Test
    void twoNodesMeetAtTheirMeanAfterEveryWakeUp() {
        Topology t = new Topology();
        t.putNode(new Node("a", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        t.putNode(new Node("b", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        t.putLink(new Link("a", "b", 20, 10, null));
        Fixture.Run run = Fixture.run(t, Fixture.consensus(2, 4), AVG, Fixture.params(), 1);
        double[] x0 = run.x();
        RoundMetrics m = run.round();
        double[] x1 = run.x();
        for (int k = 0; k < 4; k++) {
            double mean = (x0[k] + x0[4 + k]) / 2;
            assertEquals(mean, x1[k], 1e-6);
            assertEquals(x1[k], x1[4 + k], 0.0, "both set the same mean");
        }
        assertEquals(0.0, m.values().get(RunSetup.CONSENSUS_ERROR), 0.0);
    }

    @Test
    void gossipSgdStepsTheWakingNodeThenAverages() {
        Topology t = new Topology();
        t.putNode(new Node("a", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        t.putNode(new Node("b", NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        t.putLink(new Link("a", "b", 1e9, 0, null));
        Workload w = Fixture.digits(2);
        double eta = 0.5;
        Fixture.Run run = Fixture.run(t, w, SGD, Fixture.params("learningRate", eta), 3);
        // Replay the wake-ups from the algorithm's stream (seed 3, as Fixture builds the engine).
        SplittableRandom rng = new SeedStreams(3).stream("algorithm.gossip");
        LearningState twin = w.newState(1);
        int d = twin.dimension();
        float[] x = twin.x();
        float[] g = new float[d];
        Draws.exponential(rng, 2);
        for (int r = 1; r <= 3; r++) {
            for (int wake = 0; wake < 2; wake++) {
                if (!(r == 3 && wake == 1)) {
                    Draws.exponential(rng, 2); // the next wake-up's gap, drawn first (none after the last)
                }
                int i = Draws.uniformInt(rng, 2);
                assertEquals(0, Draws.uniformInt(rng, 1));
                twin.gradient(i, x, i * d, g, 0);
                for (int k = 0; k < d; k++) {
                    x[i * d + k] -= (float) eta * g[k];
                }
                for (int k = 0; k < d; k++) {
                    float mean = (x[k] + x[d + k]) * 0.5f;
                    x[k] = mean;
                    x[d + k] = mean;
                }
            }
            RoundMetrics m = run.round();
            float[] got = run.learning().x();
            for (int k = 0; k < 2 * d; k++) {
                assertEquals(x[k], got[k], 1e-6, "round " + r + " value " + k);
            }
            assertEquals(2.0 * r * w.flopsPerGradient(0) / 5e9, m.computeSeconds(), 1e-12, "one gradient per wake-up");
        }
        assertTrue(run.learning().metrics().loss() < Math.log(10), "loss fell below the uniform guess");
    }

    @Test
    void gossipSgdLearnsOnARing() {
        int n = 8;
        Workload w = Fixture.digits(n);
        Fixture.Run run = Fixture.run(Fixture.ring(n), w, SGD, Fixture.params("learningRate", 0.2), 40);
        double loss0 = run.learning().metrics().loss();
        RoundMetrics m = null;
        for (int r = 0; r < 40; r++) {
            m = run.round();
        }
        assertTrue(m.values().get(RunSetup.LOSS) < 0.5 * loss0, m.values() + " from " + loss0);
        assertTrue(m.values().get(RunSetup.ACCURACY) > 0.8, m.values().toString());
    }

    @Test
    void compressedGossipConvergesAndChargesTheFormulaBits() {
        int n = 10;
        int d = 8;
        Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, d), Compressors.fp16(), AVG,
                Fixture.params(), 20, NetworkEffects.DEFAULTS);
        double[] sum0 = columnSums(run.x(), n, d);
        double ce0 = Fixture.consensusError(run.x(), n, d);
        RoundMetrics m = null;
        for (int r = 0; r < 20; r++) {
            m = run.round();
        }
        double[] sum = columnSums(run.x(), n, d);
        for (int k = 0; k < d; k++) {
            assertEquals(sum0[k], sum[k], 2e-2, "the sum moves only by the half-precision rounding");
        }
        assertEquals(m.messages() * 16 * d, m.messageBits(), "fp16: 16 bits a value");
        assertTrue(m.messages() > n * 20, "most wake-ups exchange");
        assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < 1e-2 * ce0);
    }

    @Test
    void droppedNodesNeitherWakeNorAnswer() {
        int n = 6;
        Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, 2), Compressors.none(), AVG, Fixture.params(), 3,
                NetworkEffects.DEFAULTS.withDropout(1.0));
        double[] x0 = run.x();
        RoundMetrics m = null;
        for (int r = 0; r < 3; r++) {
            m = run.round();
        }
        assertEquals(0, m.messages());
        assertEquals(0.0, Fixture.maxAbsDiff(x0, run.x()));
    }
}
