package org.edgeai.model.learning.models;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SoftmaxModel}'s minibatch gradient with the JDK's vector API (incubator module {@code jdk.incubator.vector}):
 * one class row of C logits is one vector, so each step of the two products is one vector fused multiply-add with a
 * broadcast sample feature, four rows at a time. Used when the module is present and C fits in one vector
 * ({@link Simd}); loaded only then.
 *
 * <p><b>Same bits as the scalar path.</b> Every output element is computed by exactly the operations of
 * {@link SoftmaxModel}'s scalar path, in the same order: the logits as fma's over the features in ascending order
 * from 0, then plus the bias; {@link Kernels#exp} written with vector operations that round identically (floor by
 * rounding and correction, exact for these magnitudes; 2^k from the exponent bits); the sum of the exponentials
 * in ascending class order (scalar); ∇W as fma's over the samples in ascending order from 0; ∇b as additions in
 * sample order. Lanes never mix, and every vector operation used is correctly rounded per lane, so a run gives
 * byte-identical files with or without the module (tested).
 *
 * <p><b>Memory.</b> A row of W is read straight from the parameter vector when a whole vector fits before the end
 * of the parameters (its extra lanes read the next row and are never used); the last rows, and the bias, go
 * through a padded copy. Gradient rows are written the same way in ascending order, so a vector's extra lanes are
 * overwritten by the next row before anyone reads them, and nothing is written outside the node's own row.
 */
final class VectorSoftmax {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5·2^23: adding it rounds a float below 2^22 in magnitude to an integer, held in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;

    private VectorSoftmax() {
    }

    /** Scratch of one thread: padded logit rows, the padded rows of W that do not fit, a padded bias, row sums. */
    static final class Scratch {
        final float[] z;
        final float[] w;
        final float[] b;
        final float[] sums;

        Scratch(int maxBatch, int features) {
            z = new float[maxBatch * LANES];
            sums = new float[maxBatch];
            w = new float[features * LANES];
            b = new float[LANES];
        }
    }

    /** Rows p &lt; safe(f, c) of W (and of ∇W) have a whole vector inside the d = fc + c parameters. */
    private static int safe(int f, int c) {
        return Math.max(0, Math.min(f, Math.floorDiv(f * c + c - LANES, c) + 1));
    }

    /**
     * The logits of samples {@code samples[0 .. m)} (m &gt;= 0) of {@code a} (f features per row) at the parameters
     * {@code x[xOff ..]}, one padded row of {@link #LANES} floats per sample in {@code z} (lanes from c on are
     * meaningless): as {@link Kernels#mulRows}, fma's over the features in ascending order from 0, then + bias.
     * Requires {@code c <= LANES}.
     */
    static void logits(int f, int c, float[] x, int xOff, float[] a, int[] samples, int m, float[] z, Scratch s) {
        final int safe = safe(f, c);
        final float[] wp = s.w;
        for (int p = safe; p < f; p++) {
            System.arraycopy(x, xOff + p * c, wp, p * LANES, c);
        }
        System.arraycopy(x, xOff + f * c, s.b, 0, c);
        final FloatVector bias = FloatVector.fromArray(S, s.b, 0);
        int b = 0;
        for (; b + 4 <= m; b += 4) {
            int r0 = samples[b] * f;
            int r1 = samples[b + 1] * f;
            int r2 = samples[b + 2] * f;
            int r3 = samples[b + 3] * f;
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            for (int p = 0; p < f; p++) {
                FloatVector w = p < safe ? FloatVector.fromArray(S, x, xOff + p * c) : FloatVector.fromArray(S, wp, p * LANES);
                c0 = FloatVector.broadcast(S, a[r0 + p]).fma(w, c0);
                c1 = FloatVector.broadcast(S, a[r1 + p]).fma(w, c1);
                c2 = FloatVector.broadcast(S, a[r2 + p]).fma(w, c2);
                c3 = FloatVector.broadcast(S, a[r3 + p]).fma(w, c3);
            }
            c0.add(bias).intoArray(z, b * LANES);
            c1.add(bias).intoArray(z, (b + 1) * LANES);
            c2.add(bias).intoArray(z, (b + 2) * LANES);
            c3.add(bias).intoArray(z, (b + 3) * LANES);
        }
        for (; b < m; b++) {
            int r0 = samples[b] * f;
            FloatVector c0 = FloatVector.zero(S);
            for (int p = 0; p < f; p++) {
                FloatVector w = p < safe ? FloatVector.fromArray(S, x, xOff + p * c) : FloatVector.fromArray(S, wp, p * LANES);
                c0 = FloatVector.broadcast(S, a[r0 + p]).fma(w, c0);
            }
            c0.add(bias).intoArray(z, b * LANES);
        }
    }

