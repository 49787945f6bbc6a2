package org.edgeai.model.engine.core;

import java.util.SplittableRandom;

/**
 * Random variates from a {@link SplittableRandom}, defined by this class (not by the JDK's unspecified
 * {@code nextGaussian} / {@code nextExponential} / bounded-int algorithms) and computed with {@link StrictMath}
 * where a transcendental function is needed, so that a seed gives the same numbers on every JVM version and
 * CPU. Only {@link SplittableRandom#nextLong()} and {@link SplittableRandom#nextDouble()} are used, whose
 * algorithms (SplitMix64) are fixed.
 */
public final class Draws {

    // Ziggurat for the standard exponential (Marsaglia & Tsang 2000), 256 layers.
    private static final int LAYERS = 256;
    private static final double R = 7.69711747013104972;      // start of the tail
    private static final double V = 3.949659822581572e-3;     // area of each layer
    private static final double[] X = new double[LAYERS + 1]; // layer edges, X[0] = V / f(R), X[LAYERS] = 0
    private static final double[] F = new double[LAYERS + 1]; // f(X[i]) = exp(-X[i])

    static {
        X[0] = V / StrictMath.exp(-R);
        X[1] = R;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = -StrictMath.log(V / X[i - 1] + StrictMath.exp(-X[i - 1]));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = StrictMath.exp(-X[i]);
        }
    }

    private Draws() {
    }

    /**
     * An exponential variate with the given rate (mean 1 / rate), by the ziggurat method: about 98% of draws
     * cost one {@code nextLong} and a multiplication; the rest use {@link StrictMath#exp}/{@code log}.
     *
     * @param rate &gt; 0, in events per second
     */
    public static double exponential(SplittableRandom r, double rate) {
        return standardExponential(r) / rate;
    }

    /** A standard exponential variate (mean 1). */
    public static double standardExponential(SplittableRandom r) {
        double shift = 0;
        while (true) {
            long u = r.nextLong();
            int i = (int) (u & (LAYERS - 1));      // layer, from the low 8 bits
            double x = (u >>> 11) * 0x1.0p-53 * X[i]; // uniform in [0, X[i]) from the high 53 bits
            if (x < X[i + 1]) {
                return shift + x;                   // inside the layer's rectangle core
            }
            if (i == 0) {
                shift += R;                         // tail: memoryless, start again beyond R
                continue;
            }
            double y = F[i] + r.nextDouble() * (F[i + 1] - F[i]);
            if (y < StrictMath.exp(-x)) {
                return shift + x;                   // under the curve in the layer's wedge
            }
        }
    }

    /**
     * A uniform int in [0, bound) by Lemire's multiply-shift method with rejection (exactly uniform, no
     * division in the common case).
     *
     * @param bound &gt; 0
     */
    public static int uniformInt(SplittableRandom r, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("uniformInt: bound must be > 0, got " + bound);
        }
        long m = (r.nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound; // 2^32 mod bound
            while (low < threshold) {
                m = (r.nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A standard normal variate by the Box–Muller transform (one of the pair; consumes two uniforms).
     */
    public static double standardNormal(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /**
     * A lognormal variate with median 1 and shape {@code sigma}: {@code exp(sigma * Z)}. Returns exactly 1 (and
     * still consumes the draws) when sigma is 0.
     *
     * @param sigma &ge; 0
     */
    public static double lognormalMedianOne(SplittableRandom r, double sigma) {
        double z = standardNormal(r);
        return sigma == 0 ? 1.0 : StrictMath.exp(sigma * z);
    }
}
