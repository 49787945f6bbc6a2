package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.learning.SupervisedWorkload;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.models.Model;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

class LagTest {

    private static final LagProvider LAG = new LagProvider();
    private static final PsSgdProvider PS = new PsSgdProvider();

    @Test
    void withThresholdZeroItIsParameterServerSgdBitForBit() {
        float[][] models = new float[2][];
        long[] messages = new long[2];
        Engine lagEngine = null;
        for (int k = 0; k < 2; k++) {
            Topology t = Fixtures.star(5, 10, 5, 5, null);
            Workload w = Fixtures.workload(t, Fixtures.digits("dirichlet", 0.5), 4);
            Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 6, 4, null);
            CentralizedAlgorithm a = k == 0
                    ? (CentralizedAlgorithm) e.start(LAG, Fixtures.params(LAG, "threshold", 0.0, "fullBatch", false))
                    : (CentralizedAlgorithm) e.start(PS, Fixtures.params(PS, "fullBatch", false));
            e.run();
            models[k] = a.groups[0].model;
            messages[k] = e.history().get(5).messages();
            if (k == 0) {
                lagEngine = e;
            }
        }
        assertArrayEquals(models[1], models[0]);
        assertEquals(messages[1], messages[0]);
        assertEquals(0.0, lagEngine.history().get(5).values().get(Lag.SKIPPED_UPLOADS));
    }

    private static Engine leastSquares(int devices, int rounds, Hops trace) {
        Topology t = Fixtures.star(devices, 10, 5, 5, null);
        Workload w = Fixtures.workload(t, Fixtures.leastSquares(8, 40, 0.1, 16), 5);
        return Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, rounds, 5, trace);
    }

    @Test
    void aLargeThresholdSkipsEveryUploadAndTheServerReusesTheLastGradients() {
        Hops trace = new Hops();
        Engine e = leastSquares(4, 3, trace);
        Lag alg = (Lag) e.start(LAG, Fixtures.params(LAG, "threshold", 1e6, "learningRate", 0.1));
        float[][] x = new float[4][];
        x[0] = alg.groups[0].model.clone();
        for (int r = 1; r <= 3; r++) {
            e.runRound();
            x[r] = alg.groups[0].model.clone();
        }
        // Full-batch gradients are Lipschitz (L of a few units), far below sqrt(1e6): after round 0 nobody uploads,
        // so each step repeats the first one: x_{t+1} - x_t = x_1 - x_0.
        for (int r = 2; r <= 3; r++) {
            for (int j = 0; j < x[0].length; j++) {
                assertEquals(x[1][j] - x[0][j], x[r][j] - x[r - 1][j], 1e-6);
            }
        }
        assertEquals(4, trace.of(0).stream().filter(h -> h.kind() == MessageKind.GRADIENT).count());
        assertEquals(0, trace.of(1).stream().filter(h -> h.kind() == MessageKind.GRADIENT).count());
        assertEquals(4, trace.of(1).size(), "models only");
        RoundMetrics m = e.history().get(2);
        assertEquals(List.of(RunSetup.LOSS, RunSetup.ACCURACY, RunSetup.CONSENSUS_ERROR, Lag.SKIPPED_UPLOADS),
                List.copyOf(m.values().keySet()));
        assertEquals(0.0, e.history().get(0).values().get(Lag.SKIPPED_UPLOADS));
        assertEquals(4.0, e.history().get(1).values().get(Lag.SKIPPED_UPLOADS));
        assertEquals(8.0, m.values().get(Lag.SKIPPED_UPLOADS), "cumulative");
        // A round where everyone skips ends when the last device has decided: model down + computation.
        double down = 32.0 * 9 / 10e6 + 0.005;
        double compute = (4.0 * 8 + 4) * 40 / 5e9; // full batch: 40 samples x (4f + 4) FLOPs
        assertEquals(down + compute, m.timeS() - e.history().get(1).timeS(), 1e-12);
    }

    @Test
    void eachDeviceUploadsExactlyWhenItsGradientChangedMoreThanTheThresholdAllows() {
        int k = 6;
        // Round 0 (everyone uploads, from x_0 = 0) on a first engine, to learn x_1 and the ratios.
        Engine probe = leastSquares(k, 1, null);
        Lag first = (Lag) probe.start(LAG, Fixtures.params(LAG, "threshold", 0.0, "learningRate", 0.1));
        probe.run();
        float[] x1 = first.groups[0].model.clone();
        SupervisedWorkload w = (SupervisedWorkload) probe.extension(RunSetup.class).orElseThrow().learning().workload();
        Model model = w.model();
        int d = model.dimension();
        Model.Workspace ws = model.newWorkspace(64);
        double dx = 0;
        for (float v : x1) {
            dx += (double) v * v;
        }
        double[] ratio = new double[k];
        float[] g0 = new float[d];
        float[] g1 = new float[d];
        for (int i = 0; i < k; i++) {
            int[] shard = w.partition().shard(i);
            model.gradient(new float[d], 0, w.train(), shard, shard.length, g0, 0, ws);
            model.gradient(x1, 0, w.train(), shard, shard.length, g1, 0, ws);
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (double) (g1[j] - g0[j]) * (g1[j] - g0[j]);
            }
            ratio[i] = s / dx;
        }
        double[] sorted = ratio.clone();
        Arrays.sort(sorted);
        double threshold = (sorted[2] + sorted[3]) / 2; // three devices above, three below
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < k; i++) {
            if (ratio[i] > threshold) {
                expected.add(i + 1); // device row i is node i + 1
            }
        }
        Hops trace = new Hops();
        Engine e = leastSquares(k, 2, trace);
        e.start(LAG, Fixtures.params(LAG, "threshold", threshold, "learningRate", 0.1));
        e.run();
        Set<Integer> senders = trace.of(1).stream().filter(h -> h.kind() == MessageKind.GRADIENT).map(h -> h.src())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, senders);
        assertEquals(3, expected.size());
        assertEquals(3.0, e.history().get(1).values().get(Lag.SKIPPED_UPLOADS));
    }

    @Test
    void overTheAirInnovationsAtHighSnrGiveTheDigitalIterates() {
        float[][] models = new float[2][];
        for (int k = 0; k < 2; k++) {
            Hops trace = new Hops();
            Engine e = leastSquares(5, 8, trace);
            Lag a = (Lag) e.start(LAG, k == 0 ? Fixtures.params(LAG, "threshold", 4.0)
                    : Fixtures.params(LAG, "threshold", 4.0, "aggregation", "over-the-air", "snrDb", 300.0));
            e.run();
            models[k] = a.groups[0].model;
            long later = trace.hops.stream().filter(h -> h.round() > 0 && h.kind() == MessageKind.GRADIENT).count();
            assertTrue(a.skippedUploads() > 0 && later > 0, a.skippedUploads() + " skipped, " + later + " later uploads");
        }
        for (int j = 0; j < models[0].length; j++) {
            assertEquals(models[0][j], models[1][j], 1e-5);
        }
    }
}
