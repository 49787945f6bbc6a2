package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.LeastSquaresWorkload;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hop;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

class PsSgdTest {

    private static final PsSgdProvider PS = new PsSgdProvider();
    /** digits / softmax: 64 x 10 weights + 10 biases. */
    private static final int D = 650;

    /** The server's model after {@code rounds} rounds of ps-sgd with the given parameters. */
    private static PsSgd run(Engine e, Object... params) {
        return (PsSgd) e.start(PS, Fixtures.params(PS, params));
    }

    @Test
    void fullBatchGradientsReachTheExactLeastSquaresOptimum() {
        // 4 devices x 50 samples of 10 Gaussian features: the pooled loss's Hessian 2 E[[a;1][a;1]^T] has
        // eigenvalues in about [1.2, 3.0], so eta = 0.3 contracts the error by at most max|1 - 0.3 lambda| ~ 0.64
        // per round: 60 rounds are far more than the 1e-4 needs (float parameters stop near 1e-7).
        Topology t = Fixtures.star(4, 100, 1, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.leastSquares(10, 50, 0.1, 32), 3);
        RunSetup s = Fixtures.setup(t, w, null, false);
        Engine e = Fixtures.engine(t, s, null, 60, 3, null);
        PsSgd alg = run(e, "fullBatch", true, "learningRate", 0.3);
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        double[] opt = ((LeastSquaresWorkload) w).optimum();
        float[] x = alg.groups[0].model;
        double err = 0;
        double norm = 0;
        for (int j = 0; j < opt.length; j++) {
            err += (x[j] - opt[j]) * (x[j] - opt[j]);
            norm += opt[j] * opt[j];
        }
        assertTrue(Math.sqrt(err / norm) < 1e-4, "relative error " + Math.sqrt(err / norm));
        // The reported loss is the server model's: at the optimum it is the optimal loss.
        double loss = e.history().get(59).values().get(RunSetup.LOSS);
        assertEquals(((LeastSquaresWorkload) w).optimalLoss(), loss, 1e-5 * loss);
        assertTrue(Double.isNaN(e.history().get(59).values().get(RunSetup.CONSENSUS_ERROR)));
    }

    @Test
    void oneRoundIsTheWeightedMeanOfTheDevicesMinibatchGradients() {
        Topology t = Fixtures.star(5, 100, 1, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("dirichlet", 0.5), 11);
        RunSetup s = Fixtures.setup(t, w, null, false);
        Engine e = Fixtures.engine(t, s, null, 1, 11, null);
        PsSgd alg = run(e, "learningRate", 0.2);
        e.run();
        // Independent: a second state from the same workload draws the same first minibatches.
        LearningState ref = w.newState(1);
        float[] x0 = new float[D];
        double[] sum = new double[D];
        double n = 0;
        float[] g = new float[D];
        for (int i = 0; i < 5; i++) {
            ref.gradient(i, x0, 0, g, 0);
            for (int j = 0; j < D; j++) {
                sum[j] += ref.samples(i) * (double) g[j];
            }
            n += ref.samples(i);
        }
        float[] x = alg.groups[0].model;
        for (int j = 0; j < D; j++) {
            assertEquals(-0.2 * sum[j] / n, x[j], 1e-6, "coordinate " + j);
        }
        RoundMetrics m = e.history().get(0);
        assertEquals(List.of(RunSetup.LOSS, RunSetup.ACCURACY, RunSetup.CONSENSUS_ERROR), List.copyOf(m.values().keySet()));
        assertEquals(ref.evaluate(x, 0).loss(), m.values().get(RunSetup.LOSS), 1e-12);
        assertEquals(ref.evaluate(x, 0).accuracy(), m.values().get(RunSetup.ACCURACY), 1e-12);
    }

