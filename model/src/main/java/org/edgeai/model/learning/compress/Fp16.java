package org.edgeai.model.learning.compress;

/**
 * IEEE 754 binary16 ("half precision") conversions, since Java 17 has no {@code Float.floatToFloat16}.
 *
 * <p>{@link #fromFloat} rounds to nearest, ties to even, in one step from the float's bits (no double
 * rounding): values at or above 65520 in magnitude become infinity, values below 2^-14 become
 * subnormals (multiples of 2^-24), those at or below 2^-25 become a signed zero (2^-25 itself is a tie and
 * goes to the even zero). NaN stays NaN (quiet, upper payload bits kept), infinities stay infinities.
 */
public final class Fp16 {

    private Fp16() {
    }

    /** The binary16 bits nearest to {@code f}, ties to even. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) {
            // Infinity, or NaN (made quiet so that a payload truncated to zero cannot turn it into infinity).
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign; // below 2^-25: rounds to zero
            }
            int m = mant | 0x800000;
            int shift = 14 - e; // 14..24
            int h = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int half = 1 << (shift - 1);
            if (rem > half || (rem == half && (h & 1) != 0)) {
                h++; // may carry into the smallest normal: the bit layout makes that right
            }
            return (short) (sign | h);
        }
        int h = sign | (e << 10) | (mant >>> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (h & 1) != 0)) {
            h++; // may carry into the exponent, up to infinity: right by the bit layout
        }
        return (short) h;
    }

    /** The float value of binary16 bits (exact: every half is a float). */
    public static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int e = (h >>> 10) & 0x1f;
        int m = h & 0x3ff;
        if (e == 0) {
            float v = m * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (e == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (m << 13));
        }
        return Float.intBitsToFloat(sign | ((e - 15 + 127) << 23) | (m << 13));
    }

    /**
     * {@code toFloat(fromFloat(f))}: f rounded to the nearest half-precision value. Magnitudes in
     * [2^-14, 65520), whose result is a normal half, are rounded directly on the float's bits (add
     * 0xfff plus the lowest kept bit, clear the 13 dropped bits: ties to even); the rest go through
     * {@link #fromFloat}.
     */
    public static float round(float f) {
        int b = Float.floatToRawIntBits(f);
        int a = b & 0x7fffffff;
        if (a >= 0x38800000 && a < 0x477ff000) {
            int r = (a + 0xfff + ((a >>> 13) & 1)) & 0xffffe000;
            return Float.intBitsToFloat(r | (b & 0x80000000));
        }
        return toFloat(fromFloat(f));
    }
}
