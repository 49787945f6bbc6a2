package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hop;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

class FedAvgTest {

    private static final FedAvgProvider FEDAVG = new FedAvgProvider();
    private static final FedProxProvider FEDPROX = new FedProxProvider();
    private static final int D = 650;

    /** Test accuracy of each round (index r = engine round r) of fedavg with its defaults on 10 devices. */
    private static double[] defaultRun(String partition) {
        Topology t = Fixtures.star(10, 100, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits(partition, 0.1), 1);
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 50, 1, null);
        e.start(FEDAVG, Fixtures.params(FEDAVG));
        assertEquals(Engine.Status.ALL_ROUNDS_DONE, e.run());
        return e.history().stream().mapToDouble(m -> m.values().get(RunSetup.ACCURACY)).toArray();
    }

    @Test
    void defaultsReachNinetyPercentOnIidDigitsAndDirichletTenthIsMeasurablyWorse() {
        double[] iid = defaultRun("iid");
        int first = -1;
        for (int r = 0; r < iid.length && first < 0; r++) {
            if (iid[r] >= 0.90) {
                first = r;
            }
        }
        assertTrue(first >= 0, "iid never reached 0.90 in 50 rounds");
        double[] skewed = defaultRun("dirichlet");
        assertTrue(skewed[first] <= iid[first] - 0.05,
                "round " + (first + 1) + ": iid " + iid[first] + ", dirichlet(0.1) " + skewed[first]);
        // Over the first ten rounds as a whole too.
        double a = 0;
        double b = 0;
        for (int r = 0; r < 10; r++) {
            a += iid[r];
            b += skewed[r];
        }
        assertTrue(b / 10 <= a / 10 - 0.05, "mean over rounds 1-10: iid " + a / 10 + ", dirichlet " + b / 10);
    }

    /** One round with every device: the server's model against local SGD re-done on a second state. */
    private static void checkOneRound(AlgorithmProvider p, double mu, Object... params) {
        Topology t = Fixtures.star(4, 100, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("dirichlet", 0.5), 6);
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 1, 6, null);
        FedAvg alg = (FedAvg) e.start(p, Fixtures.params(p, params));
        e.run();
        double eta = 0.05;
        int steps = 3;
        LearningState ref = w.newState(1);
        double[] sum = new double[D];
        double n = 0;
        float[] y = new float[D];
        float[] g = new float[D];
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(y, 0f);
            for (int s = 0; s < steps; s++) {
                ref.gradient(i, y, 0, g, 0);
                for (int j = 0; j < D; j++) {
                    y[j] = (float) (y[j] - eta * (g[j] + mu * (y[j] - 0.0)));
                }
            }
            n += ref.samples(i);
            for (int j = 0; j < D; j++) {
                sum[j] += ref.samples(i) * (double) y[j];
            }
        }
        float[] x = alg.groups[0].model;
        for (int j = 0; j < D; j++) {
            assertEquals(sum[j] / n, x[j], 1e-5, "coordinate " + j);
        }
    }

    @Test
    void oneFedAvgRoundIsTheWeightedMeanOfLocalSgd() {
        checkOneRound(FEDAVG, 0.0, "clientFraction", 1.0, "localSteps", 3, "learningRate", 0.05);
    }

    @Test
    void oneFedProxRoundAddsTheProximalPull() {
        checkOneRound(FEDPROX, 2.0, "clientFraction", 1.0, "localSteps", 3, "learningRate", 0.05, "mu", 2.0);
    }

    @Test
    void theServerSamplesRoundedClientFractionOfTheDevicesEachRound() {
        Topology t = Fixtures.star(10, 100, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 2);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 6, 2, trace);
        e.start(FEDAVG, Fixtures.params(FEDAVG, "clientFraction", 0.26));
        e.run();
        Set<Set<Integer>> distinct = new java.util.HashSet<>();
        for (int r = 0; r < 6; r++) {
            List<Hop> hops = trace.of(r);
            Set<Integer> down = new TreeSet<>();
            Set<Integer> up = new TreeSet<>();
            for (Hop h : hops) {
                if (h.kind() == MessageKind.MODEL) {
                    down.add(h.dst());
                    assertEquals(32L * D, h.bits());
                } else {
                    assertEquals(MessageKind.UPDATE, h.kind());
                    up.add(h.src());
                }
            }
            assertEquals(3, down.size(), "round(0.26 * 10) = 3");
            assertEquals(down, up);
            assertEquals(6, hops.size());
            distinct.add(down);
        }
        assertTrue(distinct.size() > 1, "the sample changes between rounds");
        // Each sampled device computes localSteps = 5 minibatch gradients per round.
        assertEquals(6 * 3 * 5 * w.flopsPerGradient(0) / 5e9, e.history().get(5).computeSeconds(), 1e-12);
    }

    @Test
    void oneLocalStepWithEveryDeviceIsParameterServerSgd() {
        float[][] models = new float[2][];
        for (int k = 0; k < 2; k++) {
            Topology t = Fixtures.star(5, 100, 5, 5, null);
            Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 3);
            Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 5, 3, null);
            CentralizedAlgorithm a = k == 0
                    ? (CentralizedAlgorithm) e.start(FEDAVG, Fixtures.params(FEDAVG, "clientFraction", 1.0, "localSteps", 1))
                    : (CentralizedAlgorithm) e.start(new PsSgdProvider(), Fixtures.params(new PsSgdProvider()));
            e.run();
            models[k] = a.groups[0].model;
        }
        double diff = 0;
        for (int j = 0; j < D; j++) {
            assertEquals(models[1][j], models[0][j], 1e-5);
            diff += Math.abs(models[0][j]);
        }
        assertNotEquals(0.0, diff);
    }
}
