package org.edgeai.model.learning.models;

/**
 * The small dense products of the models' forward and backward passes, in plain Java.
 *
 * <p>Why not ND4J: one node's products are tiny (digits/softmax: 32 x 64 times 64 x 10), so an ND4J call
 * per node costs more in dispatch than the arithmetic. ND4J's batched matmul over all 1,000 nodes does
 * the two products about 1.7 times faster than these loops, but the whole gradient done with ND4J
 * operations (gathers, bias, softmax, copies to and from X) measured slower than the whole gradient here,
 * and much slower when other work shares the cores (see {@code LearningBench}).
 * HotSpot does not vectorize such short loops well, so the kernels are register-blocked instead: a 4 x 4
 * tile of outputs lives in 16 local accumulators and each step loads 8 values for 16 fused multiply-adds
 * ({@link Math#fma}, an intrinsic on every x86-64 CPU since 2013 and on AArch64, and correctly rounded, so
 * results are the same on every machine). Remainders use 4 x 2 tiles and a plain loop. When the JVM has the
 * vector module, the softmax model uses {@link VectorSoftmax} instead, which computes the same bits about 2.4
 * times faster.
 *
 * <p>Matrices are row-major {@code float[]} slices; "rows by offset" means row {@code i} of the left
 * operand starts at {@code a[aRow[i]]}, which lets the models read minibatch samples straight from the
 * data set without gathering them. All methods are O(m n k) and allocate nothing.
 */
final class Kernels {

    private Kernels() {
    }

