package org.edgeai.model.learning.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class Fp16Test {

    @Test
    void everyHalfValueRoundTripsExactly() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Fp16.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertEquals(0x7c00, h & 0x7c00, "only exponent 31 decodes to NaN");
                assertTrue(Float.isNaN(Fp16.round(f)));
                continue;
            }
            assertEquals(h, Fp16.fromFloat(f) & 0xffff, "half 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void decodesKnownValues() {
        assertEquals(1.0f, Fp16.toFloat((short) 0x3c00));
        assertEquals(-2.0f, Fp16.toFloat((short) 0xc000));
        assertEquals(65504f, Fp16.toFloat((short) 0x7bff));
        assertEquals(0x1p-14f, Fp16.toFloat((short) 0x0400));
        assertEquals(0x1p-24f, Fp16.toFloat((short) 0x0001));
        assertEquals(1023 * 0x1p-24f, Fp16.toFloat((short) 0x03ff));
        assertEquals(Float.POSITIVE_INFINITY, Fp16.toFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, Fp16.toFloat((short) 0xfc00));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Fp16.toFloat((short) 0x8000)));
    }

    @Test
    void tiesGoToEven() {
        // Spacing of halves in [1, 2) is 2^-10.
        assertEquals(1.0f, Fp16.round(1f + 0x1p-11f));                       // between 1 (even) and 1+2^-10 (odd)
        assertEquals(1f + 0x1p-9f, Fp16.round(1f + 3 * 0x1p-11f));          // between 1+2^-10 (odd) and 1+2^-9 (even)
        assertEquals(1f + 0x1p-10f, Fp16.round(1f + 0x1p-11f + 0x1p-20f));  // just above the tie
        assertEquals(-1.0f, Fp16.round(-1f - 0x1p-11f));
        assertEquals(2048f, Fp16.round(2049f));                             // spacing 2 at 2048: tie to even 2048
        assertEquals(2052f, Fp16.round(2051f));                             // tie between 2050 (odd) and 2052 (even)
    }

    @Test
    void overflowsToInfinity() {
        assertEquals(65504f, Fp16.round(65519.996f));
        assertEquals(Float.POSITIVE_INFINITY, Fp16.round(65520f)); // tie between 65504 (odd) and 2^16 (even): infinity
        assertEquals(Float.POSITIVE_INFINITY, Fp16.round(1e10f));
        assertEquals(Float.NEGATIVE_INFINITY, Fp16.round(-70000f));
        assertEquals(Float.POSITIVE_INFINITY, Fp16.round(Float.POSITIVE_INFINITY));
        assertEquals(Float.NEGATIVE_INFINITY, Fp16.round(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(Fp16.round(Float.NaN)));
        assertTrue(Float.isNaN(Fp16.round(Float.intBitsToFloat(0x7f800001)))); // payload only in low bits: still NaN
    }

    @Test
    void subnormalsAndUnderflow() {
        assertEquals(0x1p-24f, Fp16.round(0x1p-24f));
        assertEquals(0f, Fp16.round(0x1p-25f));                        // tie between 0 (even) and 2^-24 (odd)
        assertEquals(0x1p-24f, Fp16.round(0x1p-25f * 1.0000001f));
        assertEquals(0x1p-23f, Fp16.round(3 * 0x1p-25f));              // tie between 2^-24 (odd) and 2^-23 (even)
        assertEquals(0x1p-14f, Fp16.round(0x1p-14f));
        assertEquals(0x1p-14f, Fp16.round(0x1p-14f - 0x1p-26f));        // rounds up across into the normals
        assertEquals(5 * 0x1p-24f, Fp16.round(5.2f * 0x1p-24f));
        assertEquals(0f, Fp16.round(1e-40f));                          // a float subnormal
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Fp16.round(-1e-30f)));
    }

    @Test
    void roundAgreesWithTheBitConversionEverywhere() {
        int[] edges = {0x38800000, 0x477ff000, 0x477fe000, 0x477fefff, 0x387fffff, 0x33000000, 0x7f7fffff, 0, 1, 0x7f800000};
        for (int e : edges) {
            for (int delta = -3; delta <= 3; delta++) {
                for (int sign : new int[] {0, 0x80000000}) {
                    int bits = (e + delta) | sign;
                    if ((bits & 0x7fffffff) > 0x7f800000 || e + delta < 0) {
                        continue; // NaN patterns, checked elsewhere
                    }
                    float f = Float.intBitsToFloat(bits);
                    assertEquals(Float.floatToRawIntBits(Fp16.toFloat(Fp16.fromFloat(f))), Float.floatToRawIntBits(Fp16.round(f)),
                            "bits 0x" + Integer.toHexString(bits));
                }
            }
        }
        SplittableRandom r = new SplittableRandom(8);
        for (int t = 0; t < 2_000_000; t++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Fp16.round(f)));
                continue;
            }
            assertEquals(Float.floatToRawIntBits(Fp16.toFloat(Fp16.fromFloat(f))), Float.floatToRawIntBits(Fp16.round(f)), "for " + f);
        }
    }

    /** Nearest-even by brute force over the sorted table of all non-negative finite halves (plus 2^16 as infinity). */
    @Test
    void matchesBruteForceNearestEvenOnRandomFloats() {
        double[] values = new double[0x7c00 + 1];
        for (int h = 0; h < 0x7c00; h++) {
            values[h] = Fp16.toFloat((short) h);
        }
        values[0x7c00] = 65536.0; // the first value past the largest half; its bit pattern 0x7c00 is "even"
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 400_000; t++) {
            float f;
            if (t % 3 == 0) {
                f = Float.intBitsToFloat(r.nextInt() & 0x7fffffff);               // any positive bit pattern
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    continue;
                }
            } else {
                f = (float) Math.scalb(1 + r.nextDouble(), r.nextInt(-27, 17));  // the half range and around
            }
            double a = f;
            int idx = Arrays.binarySearch(values, a);
            int expected;
            if (idx >= 0) {
                expected = idx;
            } else {
                int hi = -idx - 1;
                if (hi > 0x7c00) {
                    expected = 0x7c00;
                } else {
                    int lo = hi - 1;
                    double dl = a - values[lo];
                    double dh = values[hi] - a;
                    expected = dl < dh ? lo : dh < dl ? hi : ((lo & 1) == 0 ? lo : hi);
                }
            }
            assertEquals(expected, Fp16.fromFloat(f) & 0xffff, "for " + f);
            assertEquals(expected | 0x8000, Fp16.fromFloat(-f) & 0xffff, "for " + (-f));
        }
    }
}
