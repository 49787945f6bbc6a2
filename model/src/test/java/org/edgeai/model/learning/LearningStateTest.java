package org.edgeai.model.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.edgeai.model.learning.models.Model;
import org.junit.jupiter.api.Test;

class LearningStateTest {

    private static SupervisedWorkload digits(int nodes, String partition, long seed) {
        Map<String, Object> part = partition.equals("dirichlet") ? Map.of("type", "dirichlet", "alpha", 0.1) : Map.of("type", partition);
        return (SupervisedWorkload) Workloads.create(Map.of("task", "classification", "partition", part), nodes, seed, null);
    }

    @Test
    void batchedGradientsEqualPerNodeGradients() {
        SupervisedWorkload w = digits(40, "dirichlet", 3);
        boolean someSmall = false;
        for (int i = 0; i < 40; i++) {
            someSmall |= w.samples(i) < w.batchSize();
        }
        assertTrue(someSmall, "the skewed partition has shards smaller than a batch (drawn with replacement)");
        LearningState a = w.newState(1);
        LearningState b = w.newState(1);
        int d = a.dimension();
        float[] ga = a.newMatrix();
        float[] gb = b.newMatrix();
        for (int round = 0; round < 3; round++) {
            a.gradients(ga);
            for (int i = 0; i < 40; i++) {
                b.gradient(i, b.x(), b.offset(i), gb, i * d);
            }
            assertArrayEquals(ga, gb, "round " + round);
            for (int k = 0; k < ga.length; k++) {
                a.x()[k] -= 0.5f * ga[k];
                b.x()[k] -= 0.5f * gb[k];
            }
        }
        assertFalse(allZero(ga));
    }

    @Test
    void gradientsAtASharedVectorEqualPerNodeGradients() {
        SupervisedWorkload w = digits(100, "iid", 8);
        LearningState a = w.newState(4);
        LearningState b = w.newState(1);
        int d = a.dimension();
        float[] server = new float[d + 2];
        for (int k = 0; k < d; k++) {
            server[2 + k] = (float) Math.cos(k) * 0.05f;
        }
        float[] ga = a.newMatrix();
        float[] gb = b.newMatrix();
        a.gradientsAt(null, server, 2, ga);
        for (int i = 0; i < 100; i++) {
            b.gradient(i, server, 2, gb, i * d);
        }
        assertArrayEquals(ga, gb);
        assertFalse(allZero(ga));
        assertEquals(32L * 1320, w.flopsPerLoss(0));
    }

    @Test
    void parallelismDoesNotChangeResults() {
        SupervisedWorkload w = digits(200, "iid", 4);
        LearningState one = w.newState(1);
        LearningState four = w.newState(4);
        float[] g1 = one.newMatrix();
        float[] g4 = four.newMatrix();
        for (int round = 0; round < 2; round++) {
            one.gradients(g1);
            four.gradients(g4);
            assertArrayEquals(g1, g4);
            for (int k = 0; k < g1.length; k++) {
                one.x()[k] -= 0.3f * g1[k];
                four.x()[k] -= 0.3f * g4[k];
            }
        }
    }