    /**
     * {@code out[i*ldo + j] = bias[bOff + j] + Σ_p a[aRow[i] + p] · w[wOff + p*n + j]} for i &lt; m,
     * j &lt; n, p &lt; k; {@code bias == null} means 0.
     */
    static void mulRows(int m, int n, int k, float[] a, int[] aRow, float[] w, int wOff,
                        float[] bias, int bOff, float[] out, int ldo) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            final int r0 = aRow[i];
            final int r1 = aRow[i + 1];
            final int r2 = aRow[i + 2];
            final int r3 = aRow[i + 3];
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int wp = wOff + j;
                for (int p = 0; p < k; p++, wp += n) {
                    float a0 = a[r0 + p], a1 = a[r1 + p], a2 = a[r2 + p], a3 = a[r3 + p];
                    float w0 = w[wp], w1 = w[wp + 1], w2 = w[wp + 2], w3 = w[wp + 3];
                    c00 = Math.fma(a0, w0, c00); c01 = Math.fma(a0, w1, c01); c02 = Math.fma(a0, w2, c02); c03 = Math.fma(a0, w3, c03);
                    c10 = Math.fma(a1, w0, c10); c11 = Math.fma(a1, w1, c11); c12 = Math.fma(a1, w2, c12); c13 = Math.fma(a1, w3, c13);
                    c20 = Math.fma(a2, w0, c20); c21 = Math.fma(a2, w1, c21); c22 = Math.fma(a2, w2, c22); c23 = Math.fma(a2, w3, c23);
                    c30 = Math.fma(a3, w0, c30); c31 = Math.fma(a3, w1, c31); c32 = Math.fma(a3, w2, c32); c33 = Math.fma(a3, w3, c33);
                }
                float b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                if (bias != null) {
                    b0 = bias[bOff + j]; b1 = bias[bOff + j + 1]; b2 = bias[bOff + j + 2]; b3 = bias[bOff + j + 3];
                }
                int o = i * ldo + j;
                out[o] = c00 + b0; out[o + 1] = c01 + b1; out[o + 2] = c02 + b2; out[o + 3] = c03 + b3;
                o += ldo;
                out[o] = c10 + b0; out[o + 1] = c11 + b1; out[o + 2] = c12 + b2; out[o + 3] = c13 + b3;
                o += ldo;
                out[o] = c20 + b0; out[o + 1] = c21 + b1; out[o + 2] = c22 + b2; out[o + 3] = c23 + b3;
                o += ldo;
                out[o] = c30 + b0; out[o + 1] = c31 + b1; out[o + 2] = c32 + b2; out[o + 3] = c33 + b3;
            }
            for (; j + 2 <= n; j += 2) {
                float c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                int wp = wOff + j;
                for (int p = 0; p < k; p++, wp += n) {
                    float a0 = a[r0 + p], a1 = a[r1 + p], a2 = a[r2 + p], a3 = a[r3 + p];
                    float w0 = w[wp], w1 = w[wp + 1];
                    c00 = Math.fma(a0, w0, c00); c01 = Math.fma(a0, w1, c01);
                    c10 = Math.fma(a1, w0, c10); c11 = Math.fma(a1, w1, c11);
                    c20 = Math.fma(a2, w0, c20); c21 = Math.fma(a2, w1, c21);
                    c30 = Math.fma(a3, w0, c30); c31 = Math.fma(a3, w1, c31);
                }
                float b0 = 0, b1 = 0;
                if (bias != null) {
                    b0 = bias[bOff + j]; b1 = bias[bOff + j + 1];
                }
                int o = i * ldo + j;
                out[o] = c00 + b0; out[o + 1] = c01 + b1;
                o += ldo;
                out[o] = c10 + b0; out[o + 1] = c11 + b1;
                o += ldo;
                out[o] = c20 + b0; out[o + 1] = c21 + b1;
                o += ldo;
                out[o] = c30 + b0; out[o + 1] = c31 + b1;
            }
            for (; j < n; j++) {
                float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                int wp = wOff + j;
                for (int p = 0; p < k; p++, wp += n) {
                    float wv = w[wp];
                    c0 = Math.fma(a[r0 + p], wv, c0);
                    c1 = Math.fma(a[r1 + p], wv, c1);
                    c2 = Math.fma(a[r2 + p], wv, c2);
                    c3 = Math.fma(a[r3 + p], wv, c3);
                }
                float b = bias == null ? 0 : bias[bOff + j];
                out[i * ldo + j] = c0 + b;
                out[(i + 1) * ldo + j] = c1 + b;
                out[(i + 2) * ldo + j] = c2 + b;
                out[(i + 3) * ldo + j] = c3 + b;
            }
        }
        for (; i < m; i++) {
            int r = aRow[i];
            for (int j = 0; j < n; j++) {
                float c = 0;
                int wp = wOff + j;
                for (int p = 0; p < k; p++, wp += n) {
                    c = Math.fma(a[r + p], w[wp], c);
                }
                out[i * ldo + j] = c + (bias == null ? 0 : bias[bOff + j]);
            }
        }
    }

    /**
     * {@code out[oOff + q*n + j] = Σ_i a[aRow[i] + q] · d[i*ldd + j]} for q &lt; k, j &lt; n, i &lt; m:
     * the product Aᵀ D with A's rows given by offset (assigns, does not accumulate).
     */
    static void mulTransRows(int m, int n, int k, float[] a, int[] aRow, float[] d, int ldd, float[] out, int oOff) {
        int q = 0;
        for (; q + 4 <= k; q += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int dp = j;
                for (int i = 0; i < m; i++, dp += ldd) {
                    int r = aRow[i] + q;
                    float a0 = a[r], a1 = a[r + 1], a2 = a[r + 2], a3 = a[r + 3];
                    float w0 = d[dp], w1 = d[dp + 1], w2 = d[dp + 2], w3 = d[dp + 3];
                    c00 = Math.fma(a0, w0, c00); c01 = Math.fma(a0, w1, c01); c02 = Math.fma(a0, w2, c02); c03 = Math.fma(a0, w3, c03);
                    c10 = Math.fma(a1, w0, c10); c11 = Math.fma(a1, w1, c11); c12 = Math.fma(a1, w2, c12); c13 = Math.fma(a1, w3, c13);
                    c20 = Math.fma(a2, w0, c20); c21 = Math.fma(a2, w1, c21); c22 = Math.fma(a2, w2, c22); c23 = Math.fma(a2, w3, c23);
                    c30 = Math.fma(a3, w0, c30); c31 = Math.fma(a3, w1, c31); c32 = Math.fma(a3, w2, c32); c33 = Math.fma(a3, w3, c33);
                }
                int o = oOff + q * n + j;
                out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
                o += n;
                out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
                o += n;
                out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
                o += n;
                out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
            }
            for (; j + 2 <= n; j += 2) {
                float c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
                int dp = j;
                for (int i = 0; i < m; i++, dp += ldd) {
                    int r = aRow[i] + q;
                    float a0 = a[r], a1 = a[r + 1], a2 = a[r + 2], a3 = a[r + 3];
                    float w0 = d[dp], w1 = d[dp + 1];
                    c00 = Math.fma(a0, w0, c00); c01 = Math.fma(a0, w1, c01);
                    c10 = Math.fma(a1, w0, c10); c11 = Math.fma(a1, w1, c11);
                    c20 = Math.fma(a2, w0, c20); c21 = Math.fma(a2, w1, c21);
                    c30 = Math.fma(a3, w0, c30); c31 = Math.fma(a3, w1, c31);
                }
                int o = oOff + q * n + j;
                out[o] = c00; out[o + 1] = c01;
                o += n;
                out[o] = c10; out[o + 1] = c11;
                o += n;
                out[o] = c20; out[o + 1] = c21;
                o += n;
                out[o] = c30; out[o + 1] = c31;
            }
            for (; j < n; j++) {
                float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                int dp = j;
                for (int i = 0; i < m; i++, dp += ldd) {
                    int r = aRow[i] + q;
                    float dv = d[dp];
                    c0 = Math.fma(a[r], dv, c0);
                    c1 = Math.fma(a[r + 1], dv, c1);
                    c2 = Math.fma(a[r + 2], dv, c2);
                    c3 = Math.fma(a[r + 3], dv, c3);
                }
                int o = oOff + q * n + j;
                out[o] = c0;
                out[o + n] = c1;
                out[o + 2 * n] = c2;
                out[o + 3 * n] = c3;
            }
        }
        for (; q < k; q++) {
            for (int j = 0; j < n; j++) {
                float c = 0;
                int dp = j;
                for (int i = 0; i < m; i++, dp += ldd) {
                    c = Math.fma(a[aRow[i] + q], d[dp], c);
                }
                out[oOff + q * n + j] = c;
            }
        }
    }

    /**
     * {@code out[i*ldo + q] = Σ_j d[i*ldd + j] · w[wOff + q*n + j]} for i &lt; m, q &lt; k, j &lt; n: the
     * product D Wᵀ with W a k x n row-major block (the back-propagation through a dense layer).
     */
    static void mulNT(int m, int k, int n, float[] d, int ldd, float[] w, int wOff, float[] out, int ldo) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int d0 = i * ldd, d1 = d0 + ldd, d2 = d1 + ldd, d3 = d2 + ldd;
            int q = 0;
            for (; q + 4 <= k; q += 4) {
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int w0p = wOff + q * n, w1p = w0p + n, w2p = w1p + n, w3p = w2p + n;
                for (int j = 0; j < n; j++) {
                    float a0 = d[d0 + j], a1 = d[d1 + j], a2 = d[d2 + j], a3 = d[d3 + j];
                    float w0 = w[w0p + j], w1 = w[w1p + j], w2 = w[w2p + j], w3 = w[w3p + j];
                    c00 = Math.fma(a0, w0, c00); c01 = Math.fma(a0, w1, c01); c02 = Math.fma(a0, w2, c02); c03 = Math.fma(a0, w3, c03);
                    c10 = Math.fma(a1, w0, c10); c11 = Math.fma(a1, w1, c11); c12 = Math.fma(a1, w2, c12); c13 = Math.fma(a1, w3, c13);
                    c20 = Math.fma(a2, w0, c20); c21 = Math.fma(a2, w1, c21); c22 = Math.fma(a2, w2, c22); c23 = Math.fma(a2, w3, c23);
                    c30 = Math.fma(a3, w0, c30); c31 = Math.fma(a3, w1, c31); c32 = Math.fma(a3, w2, c32); c33 = Math.fma(a3, w3, c33);
                }
                int o = i * ldo + q;
                out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
                o += ldo;
                out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
                o += ldo;
                out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
                o += ldo;
                out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
            }
            for (; q < k; q++) {
                float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                int wp = wOff + q * n;
                for (int j = 0; j < n; j++) {
                    float wv = w[wp + j];
                    c0 = Math.fma(d[d0 + j], wv, c0);
                    c1 = Math.fma(d[d1 + j], wv, c1);
                    c2 = Math.fma(d[d2 + j], wv, c2);
                    c3 = Math.fma(d[d3 + j], wv, c3);
                }
                out[i * ldo + q] = c0;
                out[(i + 1) * ldo + q] = c1;
                out[(i + 2) * ldo + q] = c2;
                out[(i + 3) * ldo + q] = c3;
            }
        }
        for (; i < m; i++) {
            for (int q = 0; q < k; q++) {
                float c = 0;
                for (int j = 0; j < n; j++) {
                    c = Math.fma(d[i * ldd + j], w[wOff + q * n + j], c);
                }
                out[i * ldo + q] = c;
            }
        }
    }

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    /**
     * e^x in float for x &lt;= 88, with relative error below 3e-7 (two units in the last place): x is
     * reduced to r = x − k ln 2 with |r| &lt;= ln2/2 (Cody–Waite, two-part ln 2), e^r by its degree-6
     * Taylor polynomial, times 2^k built from the exponent bits. Returns 0 below −87.3 (where e^x is
     * subnormal in float). About 1.7 times faster than {@code (float) Math.exp(x)} here (measured over
     * 320,000 values, the exponentials of one digits/softmax round at N = 1,000).
     */
    static float exp(float x) {
        if (x < -87.3f) {
            return 0f;
        }
        float kf = (float) Math.floor(x * LOG2E + 0.5f);
        float r = x - kf * LN2_HI;
        r = r - kf * LN2_LO;
        float p = 1f + r * (1f + r * (0.5f + r * (0.16666667f + r * (0.041666668f + r * (0.008333334f + r * 0.0013888889f)))));
        return p * Float.intBitsToFloat(((int) kf + 127) << 23);
    }
}
