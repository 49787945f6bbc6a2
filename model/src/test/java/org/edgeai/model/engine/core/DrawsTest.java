package org.edgeai.model.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void exponentialMatchesItsDistribution() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 400_000;
        double rate = 2.5;
        double[] x = new double[n];
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Draws.exponential(r, rate);
            assertTrue(x[i] >= 0);
            sum += x[i];
            sq += x[i] * x[i];
        }
        double mean = sum / n;
        assertEquals(1 / rate, mean, 4 * (1 / rate) / Math.sqrt(n));
        assertEquals(1 / (rate * rate), sq / n - mean * mean, 0.01 / (rate * rate) * 2);
        // Kolmogorov–Smirnov against 1 - exp(-rate x): critical value at 0.1% is 1.95 / sqrt(n).
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = 1 - Math.exp(-rate * x[i]);
            d = Math.max(d, Math.max(cdf - (double) i / n, (double) (i + 1) / n - cdf));
        }
        assertTrue(d < 1.95 / Math.sqrt(n), "KS distance " + d);
        // The far tail (beyond the ziggurat's base, x > 7.697) has its probability exp(-7.697) ~ 4.5e-4.
        long tail = Arrays.stream(x).filter(v -> v * rate > 7.69711747013104972).count();
        double p = Math.exp(-7.69711747013104972);
        assertEquals(p * n, tail, 5 * Math.sqrt(p * n));
    }

    @Test
    void exponentialIsAFunctionOfTheSeed() {
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Draws.exponential(a, 1.0), Draws.exponential(b, 1.0));
        }
    }

    @Test
    void uniformIntIsUniformAndInRange() {
        SplittableRandom r = new SplittableRandom(1);
        int bound = 7;
        int n = 700_000;
        int[] c = new int[bound];
        for (int i = 0; i < n; i++) {
            c[Draws.uniformInt(r, bound)]++;
        }
        double chi2 = 0;
        for (int k : c) {
            chi2 += (k - n / (double) bound) * (k - n / (double) bound) / (n / (double) bound);
        }
        assertTrue(chi2 < 22.5, "chi-square with 6 degrees of freedom at 0.1%: " + chi2);
        assertEquals(0, Draws.uniformInt(r, 1));
        int big = (1 << 30) + 12345; // exercises the rejection step's threshold
        for (int i = 0; i < 10000; i++) {
            int v = Draws.uniformInt(r, big);
            assertTrue(v >= 0 && v < big);
        }
        assertThrows(IllegalArgumentException.class, () -> Draws.uniformInt(r, 0));
    }

    @Test
    void lognormalHasMedianOneAndIsExactlyOneWithoutSpread() {
        SplittableRandom r = new SplittableRandom(2);
        assertEquals(1.0, Draws.lognormalMedianOne(r, 0));
        int n = 100_001;
        double[] x = new double[n];
        double logSum = 0;
        double logSq = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Draws.lognormalMedianOne(r, 0.5);
            logSum += Math.log(x[i]);
            logSq += Math.log(x[i]) * Math.log(x[i]);
        }
        Arrays.sort(x);
        assertEquals(1.0, x[n / 2], 0.01);
        assertEquals(0.0, logSum / n, 0.01);
        assertEquals(0.25, logSq / n, 0.01);
    }
}
