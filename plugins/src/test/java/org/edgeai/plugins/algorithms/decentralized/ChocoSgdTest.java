package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class ChocoSgdTest {

    private static final ChocoSgdProvider CHOCO = new ChocoSgdProvider();

    @Test
    void withoutCompressionAndGammaOneItIsDsgdOnConsensus() {
        int n = 12;
        int d = 4;
        Topology t = Fixture.generated("erdos-renyi", Map.of("nodes", n, "p", 0.35, "connected", true), 9);
        Fixture.Run choco = Fixture.run(t, Fixture.consensus(n, d), CHOCO, Fixture.params("gamma", 1.0), 15);
        Fixture.Run dsgd = Fixture.run(t, Fixture.consensus(n, d), new DsgdProvider(), Fixture.params(), 15);
        for (int r = 1; r <= 15; r++) {
            RoundMetrics mc = choco.round();
            RoundMetrics md = dsgd.round();
            assertTrue(Fixture.maxAbsDiff(choco.x(), dsgd.x()) < 1e-5, "round " + r);
            assertEquals(md.values().get(RunSetup.CONSENSUS_ERROR), mc.values().get(RunSetup.CONSENSUS_ERROR),
                    1e-5 * md.values().get(RunSetup.CONSENSUS_ERROR) + 1e-12);
            assertEquals(md.messages(), mc.messages());
            assertEquals(md.timeS(), mc.timeS(), 1e-12);
        }
    }

    @Test
    void withoutCompressionAndGammaOneItMixesTheHalfStep() {
        int n = 6;
        Workload w = Fixture.digits(n);
        double eta = 0.4;
        Topology t = Fixture.ring(n);
        Fixture.Run run = Fixture.run(t, w, CHOCO, Fixture.params("gamma", 1.0, "learningRate", eta), 2);
        double[][] wm = Fixture.metropolis(Fixture.neighbours(t));
        LearningState twin = w.newState(1);
        float[] x = twin.x();
        float[] g = twin.newMatrix();
        for (int r = 1; r <= 2; r++) {
            twin.gradients(g); // the same minibatches as the run, at the same points
            double[] half = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                half[i] = x[i] - eta * g[i];
            }
            double[] expected = Fixture.multiply(wm, half, twin.dimension());
            run.round();
            assertTrue(Fixture.maxAbsDiff(expected, run.x()) < 1e-5, "round " + r + ": x = W (x - eta g)");
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) expected[i];
            }
        }
    }

    @Test
    void withTopkItConvergesAndKeepsTheAverage() {
        int n = 10;
        int d = 20;
        CompressionScheme c = Compressors.topk(0.25, false);
        Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, d), c, CHOCO, Fixture.params(), 200,
                NetworkEffects.DEFAULTS);
        double ce0 = Fixture.consensusError(run.x(), n, d);
        RoundMetrics m = null;
        for (int r = 1; r <= 200; r++) {
            m = run.round();
            assertEquals(2L * n * r * c.bits(d), m.messageBits(), "k = 5 values and indices per message");
        }
        double ce = m.values().get(RunSetup.CONSENSUS_ERROR);
        assertTrue(ce < 1e-4 * ce0, "consensus error " + ce + " from " + ce0);
        // loss = ||x_i - initial mean||^2 averaged = ce + ||mean drift||^2: the average does not move.
        assertEquals(ce, m.values().get(RunSetup.LOSS), 1e-9);
    }

    @Test
    void randkIsUsedUnscaledSoThatItConverges() {
        int n = 10;
        int d = 20;
        Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, d), Compressors.randk(0.25, 7), CHOCO,
                Fixture.params("gamma", 0.1), 300, NetworkEffects.DEFAULTS);
        double ce0 = Fixture.consensusError(run.x(), n, d);
        RoundMetrics m = null;
        for (int r = 0; r < 300; r++) {
            m = run.round();
        }
        assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < 1e-2 * ce0, m.values() + " from " + ce0);
    }

    @Test
    void topkWithErrorFeedbackIsRefusedWithTheFix() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Fixture.run(Fixture.ring(4),
                Fixture.consensus(4, 5), Compressors.topk(0.2, true), CHOCO, Fixture.params(), 1, NetworkEffects.DEFAULTS));
        assertTrue(ex.getMessage().contains("errorFeedback to false"), ex.getMessage());
    }

    @Test
    void messagesLeaveWhenTheGradientIsDone() {
        int n = 5;
        Workload w = Fixture.digits(n);
        double gflops = 0.5;
        Fixture.Run run = Fixture.run(Fixture.uniform(Fixture.ring(n), 20, 10, gflops), w, CHOCO, Fixture.params(), 2);
        double compute = w.flopsPerGradient(0) / (gflops * 1e9);
        double comm = 32.0 * w.dimension() / 20e6 + 0.010;
        RoundMetrics m = run.round();
        assertEquals(compute + comm, m.timeS(), 1e-12);
        assertEquals(2L * n, m.messages());
        assertTrue(m.values().get(RunSetup.LOSS) < Math.log(10));
    }
}
