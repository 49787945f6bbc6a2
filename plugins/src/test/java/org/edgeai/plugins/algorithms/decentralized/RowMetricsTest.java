package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.run.RunSetup;
import org.junit.jupiter.api.Test;

class RowMetricsTest {

    /** Feeds every row of X to the accumulator, alternating parts, and finishes. */
    private static Map<String, Double> measure(LearningState ls, int threads) {
        RowMetrics rm = new RowMetrics(ls, threads);
        int parts = Parallel.parts(ls.nodes());
        int d = ls.dimension();
        rm.begin();
        float[] row = new float[d];
        for (int i = 0; i < ls.nodes(); i++) {
            System.arraycopy(ls.x(), i * d, row, 0, d);
            rm.add(i % parts, row);
        }
        return rm.finish();
    }

    @Test
    void consensusErrorIsExactAroundALargeMean() {
        int n = 500;
        int d = 37;
        LearningState ls = Fixture.consensus(n, d).newState(2);
        SplittableRandom r = new SplittableRandom(5);
        float[] x = ls.x();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (1000 + 1e-2 * (r.nextDouble() - 0.5));
        }
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        double exact = Fixture.consensusError(xd, n, d);
        for (int threads : new int[] {1, 2, 3}) {
            Map<String, Double> m = measure(ls, threads);
            assertEquals(exact, m.get(RunSetup.CONSENSUS_ERROR), 1e-6 * exact, "threads " + threads);
            // Consensus loss: distance to the initial mean, = CE + ||mean - initial mean||^2.
            Metrics ref = ls.metrics();
            assertEquals(ref.loss(), m.get(RunSetup.LOSS), 1e-6 * ref.loss());
            assertEquals(Double.NaN, m.get(RunSetup.ACCURACY));
        }
    }

    @Test
    void classificationMetricsMatchTheLearningState() {
        Workload w = Fixture.digits(200);
        LearningState ls = w.newState(2);
        SplittableRandom r = new SplittableRandom(9);
        float[] x = ls.x();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.05 * r.nextGaussian());
        }
        Metrics ref = ls.metrics();
        Map<String, Double> m = measure(ls, 2);
        assertEquals(ref.consensusError(), m.get(RunSetup.CONSENSUS_ERROR), 1e-6 * ref.consensusError());
        assertEquals(ref.loss(), m.get(RunSetup.LOSS), 1e-6 * ref.loss());
        assertEquals(ref.accuracy(), m.get(RunSetup.ACCURACY), 1e-12);
    }

    @Test
    void identicalRowsHaveZeroError() {
        LearningState ls = Fixture.consensus(300, 5).newState(2);
        float[] x = ls.x();
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1f * (i % 5) + 3.3f;
        }
        assertEquals(0.0, measure(ls, 2).get(RunSetup.CONSENSUS_ERROR), 1e-13);
    }
}
