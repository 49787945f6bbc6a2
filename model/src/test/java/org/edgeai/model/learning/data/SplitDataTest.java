package org.edgeai.model.learning.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SplitDataTest {

    @Test
    void stratifiedDisjointCoveringAndSeeded() {
        Dataset d = Datasets.digits();
        SplitData s = SplitData.split(d, 0.2, 42);
        int[] counts = d.classCounts();
        int[] testCounts = new int[10];
        for (int i : s.testIndices()) {
            testCounts[d.labels()[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(0.2 * counts[c]), testCounts[c], "class " + c);
        }
        boolean[] seen = new boolean[d.size()];
        for (int i : s.trainIndices()) {
            seen[i] = true;
        }
        for (int i : s.testIndices()) {
            assertFalse(seen[i], "train and test are disjoint");
            seen[i] = true;
        }
        for (boolean b : seen) {
            assertEquals(true, b);
        }
        assertEquals(d.size(), s.train().size() + s.test().size());
        SplitData again = SplitData.split(d, 0.2, 42);
        assertArrayEquals(s.testIndices(), again.testIndices());
        assertFalse(Arrays.equals(s.testIndices(), SplitData.split(d, 0.2, 43).testIndices()));
        // Labels follow their samples.
        assertEquals(d.labels()[s.testIndices()[5]], s.test().labels()[5]);
    }

    @Test
    void standardizedWithTheTrainingStatistics() {
        Dataset d = Datasets.digits();
        SplitData s = SplitData.split(d, 0.25, 1);
        int f = d.featureCount();
        Dataset tr = s.train();
        for (int j = 0; j < f; j++) {
            double m = 0, v = 0;
            for (int i = 0; i < tr.size(); i++) {
                m += tr.feature(i, j);
            }
            m /= tr.size();
            for (int i = 0; i < tr.size(); i++) {
                v += (tr.feature(i, j) - m) * (tr.feature(i, j) - m);
            }
            v /= tr.size();
            assertEquals(0, m, 1e-5, "mean of feature " + j);
            if (s.scale()[j] == 1 && rawVariance(d, s.trainIndices(), j) < 1e-20) {
                assertEquals(0, v, 1e-12, "a constant feature is only centred");
            } else {
                assertEquals(1, v, 1e-4, "variance of feature " + j);
            }
        }
        // Pixel (0,0) of digits is always 0: constant.
        assertEquals(1.0, s.scale()[0]);
        // A test value is mapped with the training mean and scale.
        int raw = s.testIndices()[3];
        int j = 20;
        assertEquals((d.feature(raw, j) - s.mean()[j]) / s.scale()[j], s.test().feature(3, j), 1e-5);
    }

    @Test
    void regressionSetsSplitWithoutStrata() {
        float[] x = new float[100];
        float[] t = new float[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            t[i] = 2 * i;
        }
        SplitData s = SplitData.split(Dataset.regression("r", x, 1, t, null), 0.3, 5);
        assertEquals(30, s.test().size());
        assertEquals(2 * (float) s.testIndices()[0], s.test().targets()[0]);
    }

    @Test
    void rejectsBadFractions() {
        Dataset d = Datasets.blobs(10, 2, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitData.split(d, 1.0, 1));
        assertEquals("testFraction: expected a number in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SplitData.split(d, -0.1, 1));
        assertEquals(0, SplitData.split(d, 0, 1).test().size());
    }

    private static double rawVariance(Dataset d, int[] idx, int j) {
        double m = 0, v = 0;
        for (int i : idx) {
            m += d.feature(i, j);
        }
        m /= idx.length;
        for (int i : idx) {
            v += (d.feature(i, j) - m) * (d.feature(i, j) - m);
        }
        return v / idx.length;
    }
}