    @Test
    void topkUplinkBitsAndModelDownlinkBitsPerRoundOnAOneHopStar() {
        int k = 4;
        Topology t = Fixtures.star(k, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 5);
        RunSetup s = Fixtures.setup(t, w, Compressors.topk(0.05, true), false);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, s, null, 3, 5, trace);
        run(e);
        e.run();
        // topk(0.05) of d = 650: k = round(32.5) = 33 values with ceil(log2 650) = 10-bit indices.
        long up = 33L * (32 + 10);
        long down = 32L * D;
        assertEquals(up, s.compression().bits(D));
        long prevMsgs = 0;
        long prevBits = 0;
        long prevLink = 0;
        for (int r = 0; r < 3; r++) {
            RoundMetrics m = e.history().get(r);
            assertEquals(2L * k, m.messages() - prevMsgs);
            assertEquals(k * up + k * down, m.messageBits() - prevBits);
            assertEquals(k * up + k * down, m.linkBits() - prevLink, "one hop each");
            prevMsgs = m.messages();
            prevBits = m.messageBits();
            prevLink = m.linkBits();
            List<Hop> hops = trace.of(r);
            assertEquals(2 * k, hops.size());
            assertEquals(k, hops.stream().filter(h -> h.kind() == MessageKind.MODEL && h.src() == 0 && h.bits() == down).count());
            assertEquals(k, hops.stream().filter(h -> h.kind() == MessageKind.GRADIENT && h.dst() == 0 && h.bits() == up).count());
        }
    }

    @Test
    void aRoundTakesModelDownPlusComputePlusGradientUpOnUniformLinks() {
        // Star of 3 devices, 10 Mbit/s and 5 ms links, devices at 5 GFLOP/s; topk uplink.
        Topology t = Fixtures.star(3, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 5);
        RunSetup s = Fixtures.setup(t, w, Compressors.topk(0.05, false), false);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, s, null, 2, 5, trace);
        run(e);
        e.run();
        double down = 32.0 * D / 10e6 + 0.005;
        double compute = w.flopsPerGradient(0) / 5e9;
        double up = 33.0 * 42 / 10e6 + 0.005;
        // softmax: the gradient of 32 samples is 32 times the per-sample FLOPs.
        assertEquals(32L * w.flopsPerSample(), w.flopsPerGradient(0));
        double round = down + compute + up;
        assertEquals(round, e.history().get(0).timeS(), 1e-12);
        assertEquals(2 * round, e.history().get(1).timeS(), 1e-12);
        for (Hop h : trace.of(1)) {
            if (h.kind() == MessageKind.MODEL) {
                assertEquals(round, h.tSend(), 1e-12);
                assertEquals(round + down, h.tArrive(), 1e-12);
            } else {
                assertEquals(round + down + compute, h.tSend(), 1e-12);
                assertEquals(2 * round, h.tArrive(), 1e-12);
            }
        }
        assertEquals(3 * 2 * compute, e.history().get(1).computeSeconds(), 1e-12);
    }

    @Test
    void withADeadlineTheSlowDevicesGradientIsLeftOut() {
        // d3 computes at 1 MFLOP/s: its gradient is far too late for a 50 ms deadline.
        Topology t = Fixtures.star(3, 10, 5, 5, null);
        t.putNode(Fixtures.device("d3", 0.001));
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 8);
        RunSetup s = Fixtures.setup(t, w, null, false);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, s, NetworkEffects.DEFAULTS.withRoundDeadline(0.05), 2, 8, trace);
        PsSgd alg = run(e, "learningRate", 0.5);
        assertEquals(Engine.Status.ROUND_FINISHED, e.runRound());
        double down = 32.0 * D / 10e6 + 0.005;
        double fastDone = down + w.flopsPerGradient(0) / 5e9 + down;
        double slowDone = down + w.flopsPerGradient(2) / 1e6 + down;
        assertTrue(fastDone < 0.05 && slowDone > 0.05, fastDone + " " + slowDone);
        assertEquals(0.05, e.history().get(0).timeS(), 1e-12, "the round closes at its deadline");
        LearningState ref = w.newState(1);
        float[] x0 = new float[D];
        float[] g0 = new float[D];
        float[] g1 = new float[D];
        ref.gradient(0, x0, 0, g0, 0);
        ref.gradient(1, x0, 0, g1, 0);
        double n0 = ref.samples(0);
        double n1 = ref.samples(1);
        float[] x = alg.groups[0].model;
        for (int j = 0; j < D; j++) {
            assertEquals(-0.5 * (n0 * g0[j] + n1 * g1[j]) / (n0 + n1), x[j], 1e-6);
        }
        // The late gradient still travelled: it is in the trace (round 0), arriving after the round closed.
        e.run();
        assertTrue(slowDone < 0.1);
        Hop late = trace.hops.stream().filter(h -> h.src() == 3 && h.kind() == MessageKind.GRADIENT && h.round() == 0)
                .findFirst().orElseThrow();
        assertEquals(slowDone, late.tArrive(), 1e-12);
    }

    @Test
    void stragglersPastTheDeadlineAndDroppedDevicesAreLeftOut() {
        int k = 8;
        Topology t = Fixtures.star(k, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 4);
        RunSetup s = Fixtures.setup(t, w, null, false);
        NetworkEffects fx = NetworkEffects.DEFAULTS.withStragglers(0.4, 1e4).withDropout(0.3).withRoundDeadline(0.05);
        // The first seed from 1 whose draws give round 0 dropped, straggling and on-time devices.
        long seed = 1;
        while (!mixed(Fixtures.engine(t, s, fx, 1, seed, null), k)) {
            seed++;
        }
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, s, fx, 1, seed, trace);
        PsSgd alg = run(e, "learningRate", 0.5);
        e.run();
        // Which devices drop out or straggle is the engine's seeded draw; a straggler needs 1e4 x 16.6 us > 50 ms.
        int[] active = e.faults().activeDevices(0);
        int dropped = k - active.length;
        int contributing = 0;
        LearningState ref = w.newState(1);
        float[] x0 = new float[D];
        float[] g = new float[D];
        double[] sum = new double[D];
        double n = 0;
        for (int node : active) {
            int row = node - 1;
            ref.gradient(row, x0, 0, g, 0);
            if (!e.faults().isStraggler(0, node)) {
                contributing++;
                n += ref.samples(row);
                for (int j = 0; j < D; j++) {
                    sum[j] += ref.samples(row) * (double) g[j];
                }
            }
        }
        assertTrue(dropped > 0 && contributing > 0 && contributing < active.length,
                "the seed gives dropped, straggling and on-time devices: " + dropped + " " + contributing + " " + active.length);
        float[] x = alg.groups[0].model;
        for (int j = 0; j < D; j++) {
            assertEquals(-0.5 * sum[j] / n, x[j], 1e-6);
        }
        // Only the active devices got the model.
        assertEquals(active.length, trace.hops.stream().filter(h -> h.kind() == MessageKind.MODEL).count());
        for (Hop h : trace.hops) {
            assertTrue(h.src() != 0 || e.faults().isActive(0, h.dst()));
        }
    }

    @Test
    void whenEveryDeviceDropsOutRoundsEndAtOnceAndTheModelStays() {
        Topology t = Fixtures.star(3, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 8);
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), NetworkEffects.DEFAULTS.withDropout(1.0), 4, 8, null);
        PsSgd alg = run(e);
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        assertArrayEquals(new float[D], alg.groups[0].model);
        assertEquals(0.0, e.history().get(3).timeS());
        assertEquals(0, e.history().get(3).messages());
        assertEquals(Math.log(10), e.history().get(3).values().get(RunSetup.LOSS), 1e-6);
    }

    private static boolean mixed(Engine e, int k) {
        int[] active = e.faults().activeDevices(0);
        long stragglers = java.util.Arrays.stream(active).filter(v -> e.faults().isStraggler(0, v)).count();
        return active.length < k && stragglers > 0 && stragglers < active.length;
    }

    @Test
    void theServerParameterPicksTheAggregatorAndBadValuesAreExplained() {
        Topology t = Fixtures.star(2, 10, 5, 5, null);
        t.putNode(Fixtures.server("s2", null));
        t.putLink(new Link("s2", "d1", 10, 5, null));
        t.putLink(new Link("s2", "d2", 10, 5, null));
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 5);
        RunSetup s = Fixtures.setup(t, w, null, false);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, s, null, 1, 5, trace);
        run(e, "server", "s2");
        e.run();
        int s2 = t.indexed().indexOf("s2");
        assertTrue(trace.hops.stream().allMatch(h -> h.src() == s2 || h.dst() == s2));
        assertEquals(4, trace.hops.size());

        Engine bad = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 1, 5, null);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> run(bad, "server", "nope"));
        assertTrue(ex.getMessage().contains("ps-sgd.server") && ex.getMessage().contains("s, s2"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> run(bad, "server", "d1"));
        assertTrue(ex.getMessage().contains("'d1' is a device"), ex.getMessage());

        Topology ring = new Topology();
        ring.putNode(Fixtures.device("a", 5));
        ring.putNode(Fixtures.device("b", 5));
        ring.putLink(new Link("a", "b", 10, 5, null));
        Workload w2 = Fixtures.workload(ring, Fixtures.digits("iid", 0), 5);
        Engine none = Fixtures.engine(ring, Fixtures.setup(ring, w2, null, false), null, 1, 5, null);
        ex = assertThrows(IllegalArgumentException.class, () -> run(none));
        assertTrue(ex.getMessage().contains("needs a server or cloud node"), ex.getMessage());
    }

    @Test
    void theSameRunGivesTheSameModelAndTrace() {
        float[][] models = new float[2][];
        List<List<Hop>> traces = new java.util.ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            Topology t = Fixtures.star(4, 10, 5, 5, null);
            Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 9);
            RunSetup s = Fixtures.setup(t, w, Compressors.qsgd(4, 17), true);
            Hops trace = new Hops();
            Engine e = Fixtures.engine(t, s, NetworkEffects.DEFAULTS.withStragglers(0.3, 3).withComputeSpread(0.5), 5, 9, trace);
            PsSgd alg = run(e);
            e.run();
            models[rep] = alg.groups[0].model.clone();
            traces.add(trace.hops);
        }
        assertArrayEquals(models[0], models[1]);
        assertEquals(traces.get(0), traces.get(1));
    }
}
