package org.edgeai.app.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number text for the file writers. */
final class TexNumbers {

    private TexNumbers() {
    }

    /** At most 4 decimals, no trailing zeros, plain notation ({@code 1.5}, {@code 3}, {@code 0.0125}). */
    static String fmt(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.signum() == 0) {
            return "0";
        }
        return b.toPlainString();
    }

    /**
     * A data value for pgfplots: the shortest text that reads back as the same double, in exponent notation
     * where {@link Double#toString} uses it ({@code 1.0E-5} becomes {@code 1.0e-5}), which pgfplots reads.
     */
    static String data(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace('E', 'e');
    }
}
