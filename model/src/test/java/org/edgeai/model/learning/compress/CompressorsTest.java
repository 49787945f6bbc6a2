package org.edgeai.model.learning.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CompressorsTest {

    private static final int[] DIMS = {0, 1, 2, 3, 5, 8, 64, 100, 650, 1000, 4097, 1 << 20};

    /** ⌈log2 x⌉ by counting, independent of the implementation's bit trick. */
    private static int ceilLog2(long x) {
        int b = 0;
        while ((1L << b) < x) {
            b++;
        }
        return b;
    }

    private static long k(double ratio, int d) {
        return Math.max(1, Math.round(ratio * d));
    }

    @Test
    void bitsFollowTheFormulas() {
        for (int d : DIMS) {
            assertEquals(Math.max(1, 32L * d), Compressors.none().bits(d), "none d=" + d);
            assertEquals(Math.max(1, 16L * d), Compressors.fp16().bits(d), "fp16 d=" + d);
            assertEquals(d + 32L, Compressors.sign().bits(d), "sign d=" + d);
            for (int s : new int[] {1, 2, 3, 4, 7, 8, 15, 16, 255, 256, 1000}) {
                assertEquals(32L + (long) d * (1 + ceilLog2(s + 1L)), Compressors.qsgd(s, 1).bits(d), "qsgd s=" + s + " d=" + d);
            }
            for (double ratio : new double[] {0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.999, 1.0}) {
                long expTop = d == 0 ? 1 : k(ratio, d) * (32 + ceilLog2(d));
                long expRand = d == 0 ? 1 : 32 * k(ratio, d) + 32;
                assertEquals(expTop, Compressors.topk(ratio, true).bits(d), "topk " + ratio + " d=" + d);
                assertEquals(expTop, Compressors.topk(ratio, false).bits(d), "topk " + ratio + " d=" + d);
                assertEquals(expRand, Compressors.randk(ratio, 1).bits(d), "randk " + ratio + " d=" + d);
            }
        }
    }

    @Test
    void bitsForDigitsSoftmax() {
        int d = 650; // 64 x 10 + 10
        assertEquals(20_800, Compressors.none().bits(d));
        assertEquals(10_400, Compressors.fp16().bits(d));
        assertEquals(32 + 650 * 6, Compressors.qsgd(16, 0).bits(d));    // ceil(log2 17) = 5
        assertEquals(33 * (32 + 10), Compressors.topk(0.05, true).bits(d)); // k = round(32.5) = 33, ceil(log2 650) = 10
        assertEquals(32 * 33 + 32, Compressors.randk(0.05, 0).bits(d));
        assertEquals(682, Compressors.sign().bits(d));
        assertEquals(32, Compressors.topk(0.5, true).bits(1));           // k = 1, ceil(log2 1) = 0
    }

    @Test
    void compressReturnsTheBitsAndLeavesTheSourceAlone() {
        float[] v = random(257, 5);
        float[] copy = v.clone();
        for (CompressionScheme s : all()) {
            float[] out = new float[259];
            assertEquals(s.bits(257), s.forSender(0).compress(v, 0, out, 2, 257), s.describe());
            assertArrayEquals(copy, v, s.describe() + " must not modify its input");
        }
    }

    @Test
    void inPlaceEqualsOutOfPlace() {
        for (CompressionScheme s : all()) {
            float[] v = random(300, 8);
            float[] out = new float[300];
            s.forSender(4).compress(v, 0, out, 0, 300);
            float[] w = v.clone();
            s.forSender(4).compress(w, 0, w, 0, 300);
            assertArrayEquals(out, w, s.describe());
        }
    }

    @Test
    void noneIsTheIdentity() {
        float[] v = random(100, 1);
        assertArrayEquals(v, Compressors.none().forSender(0).compress(v));
    }

    @Test
    void fp16RoundsEveryValue() {
        float[] v = random(1000, 2);
        float[] out = Compressors.fp16().forSender(0).compress(v);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Fp16.round(v[i]), out[i]);
            assertTrue(Math.abs(out[i] - v[i]) <= Math.abs(v[i]) * 0x1p-11 + 0x1p-25, "within half a unit in the last place of half precision");
        }
    }

    @Test
    void signSendsTheMeanMagnitudeWithTheSigns() {
        float[] v = {3f, -1f, 0f, -0f, 2f, -4f};
        float[] out = Compressors.sign().forSender(0).compress(v);
        float scale = (3 + 1 + 0 + 0 + 2 + 4) / 6f;
        assertArrayEquals(new float[] {scale, -scale, scale, scale, scale, -scale}, out);
        assertArrayEquals(new float[3], Compressors.sign().forSender(0).compress(new float[3]));
    }

    @Test
    void topkKeepsTheLargestMagnitudes() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + r.nextInt(300);
            double ratio = r.nextDouble();
            float[] v = new float[d];
            for (int i = 0; i < d; i++) {
                // Few distinct magnitudes so that ties are common.
                v[i] = (r.nextInt(7) - 3) * (trial % 2 == 0 ? 1f : (float) r.nextGaussian());
            }
            float[] out = Compressors.topk(ratio, false).forSender(0).compress(v);
            assertArrayEquals(referenceTopk(v, (int) Math.min(d, k(ratio, d))), out, "d=" + d + " ratio=" + ratio);
        }
    }

    @Test
    void topkBreaksTiesTowardsLowerIndices() {
        float[] out = Compressors.topk(0.5, false).forSender(0).compress(new float[] {1, -1, 1, 1});
        assertArrayEquals(new float[] {1, -1, 0, 0}, out);
    }

    @Test
    void errorFeedbackAccumulatesTheResidualExactly() {
        CompressionScheme s = Compressors.topk(0.1, true);
        Compressors.TopkCompressor c = (Compressors.TopkCompressor) s.forSender(0);
        int d = 50;
        float[] e = new float[d];
        SplittableRandom r = new SplittableRandom(5);
        double[] sentSum = new double[d];
        double[] inputSum = new double[d];
        for (int round = 0; round < 30; round++) {
            float[] v = new float[d];
            for (int i = 0; i < d; i++) {
                v[i] = (float) r.nextGaussian();
                inputSum[i] += v[i];
            }
            float[] p = new float[d];
            for (int i = 0; i < d; i++) {
                p[i] = v[i] + e[i];
            }
            float[] expectedOut = referenceTopk(p, 5);
            float[] out = c.compress(v);
            assertArrayEquals(expectedOut, out, "round " + round);
            float[] mem = c.memory();
            for (int i = 0; i < d; i++) {
                assertEquals(p[i], out[i] + mem[i], 0f, "p = sent + memory, exactly");
                assertTrue(out[i] == 0 || mem[i] == 0, "a value is either sent or remembered");
                e[i] = mem[i];
                sentSum[i] += out[i];
            }
        }
        // Over the rounds nothing is lost: what was sent plus what is remembered is what came in.
        for (int i = 0; i < d; i++) {
            assertEquals(inputSum[i], sentSum[i] + e[i], 1e-4);
        }
    }

    @Test
    void topkWithoutFeedbackKeepsNoMemory() {
        Compressors.TopkCompressor c = (Compressors.TopkCompressor) Compressors.topk(0.1, false).forSender(0);
        c.compress(random(40, 3));
        assertEquals(0, c.memory().length);
    }

    @Test
    void errorFeedbackRejectsADifferentLength() {
        Compressor c = Compressors.topk(0.1, true).forSender(0);
        c.compress(new float[10]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.compress(new float[11]));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("11"), e.getMessage());
    }

    @Test
    void qsgdIsUnbiasedAndOnTheGrid() {
        int levels = 4;
        float[] v = {0.5f, -1.25f, 2f, 0f, -0.01f, 3.3f, -2.2f, 0.7f};
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float normF = (float) norm;
        CompressionScheme scheme = Compressors.qsgd(levels, 99);
        int t = 40_000;
        double[] mean = new double[v.length];
        for (int k = 0; k < t; k++) {
            float[] out = scheme.forSender(k).compress(v); // a fresh stream per draw: the mean over many seeds
            for (int i = 0; i < v.length; i++) {
                double level = Math.abs(out[i]) * levels / normF;
                double r = Math.abs(v[i]) / norm * levels;
                assertEquals(Math.rint(level), level, 1e-4, "on the grid");
                assertTrue(Math.rint(level) == Math.floor(r) || Math.rint(level) == Math.floor(r) + 1, "level is floor(r) or floor(r)+1");
                assertTrue(out[i] == 0 || Math.signum(out[i]) == Math.signum(v[i]), "sign kept");
                mean[i] += out[i];
            }
        }
        for (int i = 0; i < v.length; i++) {
            mean[i] /= t;
            double sd = normF / levels * 0.5 / Math.sqrt(t); // variance of one draw <= (norm/s)^2 / 4
            assertEquals(v[i], mean[i], 5 * sd + 1e-6, "coordinate " + i);
        }
    }

    @Test
    void qsgdOfZeroIsZero() {
        assertArrayEquals(new float[5], Compressors.qsgd(8, 1).forSender(0).compress(new float[5]));
    }

    @Test
    void randkIsUnbiasedScaledAndReproducibleByTheReceiver() {
        int d = 20;
        double ratio = 0.25;
        int kk = 5;
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = i - 7.5f;
        }
        CompressionScheme scheme = Compressors.randk(ratio, 13);
        int t = 40_000;
        double[] mean = new double[d];
        for (int n = 0; n < t; n++) {
            Compressors.RandkCompressor c = (Compressors.RandkCompressor) scheme.forSender(n); // many seeds
            float[] out = c.compress(v);
            int[] pos = Compressors.RandkCompressor.positions(c.lastSeed(), d, kk);
            float[] expected = new float[d];
            for (int p : pos) {
                expected[p] = v[p] * (float) (d / (double) kk);
            }
            assertArrayEquals(expected, out, "the receiver regenerates the positions from the 32-bit seed");
            for (int i = 0; i < d; i++) {
                mean[i] += out[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= t;
            double sd = Math.abs(v[i]) * Math.sqrt((d / (double) kk - 1) / t);
            assertEquals(v[i], mean[i], 5 * sd + 1e-6, "coordinate " + i);
        }
    }

    @Test
    void randomSchemesAreDeterministicPerSenderAndDifferAcrossSenders() {
        for (CompressionScheme s : new CompressionScheme[] {Compressors.qsgd(2, 5), Compressors.randk(0.1, 5)}) {
            float[] v = random(200, 4);
            Compressor a = s.forSender(3);
            Compressor b = s.forSender(3);
            Compressor other = s.forSender(4);
            float[] a1 = a.compress(v);
            assertArrayEquals(a1, b.compress(v), s.describe());
            assertArrayEquals(a.compress(v), b.compress(v), s.describe() + " second message");
            assertFalse(Arrays.equals(a1, other.compress(v)), s.describe() + " another sender draws differently");
        }
    }

    @Test
    void createByNameAndRejectUnknown() {
        assertEquals("topk(ratio=0.2, errorFeedback=false)",
                Compressors.create("topk", Map.of("ratio", 0.2, "errorFeedback", false), 0).describe());
        assertEquals("qsgd(levels=16)", Compressors.create("qsgd", Map.of(), 0).describe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compressors.create("zip", Map.of(), 0));
        assertTrue(e.getMessage().contains("zip") && e.getMessage().contains("topk"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compressors.topk(1.5, true));
        assertThrows(IllegalArgumentException.class, () -> Compressors.qsgd(0, 1));
    }

    @Test
    void unbiasedFlags() {
        assertTrue(Compressors.none().unbiased());
        assertTrue(Compressors.qsgd(4, 0).unbiased());
        assertTrue(Compressors.randk(0.1, 0).unbiased());
        assertFalse(Compressors.fp16().unbiased());
        assertFalse(Compressors.topk(0.1, true).unbiased());
        assertFalse(Compressors.sign().unbiased());
    }

    @Test
    void selectFindsTheKthLargest() {
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 300; t++) {
            int n = 1 + r.nextInt(500);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = t % 3 == 0 ? r.nextInt(5) : (float) Math.abs(r.nextGaussian());
            }
            float[] copy = a.clone();
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = 1 + r.nextInt(n);
            assertEquals(sorted[n - k], Select.kthLargest(a, n, k, new float[n]), "n=" + n + " k=" + k);
            assertArrayEquals(copy, a, "input untouched");
        }
        float[] asc = new float[2000];
        for (int i = 0; i < asc.length; i++) {
            asc[i] = i;
        }
        assertEquals(1999f - 1233f, Select.kthLargest(asc, 2000, 1234, new float[2000]));
        assertThrows(IllegalArgumentException.class, () -> Select.kthLargest(asc, 10, 11, new float[11]));
    }

    private static float[] referenceTopk(float[] v, int k) {
        Integer[] idx = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i])).thenComparingInt(i -> i));
        float[] out = new float[v.length];
        for (int j = 0; j < k; j++) {
            out[idx[j]] = v[idx[j]];
        }
        return out;
    }

    private static CompressionScheme[] all() {
        return new CompressionScheme[] {Compressors.none(), Compressors.fp16(), Compressors.qsgd(8, 1),
                Compressors.topk(0.1, true), Compressors.topk(0.1, false), Compressors.randk(0.1, 1), Compressors.sign()};
    }

    private static float[] random(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