    @Test
    void gradientsOfSomeNodesFromAnyBufferTouchOnlyTheirRows() {
        SupervisedWorkload w = digits(10, "iid", 5);
        LearningState s = w.newState(1);
        int d = s.dimension();
        float[] params = s.newMatrix();
        for (int k = 0; k < params.length; k++) {
            params[k] = (k % 7) * 0.01f;
        }
        float[] out = s.newMatrix();
        Arrays.fill(out, Float.NaN);
        s.gradients(new int[] {2, 7}, params, out);
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < d; k++) {
                float v = out[i * d + k];
                assertEquals(i == 2 || i == 7, !Float.isNaN(v), "row " + i);
            }
        }
        // The same batch, evaluated again on the current batch, gives the same gradient.
        float[] again = s.newMatrix();
        s.gradientsOnCurrentBatches(new int[] {2}, params, again);
        assertArrayEquals(Arrays.copyOfRange(out, 2 * d, 3 * d), Arrays.copyOfRange(again, 2 * d, 3 * d));
    }

    @Test
    void batchLossUsesTheCurrentBatch() {
        SupervisedWorkload w = digits(5, "iid", 6);
        LearningState s = w.newState(1);
        float[] x = s.x();
        for (int k = 0; k < x.length; k++) {
            x[k] = (k % 11) * 0.02f - 0.1f;
        }
        s.drawBatch(1);
        double l1 = s.batchLoss(1, x, s.offset(1));
        assertEquals(l1, s.batchLoss(1, x, s.offset(1)), 0.0);
        s.drawBatch(1);
        assertNotEquals(l1, s.batchLoss(1, x, s.offset(1)));
        Model m = w.model();
        float[] zero = new float[m.dimension()];
        assertEquals(Math.log(10), s.batchLoss(1, zero, 0), 1e-9);
    }

    @Test
    void minibatchesComeFromTheShardWithoutReplacementWhenPossible() {
        int[][] shards = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, {30, 31, 32}, {}};
        Minibatches mb = new Minibatches(shards, 8, 1);
        for (int t = 0; t < 50; t++) {
            assertEquals(8, mb.draw(0));
            Set<Integer> seen = new HashSet<>();
            for (int b = 0; b < 8; b++) {
                int v = mb.batch(0)[b];
                assertTrue(v >= 0 && v < 20);
                assertTrue(seen.add(v), "no repetition within a batch when the shard is large enough");
            }
            assertEquals(8, mb.draw(1));
            for (int b = 0; b < 8; b++) {
                assertTrue(mb.batch(1)[b] >= 30 && mb.batch(1)[b] <= 32);
            }
            assertEquals(0, mb.draw(2));
        }
        // A node's draws do not depend on other nodes' draws.
        Minibatches x = new Minibatches(shards, 8, 9);
        Minibatches y = new Minibatches(shards, 8, 9);
        x.draw(1);
        x.draw(0);
        y.draw(0);
        assertArrayEquals(x.batch(0), y.batch(0));
    }

    @Test
    void metricsMatchDirectComputation() {
        SupervisedWorkload w = digits(8, "iid", 7);
        LearningState s = w.newState(1);
        float[] x = s.x();
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) Math.sin(k * 0.37) * 0.05f;
        }
        int n = 8, d = s.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k] / (double) n;
            }
        }
        double ce = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                ce += Math.pow(x[i * d + k] - mean[k], 2) / n;
            }
        }
        float[] meanF = new float[d];
        for (int k = 0; k < d; k++) {
            meanF[k] = (float) mean[k];
        }
        Model m = w.model();
        Metrics got = s.metrics();
        assertEquals(ce, got.consensusError(), 1e-9 * ce);
        assertEquals(m.loss(meanF, 0, w.train(), m.newWorkspace(1)), got.loss(), 1e-12);
        assertEquals(m.accuracy(meanF, 0, w.test(), m.newWorkspace(1)), got.accuracy(), 1e-12);
        Metrics single = s.evaluate(meanF, 0);
        assertEquals(got.loss(), single.loss(), 1e-12);
        assertEquals(0, single.consensusError());
        float[] avg = new float[d];
        s.average(x, avg);
        assertArrayEquals(meanF, avg);
    }

    @Test
    void consensusHasNoGradientAndMeasuresDistanceToTheInitialAverage() {
        ConsensusWorkload w = new ConsensusWorkload(50, 4, 11);
        LearningState s = w.newState();
        float[] g = s.newMatrix();
        Arrays.fill(g, 1f);
        s.gradients(g);
        assertTrue(allZero(g));
        assertEquals(0, w.flopsPerGradient(3));
        Metrics m0 = s.metrics();
        assertEquals(m0.consensusError(), m0.loss(), 1e-6, "at the start x-bar is the initial average");
        assertTrue(Double.isNaN(m0.accuracy()));
        // N(0, 1) start: mean square about 1 per coordinate.
        assertEquals(4.0, m0.consensusError(), 1.2);
        // Exact averaging reaches consensus on the initial average.
        float[] x = s.x();
        float[] avg = new float[4];
        s.average(x, avg);
        for (int i = 0; i < 50; i++) {
            System.arraycopy(avg, 0, x, i * 4, 4);
        }
        Metrics m1 = s.metrics();
        assertEquals(0, m1.consensusError(), 1e-12);
        assertEquals(0, m1.loss(), 1e-12);
        // Different nodes start differently, deterministically.
        LearningState t = w.newState();
        assertArrayEquals(new ConsensusWorkload(50, 4, 11).newState().x(), t.x());
        assertNotEquals(t.x()[0], t.x()[4]);
    }

    @Test
    void leastSquaresOptimumHasZeroGradientAndSgdReachesIt() {
        LeastSquaresWorkload w = LeastSquaresWorkload.create(10, 8, 40, 0.1, 16, 3);
        double[] th = w.optimum();
        // Full gradient of the pooled mean squared error at the optimum, in double.
        var data = w.train();
        double[] g = new double[9];
        for (int i = 0; i < data.size(); i++) {
            double z = th[8];
            for (int j = 0; j < 8; j++) {
                z += th[j] * data.feature(i, j);
            }
            double r = z - data.targets()[i];
            for (int j = 0; j < 8; j++) {
                g[j] += 2 * r * data.feature(i, j) / data.size();
            }
            g[8] += 2 * r / data.size();
        }
        for (double v : g) {
            assertEquals(0, v, 1e-9);
        }
        float[] truth = w.truth();
        for (int j = 0; j < 8; j++) {
            assertEquals(truth[j], th[j], 0.05, "400 samples with noise 0.1 recover w*");
        }
        assertEquals(0.01, w.optimalLoss(), 0.003, "about noise^2");

        // Synchronous data-parallel SGD with a decaying step: the loss of x-bar approaches the optimum.
        LearningState s = w.newState(1);
        float[] x = s.x();
        float[] grads = s.newMatrix();
        int d = 9;
        for (int t = 0; t < 400; t++) {
            s.gradients(grads);
            float lr = 0.1f / (1 + t / 100f);
            for (int k = 0; k < d; k++) {
                float avg = 0;
                for (int i = 0; i < 10; i++) {
                    avg += grads[i * d + k] / 10;
                }
                for (int i = 0; i < 10; i++) {
                    x[i * d + k] -= lr * avg;
                }
            }
        }
        double loss = s.metrics().loss();
        assertTrue(loss < w.optimalLoss() * 1.1 + 1e-3, "loss " + loss + " vs optimum " + w.optimalLoss());
        assertTrue(Double.isNaN(s.metrics().accuracy()));
    }

    @Test
    void decentralizedSgdLearnsDigits() {
        SupervisedWorkload w = digits(16, "iid", 12);
        LearningState s = w.newState();
        int n = 16, d = s.dimension();
        float[] g = s.newMatrix();
        float[] next = s.newMatrix();
        double before = s.metrics().loss();
        assertEquals(Math.log(10), before, 1e-9);
        for (int t = 0; t < 150; t++) {
            float[] x = s.x();
            s.gradients(g);
            for (int i = 0; i < n; i++) { // ring mixing with weights 1/3, then the local step
                int l = ((i + n - 1) % n) * d, r = ((i + 1) % n) * d, o = i * d;
                for (int k = 0; k < d; k++) {
                    next[o + k] = (x[l + k] + x[o + k] + x[r + k]) / 3f - 0.1f * g[o + k];
                }
            }
            System.arraycopy(next, 0, x, 0, x.length);
        }
        Metrics m = s.metrics();
        assertTrue(m.loss() < 0.3, "training loss " + m.loss());
        assertTrue(m.accuracy() > 0.9, "test accuracy " + m.accuracy());
        assertTrue(m.consensusError() > 0 && m.consensusError() < 1, "consensus error " + m.consensusError());
    }

    @Test
    void flopsPerGradient() {
        SupervisedWorkload w = digits(30, "dirichlet", 13);
        for (int i = 0; i < 30; i++) {
            assertEquals(w.samples(i) == 0 ? 0 : 32L * 2620, w.flopsPerGradient(i));
        }
    }

    private static boolean allZero(float[] a) {
        for (float v : a) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
