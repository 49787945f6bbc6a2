package org.edgeai.model.pipeline;

import java.math.BigDecimal;

/**
 * Locale-independent, deterministic number text for CSV files: the shortest decimal that reads back as
 * the same {@code double} ({@link Double#toString}), written without an exponent and without trailing
 * zeros ({@code 0.5}, {@code 12}, {@code 0.000001}). The same double always gives the same text.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @throws IllegalArgumentException for NaN or an infinity (they never belong in an output file)
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write a non-finite number: " + v);
        }
        if (v == 0) {
            return "0"; // also turns -0.0 into 0
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s;
    }

    public static String format(long v) {
        return Long.toString(v);
    }
}
