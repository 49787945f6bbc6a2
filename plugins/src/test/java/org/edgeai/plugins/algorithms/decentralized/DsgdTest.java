package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class DsgdTest {

    private static final DsgdProvider DSGD = new DsgdProvider();

    @Test
    void consensusOnARingIsExactlyPowersOfW() {
        int n = 10;
        int d = 3;
        Topology t = Fixture.ring(n);
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), DSGD, Fixture.params(), 30);
        double[][] w = Fixture.metropolis(Fixture.neighbours(t));
        for (int i = 0; i < n; i++) {
            assertEquals(1.0 / 3, w[i][i], 1e-15, "ring: metropolis gives 1/3 on the diagonal");
        }
        double[] expected = run.x();
        double[] errors = new double[31];
        errors[0] = Fixture.consensusError(expected, n, d);
        for (int r = 1; r <= 30; r++) {
            RoundMetrics m = run.round();
            expected = Fixture.multiply(w, expected, d);
            double[] got = run.x();
            assertTrue(Fixture.maxAbsDiff(expected, got) < 2e-6, "round " + r + ": x^t = W^t x^0, off by "
                    + Fixture.maxAbsDiff(expected, got));
            errors[r] = m.values().get(RunSetup.CONSENSUS_ERROR);
            // Metrics are gathered in float blocks during the mixing pass: relative accuracy about 1e-6.
            assertEquals(Fixture.consensusError(got, n, d), errors[r], 1e-6 * errors[r]);
        }
        // The slowest modes of the ring contract by rho = (1 + 2 cos(2 pi / n)) / 3 per round, the error by rho^2.
        double rho = (1 + 2 * Math.cos(2 * Math.PI / n)) / 3;
        for (int r = 20; r <= 30; r++) {
            assertEquals(rho * rho, errors[r] / errors[r - 1], 2e-4 * rho * rho, "round " + r);
        }
    }

    @Test
    void consensusOnACompleteGraphIsReachedInOneRound() {
        int n = 7;
        Fixture.Run run = Fixture.run(Fixture.complete(n), Fixture.consensus(n, 4), DSGD, Fixture.params(), 2);
        double[] x0 = run.x();
        double[] mean = new double[4];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                mean[k] += x0[i * 4 + k] / n;
            }
        }
        RoundMetrics m = run.round();
        assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < 1e-12, "consensus error " + m.values());
        double[] x1 = run.x();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(mean[k], x1[i * 4 + k], 1e-6);
            }
        }
    }

    @Test
    void messagesBitsAndRoundTimeOnUniformLinks() {
        int n = 8;
        int d = 5;
        Topology t = Fixture.uniform(Fixture.ring(n), 20, 10, 5);
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), DSGD, Fixture.params(), 3);
        double roundTime = 32.0 * d / 20e6 + 0.010;
        for (int r = 1; r <= 3; r++) {
            RoundMetrics m = run.round();
            assertEquals(2L * n * r, m.messages(), "one message per direction per round");
            assertEquals(2L * n * r * 32 * d, m.messageBits());
            assertEquals(r * roundTime, m.timeS(), 1e-12);
            assertEquals(0.0, m.computeSeconds(), "consensus has no gradient to compute");
        }
    }

    @Test
    void learningRoundIsMixingMinusTheBatchedGradientAndTakesTheLongerOfComputeAndComm() {
        int n = 6;
        Workload w = Fixture.digits(n);
        double eta = 0.3;
        for (double gflops : new double[] {5, 1e-5}) {
            Topology t = Fixture.uniform(Fixture.ring(n), 20, 10, gflops);
            Fixture.Run run = Fixture.run(t, w, Compressors.none(), DSGD, Fixture.params("learningRate", eta), 1,
                    NetworkEffects.DEFAULTS);
            // Independent computation: a second state of the same workload draws the same minibatches.
            LearningState twin = w.newState(1);
            int d = twin.dimension();
            float[] g = twin.newMatrix();
            twin.gradients(g);
            double[] expected = Fixture.multiply(Fixture.metropolis(Fixture.neighbours(t)), run.x(), d);
            for (int i = 0; i < expected.length; i++) {
                expected[i] -= eta * g[i];
            }
            RoundMetrics m = run.round();
            assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-6, "off by " + Fixture.maxAbsDiff(expected, run.x()));
            double comm = 32.0 * d / 20e6 + 0.010;
            double compute = w.flopsPerGradient(0) / (gflops * 1e9);
            assertTrue(w.flopsPerGradient(0) > 0);
            assertEquals(Math.max(comm, compute), m.timeS(), 1e-12, "gflops " + gflops);
            assertEquals(n * compute, m.computeSeconds(), 1e-9);
            // Metrics are those of the state after the update (x̄ may differ from LearningState's in its last bit).
            var expectedMetrics = run.learning().metrics();
            assertEquals(expectedMetrics.loss(), m.values().get(RunSetup.LOSS), 1e-6 * expectedMetrics.loss());
            assertEquals(expectedMetrics.accuracy(), m.values().get(RunSetup.ACCURACY), 1e-12);
            assertEquals(expectedMetrics.consensusError(), m.values().get(RunSetup.CONSENSUS_ERROR),
                    1e-6 * expectedMetrics.consensusError());
        }
    }

    @Test
    void manyLearningRoundsMatchASingleThreadedTwin() {
        // Parallel run (gradients on a helper thread, row parts on two threads) vs the same run on one thread.
        int n = 200; // several row parts, gradients on two threads
        Workload w = Fixture.digits(n);
        Topology t = Fixture.generated("erdos-renyi", Map.of("nodes", n, "p", 0.05, "connected", true), 2);
        Fixture.Run par = Fixture.run(t, w, DSGD, Fixture.params("learningRate", 0.2), 12);
        LearningState ls = w.newState(1);
        org.edgeai.model.engine.Engine e = org.edgeai.model.engine.Engine.builder(t, 3).rounds(12)
                .extension(RunSetup.class, Fixture.setup(ls, Compressors.none())).build();
        e.start(DSGD, DSGD.validate(Fixture.params("learningRate", 0.2)));
        e.run();
        par.engine().run();
        assertEquals(2, par.learning().parallelism());
        assertTrue(Fixture.maxAbsDiff(par.x(), new Fixture.Run(e, ls).x()) == 0.0, "bit-identical for any parallelism");
        for (int r = 0; r < 12; r++) {
            assertEquals(e.history().get(r).values(), par.engine().history().get(r).values(), "round " + r);
        }
    }

    @Test
    void compressedMessagesCarryTheFormulaBitsAndTheReceiverUsesTheDecompressedModel() {
        int n = 6;
        int d = 20;
        Topology t = Fixture.ring(n);
        for (CompressionScheme c : List.of(Compressors.fp16(), Compressors.topk(0.25, true), Compressors.sign())) {
            Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), c, DSGD, Fixture.params(), 2, NetworkEffects.DEFAULTS);
            double[][] w = Fixture.metropolis(Fixture.neighbours(t));
            int[][] adj = Fixture.neighbours(t);
            for (int r = 1; r <= 2; r++) {
                float[] x = run.learning().x().clone();
                float[] sent = new float[x.length];
                for (int j = 0; j < n; j++) {
                    // A fresh compressor of the same sender key, advanced through the same messages.
                    Compressor cj = c.forSender(j);
                    for (int rr = 1; rr < r; rr++) {
                        cj.compress(previous[j], 0, new float[d], 0, d);
                    }
                    cj.compress(x, j * d, sent, j * d, d);
                    previous[j] = java.util.Arrays.copyOfRange(x, j * d, j * d + d);
                }
                double[] expected = new double[x.length];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < d; k++) {
                        double v = w[i][i] * x[i * d + k];
                        for (int j : adj[i]) {
                            v += w[i][j] * sent[j * d + k];
                        }
                        expected[i * d + k] = v;
                    }
                }
                RoundMetrics m = run.round();
                assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-6, c.describe() + " round " + r);
                assertEquals(2L * n * r * c.bits(d), m.messageBits(), c.describe());
            }
        }
        assertEquals(5L * (32 + 5), Compressors.topk(0.25, true).bits(20), "k = 5 values with 5-bit indices");
    }

    private final float[][] previous = new float[6][];

    @Test
    void droppedNodesKeepTheirModelAndTheirWeightGoesToTheDiagonal() {
        int n = 12;
        int d = 2;
        Topology t = Fixture.generated("erdos-renyi", Map.of("nodes", n, "p", 0.4, "connected", true), 3);
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), Compressors.none(), DSGD, Fixture.params(), 1,
                NetworkEffects.DEFAULTS.withDropout(0.4));
        boolean[] dropped = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            dropped[i] = run.engine().faults().isDropped(0, i);
            count += dropped[i] ? 1 : 0;
        }
        assertTrue(count > 0 && count < n, "the seed should drop some nodes and keep others: " + count);
        double[][] w = Fixture.metropolis(Fixture.neighbours(t));
        double[] x = run.x();
        double[] expected = x.clone();
        int msgs = 0;
        for (int i = 0; i < n; i++) {
            if (dropped[i]) {
                continue;
            }
            double self = w[i][i];
            for (int j = 0; j < n; j++) {
                if (j != i && w[i][j] > 0 && dropped[j]) {
                    self += w[i][j];
                }
            }
            for (int k = 0; k < d; k++) {
                double v = self * x[i * d + k];
                for (int j = 0; j < n; j++) {
                    if (j != i && w[i][j] > 0 && !dropped[j]) {
                        v += w[i][j] * x[j * d + k];
                    }
                }
                expected[i * d + k] = v;
            }
            for (int j = 0; j < n; j++) {
                if (j != i && w[i][j] > 0 && !dropped[j]) {
                    msgs++;
                }
            }
        }
        RoundMetrics m = run.round();
        assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-6);
        assertEquals(msgs, m.messages());
    }

    @Test
    void aDeadlineLeavesOutTheMessagesStillInFlight() {
        int n = 6;
        int d = 2;
        Topology t = Fixture.uniform(Fixture.ring(n), 20, 10, 5);
        t.putLink(new Link("n0", "n1", 20, 100, null)); // a slow link: its messages miss the deadline
        Fixture.Run run = Fixture.run(t, Fixture.consensus(n, d), Compressors.none(), DSGD, Fixture.params(), 3,
                NetworkEffects.DEFAULTS.withRoundDeadline(0.05));
        double[][] w = Fixture.metropolis(Fixture.neighbours(t));
        w[0][0] += w[0][1];
        w[1][1] += w[1][0];
        w[0][1] = 0;
        w[1][0] = 0;
        double[] expected = run.x();
        for (int r = 1; r <= 3; r++) {
            RoundMetrics m = run.round();
            expected = Fixture.multiply(w, expected, d);
            assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-6, "round " + r);
            assertEquals(0.05 * r, m.timeS(), 1e-12, "the round closes at its deadline");
        }
    }

    @Test
    void missingSetupAndUnknownMixingAreClearErrors() {
        var e = org.edgeai.model.engine.Engine.builder(Fixture.ring(4), 1).build();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> DSGD.create(DSGD.validate(Map.of()), e));
        assertTrue(ex.getMessage().contains("RunSetup"), ex.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DSGD.validate(Map.of("mixing", "uniform")));
        assertTrue(bad.getMessage().contains("metropolis"), bad.getMessage());
    }
}
