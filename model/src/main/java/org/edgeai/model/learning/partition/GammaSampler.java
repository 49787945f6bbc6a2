package org.edgeai.model.learning.partition;

import java.util.SplittableRandom;

import org.edgeai.model.learning.Seeds;

/**
 * Gamma and Dirichlet draws by Marsaglia and Tsang's method ("A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000), over {@link SplittableRandom} and {@link Seeds#normal}.
 *
 * <p>For shape α &lt; 1 the boost Gamma(α) = Gamma(α + 1) · U^(1/α) is used, in log space: for tiny α
 * (0.01 and below) U^(1/α) underflows double precision, so {@link #logGamma} returns the logarithm and
 * {@link #dirichlet} normalizes with the log-sum-exp trick. Expected O(1) per draw (acceptance &gt; 95 %).
 */
public final class GammaSampler {

    private GammaSampler() {
    }

    /** A Gamma(shape, 1) draw; may be 0.0 when shape is tiny (underflow). */
    public static double gamma(double shape, SplittableRandom rng) {
        return Math.exp(logGamma(shape, rng));
    }

    /** The natural logarithm of a Gamma(shape, 1) draw, finite for every shape &gt; 0. */
    public static double logGamma(double shape, SplittableRandom rng) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("gamma shape: expected a finite number > 0, got " + shape);
        }
        if (shape < 1) {
            double u = rng.nextDouble();
            while (u == 0) {
                u = rng.nextDouble();
            }
            return logGammaAtLeastOne(shape + 1, rng) + Math.log(u) / shape;
        }
        return logGammaAtLeastOne(shape, rng);
    }

    private static double logGammaAtLeastOne(double a, SplittableRandom rng) {
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = Seeds.normal(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) {
                return Math.log(d * v);
            }
            if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return Math.log(d * v);
            }
        }
    }

    /**
     * A draw from the symmetric Dirichlet(α · 1_k): {@code k} non-negative proportions summing to 1
     * (up to rounding). O(k).
     */
    public static double[] dirichlet(double alpha, int k, SplittableRandom rng) {
        if (k < 1) {
            throw new IllegalArgumentException("dirichlet: expected at least 1 component, got " + k);
        }
        double[] lg = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            lg[i] = logGamma(alpha, rng);
            max = Math.max(max, lg[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            lg[i] = Math.exp(lg[i] - max);
            sum += lg[i];
        }
        for (int i = 0; i < k; i++) {
            lg[i] /= sum;
        }
        return lg;
    }
}
