package org.edgeai.model.learning.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GammaSamplerTest {

    @Test
    void meanAndVarianceMatchTheShape() {
        for (double a : new double[] {0.1, 0.5, 1, 2.5, 10, 100}) {
            SplittableRandom r = new SplittableRandom((long) (a * 1000));
            int n = 200_000;
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                double g = GammaSampler.gamma(a, r);
                assertTrue(g >= 0);
                s += g;
                s2 += g * g;
            }
            double mean = s / n;
            double var = s2 / n - mean * mean;
            // Gamma(a, 1): mean a, variance a; the sample mean has sd sqrt(a/n).
            assertEquals(a, mean, 5 * Math.sqrt(a / n), "mean for shape " + a);
            assertEquals(a, var, 0.05 * a, "variance for shape " + a);
        }
    }

    @Test
    void tinyShapesStayFiniteInLogSpace() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double lg = GammaSampler.logGamma(1e-4, r);
            assertTrue(Double.isFinite(lg));
        }
        double[] p = GammaSampler.dirichlet(1e-3, 20, r);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void dirichletMeanIsUniform() {
        SplittableRandom r = new SplittableRandom(2);
        int k = 5;
        double[] mean = new double[k];
        int n = 20_000;
        for (int t = 0; t < n; t++) {
            double[] p = GammaSampler.dirichlet(0.7, k, r);
            for (int i = 0; i < k; i++) {
                mean[i] += p[i] / n;
            }
        }
        for (double m : mean) {
            assertEquals(1.0 / k, m, 0.01);
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> GammaSampler.gamma(0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> GammaSampler.gamma(Double.NaN, new SplittableRandom(1)));
    }
}
