package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hop;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

class ZoSgdTest {

    private static final ZoSgdProvider ZO = new ZoSgdProvider();

    @Test
    void withManyDirectionsTheStepApproximatesTheTrueGradient() {
        // Least squares, 5 features (d = 6), 3 devices, one round with D = 4000 shared directions and eta = 1.
        int dirs = 4000;
        Topology t = Fixtures.star(3, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.leastSquares(5, 30, 0.1, 8), 2);
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 1, 2, null);
        ZoSgd alg = (ZoSgd) e.start(ZO, Fixtures.params(ZO, "directions", dirs, "learningRate", 1.0, "mu", 1e-3));
        e.run();
        int d = 6;
        // The true gradient: data-weighted mean of the devices' gradients on the same (first) minibatches.
        LearningState ref = w.newState(1);
        double[] g = new double[d];
        float[] gi = new float[d];
        double n = 0;
        for (int i = 0; i < 3; i++) {
            ref.gradient(i, new float[d], 0, gi, 0);
            n += ref.samples(i);
            for (int j = 0; j < d; j++) {
                g[j] += ref.samples(i) * (double) gi[j];
            }
        }
        for (int j = 0; j < d; j++) {
            g[j] /= n;
        }
        float[] x = alg.groups[0].model; // x_1 = x_0 - step, x_0 = 0
        float[] u = alg.directionsOfRound();
        // For a quadratic loss the two-point estimate is exactly u^T g_i: the step is (1/D) sum_k (u_k^T g) u_k.
        double[] exact = new double[d];
        for (int k = 0; k < dirs; k++) {
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += u[k * d + j] * g[j];
            }
            for (int j = 0; j < d; j++) {
                exact[j] += p * u[k * d + j] / dirs;
            }
        }
        double gNorm = 0;
        double errExact = 0;
        double errTrue = 0;
        for (int j = 0; j < d; j++) {
            gNorm += g[j] * g[j];
            errExact += (-x[j] - exact[j]) * (-x[j] - exact[j]);
            errTrue += (-x[j] - g[j]) * (-x[j] - g[j]);
        }
        gNorm = Math.sqrt(gNorm);
        assertTrue(Math.sqrt(errExact) < 1e-3 * gNorm, "against the directions used: " + Math.sqrt(errExact) / gNorm);
        // E||(1/D) sum (u^T g) u - g||^2 = (d + 1) ||g||^2 / D for Gaussian u: allow four times the rms.
        double rms = Math.sqrt((d + 1.0) / dirs);
        assertTrue(Math.sqrt(errTrue) < 4 * rms * gNorm, "relative error " + Math.sqrt(errTrue) / gNorm + ", rms " + rms);
        // And the directions are not trivially aligned with g: one direction alone is far off.
        double one = 0;
        double p = 0;
        for (int j = 0; j < d; j++) {
            p += u[j] * g[j];
        }
        for (int j = 0; j < d; j++) {
            one += (p * u[j] - g[j]) * (p * u[j] - g[j]);
        }
        assertTrue(Math.sqrt(one) > 10 * Math.sqrt(errTrue));
    }

    @Test
    void devicesSendThirtyTwoBitScalarsPerDirection() {
        for (int dirs : new int[] {1, 3}) {
            Topology t = Fixtures.star(4, 10, 5, 5, null);
            Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 2);
            Hops trace = new Hops();
            Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 2, 2, trace);
            e.start(ZO, Fixtures.params(ZO, "directions", dirs));
            e.run();
            for (int r = 0; r < 2; r++) {
                long scalars = 0;
                for (Hop h : trace.of(r)) {
                    if (h.dst() == 0) {
                        assertEquals(MessageKind.SCALAR, h.kind());
                        assertEquals(32L * dirs, h.bits());
                        scalars++;
                    } else {
                        assertEquals(MessageKind.MODEL, h.kind());
                    }
                }
                assertEquals(4, scalars);
            }
            // Each device evaluates the loss twice per direction (forward passes only).
            assertEquals(2 * 4 * 2 * dirs * w.flopsPerLoss(0) / 5e9, e.history().get(1).computeSeconds(), 1e-12);
        }
    }

    @Test
    void defaultsLowerTheLossOnDigits() {
        Topology t = Fixtures.star(6, 20, 10, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 3);
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 30, 3, null);
        e.start(ZO, Fixtures.params(ZO));
        e.run();
        double l0 = Math.log(10); // softmax from zero parameters
        double l30 = e.history().get(29).values().get(org.edgeai.model.run.RunSetup.LOSS);
        assertTrue(l30 < l0 - 0.1, "loss " + l30 + " vs " + l0);
    }
}
