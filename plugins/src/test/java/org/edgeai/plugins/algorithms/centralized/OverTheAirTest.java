package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hop;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

/**
 * Over-the-air aggregation on ps-sgd: a star of 5 devices whose server shares an access capacity of 10 Mbit/s
 * (the wireless cell), device links 100 Mbit/s and 2 ms, digits/softmax (d = 650, 20,800-bit messages).
 */
class OverTheAirTest {

    private static final PsSgdProvider PS = new PsSgdProvider();
    private static final int D = 650;
    private static final int K = 5;
    private static final double ETA = 0.5;

    private record Run(Engine engine, PsSgd alg, Hops trace, Workload workload) {
    }

    private static Run run(Topology t, NetworkEffects fx, int rounds, Object... params) {
        Workload w = Fixtures.workload(t, Fixtures.digits("dirichlet", 1.0), 12);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), fx, rounds, 12, trace);
        PsSgd alg = (PsSgd) e.start(PS, Fixtures.params(PS, params));
        e.run();
        return new Run(e, alg, trace, w);
    }

    private static Topology cell() {
        return Fixtures.star(K, 100, 2, 5, 10.0);
    }

    @Test
    void theSuperposedUploadTakesTheTimeOfOneUploadNotK() {
        Run digital = run(cell(), null, 1, "learningRate", ETA);
        Run air = run(cell(), null, 1, "learningRate", ETA, "aggregation", "over-the-air", "snrDb", 20.0);
        // Downloads: 5 transfers share 10 Mbit/s out of the server, 2 Mbit/s each: 20,800 / 2e6 s + 2 ms.
        double down = 20_800 / 2e6 + 0.002;
        double compute = digital.workload().flopsPerGradient(0) / 5e9;
        // Digital uploads share the 10 Mbit/s the same way; superposed ones each have it whole: 20,800 / 1e7 s.
        assertEquals(down + compute + 20_800 / 2e6 + 0.002, digital.engine().history().get(0).timeS(), 1e-12);
        assertEquals(down + compute + 20_800 / 1e7 + 0.002, air.engine().history().get(0).timeS(), 1e-12);
        // Every upload is still in the trace, with its bits, starting together.
        long ups = 0;
        for (Hop h : air.trace().hops) {
            if (h.kind() == MessageKind.GRADIENT) {
                ups++;
                assertEquals(32L * D, h.bits());
                assertEquals(down + compute, h.tSend(), 1e-12);
            }
        }
        assertEquals(K, ups);
        assertEquals(2L * K, air.engine().history().get(0).messages());
    }

    @Test
    void theResultIsTheDigitalMeanPlusNoiseOfTheStatedVariance() {
        double snrDb = 10;
        Run digital = run(cell(), null, 1, "learningRate", ETA);
        Run air = run(cell(), null, 1, "learningRate", ETA, "aggregation", "over-the-air", "snrDb", snrDb);
        // sigma^2 = P / 10^(snr/10), P = sum_i ||s_i||^2 / (K d), s_i = (K n_i / sum n) g_i, from an independent state.
        LearningState ref = digital.workload().newState(1);
        float[] x0 = new float[D];
        float[] g = new float[D];
        double wsum = 0;
        for (int i = 0; i < K; i++) {
            wsum += ref.samples(i);
        }
        double power = 0;
        for (int i = 0; i < K; i++) {
            ref.gradient(i, x0, 0, g, 0);
            double c = K * ref.samples(i) / wsum;
            for (int j = 0; j < D; j++) {
                power += c * g[j] * c * g[j];
            }
        }
        double sigma2 = power / (K * D) / Math.pow(10, snrDb / 10);
        // x_air - x_digital = -eta * n / K, so e = -(x_air - x_digital) K / eta ~ N(0, sigma^2) per coordinate.
        float[] xa = air.alg().groups[0].model;
        float[] xd = digital.alg().groups[0].model;
        double mean = 0;
        double sq = 0;
        for (int j = 0; j < D; j++) {
            double e = -((double) xa[j] - xd[j]) * K / ETA;
            mean += e;
            sq += e * e;
        }
        mean /= D;
        double var = sq / D;
        // The variance estimate of 650 normal draws has relative standard deviation sqrt(2/650) = 0.055.
        assertEquals(1.0, var / sigma2, 0.25, "measured " + var + " vs " + sigma2);
        assertTrue(Math.abs(mean) < 4 * Math.sqrt(sigma2 / D), "mean " + mean);
    }

    @Test
    void atVeryHighSnrItEqualsDigital() {
        Run digital = run(cell(), null, 3, "learningRate", ETA);
        Run air = run(cell(), null, 3, "learningRate", ETA, "aggregation", "over-the-air", "snrDb", 300.0);
        float[] xa = air.alg().groups[0].model;
        float[] xd = digital.alg().groups[0].model;
        double norm = 0;
        for (int j = 0; j < D; j++) {
            assertEquals(xd[j], xa[j], 1e-6);
            norm += Math.abs(xd[j]);
        }
        assertTrue(norm > 0);
    }

    @Test
    void atTheDeadlineTheReadyDevicesStartTogetherAndTheSlowOneIsLeftOut() {
        // No shared capacity; 10 Mbit/s, 5 ms links; d3 computes at 1 MFLOP/s, far past the 50 ms deadline.
        Topology t = Fixtures.star(3, 10, 5, 5, null);
        t.putNode(Fixtures.device("d3", 0.001));
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 8);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), NetworkEffects.DEFAULTS.withRoundDeadline(0.05), 1, 8,
                trace);
        PsSgd alg = (PsSgd) e.start(PS, Fixtures.params(PS, "learningRate", ETA, "aggregation", "over-the-air", "snrDb", 300.0));
        e.run();
        assertEquals(0.05 + 20_800 / 10e6 + 0.005, e.history().get(0).timeS(), 1e-12);
        long sent = trace.hops.stream().filter(h -> h.kind() == MessageKind.GRADIENT).count();
        assertEquals(2, sent, "d3 never transmits: it was not ready when the uploads started");
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
            assertEquals(-ETA * (n0 * g0[j] + n1 * g1[j]) / (n0 + n1), x[j], 1e-6);
        }
    }

    @Test
    void aDeviceReadyAfterTheSuperposedUploadStartedStaysOut() {
        // 0.5 Mbit/s, 5 ms links: a model takes 41.6 ms + 5 ms each way. Deadline 60 ms: d1, d2 start their uploads
        // together at 60 ms (arriving at 106.6 ms); d3 at 2.5 MFLOP/s is ready in between and must not transmit.
        Topology t = Fixtures.star(3, 0.5, 5, 5, null);
        t.putNode(Fixtures.device("d3", 0.0025));
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 8);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), NetworkEffects.DEFAULTS.withRoundDeadline(0.06), 1, 8,
                trace);
        e.start(PS, Fixtures.params(PS, "aggregation", "over-the-air"));
        e.run();
        double hop = 20_800 / 0.5e6 + 0.005;
        double ready3 = hop + w.flopsPerGradient(2) / 2.5e6;
        double end = 0.06 + hop;
        assertTrue(ready3 > 0.06 && ready3 < end, "d3 ready at " + ready3);
        assertEquals(end, e.history().get(0).timeS(), 1e-12);
        assertEquals(2, trace.hops.stream().filter(h -> h.kind() == MessageKind.GRADIENT).count());
        assertEquals(5, e.history().get(0).messages());
    }

    @Test
    void fedAvgUpdatesGoOverTheAirToo() {
        FedAvgProvider p = new FedAvgProvider();
        Topology t = cell();
        Workload w = Fixtures.workload(t, Fixtures.digits("iid", 0), 3);
        Hops trace = new Hops();
        Engine e = Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, 2, 3, trace);
        e.start(p, Fixtures.params(p, "clientFraction", 1.0, "aggregation", "over-the-air", "snrDb", 30.0));
        e.run();
        double down = 20_800 / 2e6 + 0.002;
        double compute = 5 * w.flopsPerGradient(0) / 5e9;
        assertEquals(down + compute + 20_800 / 1e7 + 0.002, e.history().get(0).timeS(), 1e-12);
        assertEquals(2L * K, trace.hops.stream().filter(h -> h.kind() == MessageKind.UPDATE).count());
    }
}