    /**
     * As {@link SoftmaxModel#gradient}: samples {@code batch[0 .. m)} (m &gt; 0) of {@code a} (f features per row),
     * labels {@code y}, parameters {@code x[xOff ..]} (f x c weights row-major, then c biases), gradient to
     * {@code g[gOff ..]}. Requires {@code c <= LANES}.
     */
    static void gradient(int f, int c, float[] x, int xOff, float[] a, int[] y, int[] batch, int m, float[] g, int gOff,
                         Scratch s) {
        final float[] z = s.z;
        final float[] wp = s.w;
        final int safe = safe(f, c);
        final VectorMask<Float> classes = VectorMask.fromLong(S, (1L << c) - 1);
        logits(f, c, x, xOff, a, batch, m, z, s);
        int b;

        // Softmax rows, then Δ = (P − Y) / m; lanes beyond the classes become 0. In three passes so that the scalar
        // sums read rows stored a while before (reading a vector just stored, lane by lane, stalls on every load).
        final float invB = 1f / m;
        final FloatVector zero = FloatVector.zero(S);
        final float[] sums = s.sums;
        for (b = 0; b < m; b++) {
            FloatVector v = FloatVector.fromArray(S, z, b * LANES);
            exp(v.sub(v.reduceLanes(VectorOperators.MAX, classes))).intoArray(z, b * LANES);
        }
        for (b = 0; b < m; b++) {
            int zb = b * LANES;
            float sum = 0;
            for (int k = 0; k < c; k++) {
                sum += z[zb + k];
            }
            sums[b] = sum;
        }
        for (b = 0; b < m; b++) {
            int zb = b * LANES;
            FloatVector.fromArray(S, z, zb).mul(invB / sums[b]).blend(zero, classes.not()).intoArray(z, zb);
            z[zb + y[batch[b]]] -= invB;
        }

        // ∇W row q = Σ_b a_bq Δ_b (fma in ascending b from 0); four rows at a time, written in ascending order.
        int q = 0;
        for (; q + 4 <= f; q += 4) {
            FloatVector g0 = zero;
            FloatVector g1 = zero;
            FloatVector g2 = zero;
            FloatVector g3 = zero;
            for (b = 0; b < m; b++) {
                int r = batch[b] * f + q;
                FloatVector dv = FloatVector.fromArray(S, z, b * LANES);
                g0 = FloatVector.broadcast(S, a[r]).fma(dv, g0);
                g1 = FloatVector.broadcast(S, a[r + 1]).fma(dv, g1);
                g2 = FloatVector.broadcast(S, a[r + 2]).fma(dv, g2);
                g3 = FloatVector.broadcast(S, a[r + 3]).fma(dv, g3);
            }
            storeRow(g0, q, safe, c, g, gOff, wp);
            storeRow(g1, q + 1, safe, c, g, gOff, wp);
            storeRow(g2, q + 2, safe, c, g, gOff, wp);
            storeRow(g3, q + 3, safe, c, g, gOff, wp);
        }
        for (; q < f; q++) {
            FloatVector g0 = zero;
            for (b = 0; b < m; b++) {
                g0 = FloatVector.broadcast(S, a[batch[b] * f + q]).fma(FloatVector.fromArray(S, z, b * LANES), g0);
            }
            storeRow(g0, q, safe, c, g, gOff, wp);
        }
        // ∇b = Σ_b Δ_b in sample order.
        FloatVector gb = zero;
        for (b = 0; b < m; b++) {
            gb = gb.add(FloatVector.fromArray(S, z, b * LANES));
        }
        gb.intoArray(s.b, 0);
        System.arraycopy(s.b, 0, g, gOff + f * c, c);
    }

    private static void storeRow(FloatVector v, int q, int safe, int c, float[] g, int gOff, float[] pad) {
        if (q < safe) {
            v.intoArray(g, gOff + q * c);
        } else {
            v.intoArray(pad, q * LANES);
            System.arraycopy(pad, q * LANES, g, gOff + q * c, c);
        }
    }

    /**
     * {@link Kernels#exp} lane by lane, with the same roundings: t = x·log2e + ½; floor(t) as t rounded to the nearest
     * integer by adding and subtracting 1.5·2^23 (exact for |t| &lt; 2^22), less 1 where that rounded up; the
     * two-part reduction; the degree-6 Horner polynomial with separate multiplications and additions; times 2^k,
     * whose exponent bits are read off k + 1.5·2^23; 0 below −87.3. (Float-to-int conversions would say this more
     * plainly, but the JDK 17 vector API does not compile them to vector instructions: 20 times slower, measured.)
     */
    static FloatVector exp(FloatVector x) {
        FloatVector t = x.mul(LOG2E).add(0.5f);
        FloatVector rounded = t.add(ROUND).sub(ROUND);
        FloatVector kf = rounded.sub(1f, rounded.compare(VectorOperators.GT, t));
        FloatVector r = x.sub(kf.mul(LN2_HI));
        r = r.sub(kf.mul(LN2_LO));
        FloatVector p = r.mul(0.0013888889f).add(0.008333334f);
        p = r.mul(p).add(0.041666668f);
        p = r.mul(p).add(0.16666667f);
        p = r.mul(p).add(0.5f);
        p = r.mul(p).add(1f);
        p = r.mul(p).add(1f);
        FloatVector scale = kf.add(ROUND).reinterpretAsInts().sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale).blend(0f, x.compare(VectorOperators.LT, -87.3f));
    }
}
