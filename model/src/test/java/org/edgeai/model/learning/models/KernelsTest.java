package org.edgeai.model.learning.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KernelsTest {

    private static float[] random(int n, SplittableRandom r) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void productsMatchNaiveDoubleLoopsForAllRemainders() {
        SplittableRandom r = new SplittableRandom(1);
        for (int m = 1; m <= 9; m++) {
            for (int n = 1; n <= 9; n++) {
                for (int k : new int[] {1, 2, 3, 4, 5, 8, 13}) {
                    // A: rows at scattered offsets in a pool; W: k x n at an offset.
                    float[] pool = random(40 * k + 7, r);
                    int[] rows = new int[m];
                    for (int i = 0; i < m; i++) {
                        rows[i] = r.nextInt(40) * k + (i % 2);
                    }
                    float[] w = random(k * n + 3, r);
                    float[] bias = random(n + 2, r);
                    float[] out = new float[m * (n + 1)];
                    Kernels.mulRows(m, n, k, pool, rows, w, 3, bias, 2, out, n + 1);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double s = bias[2 + j];
                            for (int p = 0; p < k; p++) {
                                s += (double) pool[rows[i] + p] * w[3 + p * n + j];
                            }
                            assertEquals(s, out[i * (n + 1) + j], 1e-5 * (1 + Math.abs(s)), "mulRows " + m + "x" + n + "x" + k);
                        }
                    }
                    // Aᵀ D with D m x n (leading dimension n + 2).
                    float[] dmat = random(m * (n + 2), r);
                    float[] o2 = new float[5 + k * n];
                    Kernels.mulTransRows(m, n, k, pool, rows, dmat, n + 2, o2, 5);
                    for (int q = 0; q < k; q++) {
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int i = 0; i < m; i++) {
                                s += (double) pool[rows[i] + q] * dmat[i * (n + 2) + j];
                            }
                            assertEquals(s, o2[5 + q * n + j], 1e-5 * (1 + Math.abs(s)), "mulTransRows " + m + "x" + n + "x" + k);
                        }
                    }
                    // D Wᵀ with W k x n at an offset.
                    float[] o3 = new float[m * (k + 1)];
                    Kernels.mulNT(m, k, n, dmat, n + 2, w, 3, o3, k + 1);
                    for (int i = 0; i < m; i++) {
                        for (int q = 0; q < k; q++) {
                            double s = 0;
                            for (int j = 0; j < n; j++) {
                                s += (double) dmat[i * (n + 2) + j] * w[3 + q * n + j];
                            }
                            assertEquals(s, o3[i * (k + 1) + q], 1e-5 * (1 + Math.abs(s)), "mulNT " + m + "x" + k + "x" + n);
                        }
                    }
                }
            }
        }
    }

    @Test
    void fastExpIsAccurate() {
        assertEquals(1f, Kernels.exp(0f));
        assertEquals(0f, Kernels.exp(-100f));
        SplittableRandom r = new SplittableRandom(2);
        double worst = 0;
        for (int t = 0; t < 1_000_000; t++) {
            float x = (float) (r.nextDouble() * 175 - 87.3);
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(Kernels.exp(x) - e) / e);
        }
        assertEquals(0, worst, 3e-7, "relative error");
    }
}
