package org.edgeai.app.plot;

/**
 * The statistics behind error bands: mean, sample standard deviation and Student's t quantiles.
 *
 * <p>The t quantile inverts the t distribution's CDF, computed from the regularized incomplete beta function
 * (Lentz's continued fraction) and a Lanczos log-gamma; accurate to about 1e-10 relative, which is far below
 * what a plot can show. Checked against printed tables in the tests (t(0.975, 2) = 4.303, ...).
 */
public final class Stats {

    private Stats() {
    }

    /** Arithmetic mean of the first {@code n} values; NaN when n = 0. O(n). */
    public static double mean(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** Sample standard deviation (n - 1 in the denominator) of the first {@code n} values; 0 when n < 2. O(n). */
    public static double sampleSd(double[] v, int n) {
        if (n < 2) {
            return 0;
        }
        double m = mean(v, n);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    /**
     * The half-width of the band around the mean of {@code n} values: s for {@link BandKind#SD},
     * t(0.975, n - 1) · s / √n for {@link BandKind#CI95}, 0 for {@link BandKind#NONE} or n < 2.
     */
    public static double halfWidth(BandKind kind, double[] v, int n) {
        if (kind == BandKind.NONE || n < 2) {
            return 0;
        }
        double s = sampleSd(v, n);
        return kind == BandKind.SD ? s : tQuantile(0.975, n - 1) * s / Math.sqrt(n);
    }

    /**
     * The p-quantile of Student's t distribution with {@code dof} degrees of freedom.
     *
     * @param p   probability in (0, 1)
     * @param dof degrees of freedom, ≥ 1 (need not be an integer)
     * @throws IllegalArgumentException for p outside (0, 1) or dof < 1 (or not finite)
     */
    public static double tQuantile(double p, double dof) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p: expected a probability in (0, 1), got " + p);
        }
        if (!(dof >= 1) || Double.isInfinite(dof)) {
            throw new IllegalArgumentException("dof: expected finite degrees of freedom >= 1, got " + dof);
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -tQuantile(1 - p, dof);
        }
        double lo = 0;
        double hi = 1;
        while (tCdf(hi, dof) < p) { // bracket: the CDF is increasing
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (tCdf(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The CDF of Student's t distribution with {@code dof} degrees of freedom at {@code t}. */
    public static double tCdf(double t, double dof) {
        double x = dof / (dof + t * t);
        double tail = 0.5 * regularizedBeta(x, dof / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** I_x(a, b), the regularized incomplete beta function, for x in [0, 1], a, b > 0. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        double front = Math.exp(lnFront);
        // the continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
    static double logGamma(double x) {
        if (x < 0.5) { // reflection: Γ(x) Γ(1 - x) = π / sin(πx)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double s = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            s += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
