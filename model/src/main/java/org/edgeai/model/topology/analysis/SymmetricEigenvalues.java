package org.edgeai.model.topology.analysis;

import java.util.Arrays;

/**
 * All eigenvalues of a dense real symmetric matrix, in plain Java: Householder reduction to tridiagonal
 * form, then the implicit QL algorithm with Wilkinson shifts (eigenvalues only, no eigenvectors).
 *
 * <p>Cost: about (4/3)n^3 floating-point operations for the reduction (per column, one matrix-vector product
 * and one rank-2 update over the trailing lower triangle, stored as packed rows) and O(n^2) for QL; memory:
 * the packed lower triangle, n(n+1)/2 doubles, plus O(n). Accuracy: absolute error about
 * n &middot; 2^-52 &middot; ||A||_2 per eigenvalue (the method is backward stable).
 */
public final class SymmetricEigenvalues {

    /** Maximum QL iterations for one eigenvalue (typically 1 to 3 are needed). */
    static final int MAX_QL_ITERATIONS = 60;

    private SymmetricEigenvalues() {
    }

    /**
     * @param eigenvalues all n eigenvalues, descending
     * @param converged   false when QL did not converge for some eigenvalue within its iteration limit (those
     *                    values are then only approximations); practically never happens
     * @param iterations  total QL iterations
     */
    public record Result(double[] eigenvalues, boolean converged, int iterations) {
    }

    /**
     * The eigenvalues of the symmetric matrix stored row-major in {@code a} (A_ij at {@code i * n + j}); only
     * the lower triangle (j &le; i) is read; {@code a} is not modified (it is copied into packed rows).
     *
     * @throws IllegalArgumentException when {@code a.length != n * n}
     */
    public static Result compute(double[] a, int n) {
        if (n < 0 || a.length != (long) n * n) {
            throw new IllegalArgumentException("expected a row-major " + n + " x " + n + " array (" + ((long) n * n)
                    + " entries), got " + a.length);
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(a, i * n, i * n + i + 1);
        }
        return computeInPlace(rows);
    }

    /**
     * The eigenvalues of the symmetric matrix whose lower triangle is given by rows: {@code lower[i][j]} = A_ij
     * for j &le; i (a row may be longer; entries past the diagonal are ignored). The rows are overwritten.
     *
     * @throws IllegalArgumentException when a row is shorter than i + 1
     */
    public static Result computeInPlace(double[][] lower) {
        int n = lower.length;
        for (int i = 0; i < n; i++) {
            if (lower[i] == null || lower[i].length < i + 1) {
                throw new IllegalArgumentException("row " + i + " of the lower triangle must hold at least " + (i + 1)
                        + " entries, got " + (lower[i] == null ? "null" : lower[i].length));
            }
        }
        if (n == 0) {
            return new Result(new double[0], true, 0);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(lower, d, e);
        int iterations = tql(d, e);
        boolean converged = iterations >= 0;
        Arrays.sort(d);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return new Result(d, converged, converged ? iterations : -iterations - 1);
    }

    /**
     * Householder reduction A = Q T Q^T of the lower triangle {@code a[i][j]} (j &le; i): on return {@code d}
     * holds T's diagonal and {@code e[i] = T[i][i+1]} (i &lt; n − 1; {@code e[n-1] = 0}). {@code a} is
     * overwritten. The row kernels index every array by the same j, so the JIT can vectorize them.
     */
    static void tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = a.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int r = k + 1; // first row/column of the trailing block
            // Householder vector for column k below the diagonal, scaled against overflow/underflow
            double scale = 0;
            for (int i = r; i < n; i++) {
                scale = Math.max(scale, Math.abs(a[i][k]));
            }
            d[k] = a[k][k];
            double sigma = 0;
            for (int i = r + 1; i < n; i++) {
                double xi = a[i][k] / scale;
                sigma += xi * xi;
            }
            if (scale == 0 || sigma == 0) {
                e[k] = a[r][k]; // column already reduced: H = I
                continue;
            }
            double x0 = a[r][k] / scale;
            double norm = Math.sqrt(x0 * x0 + sigma);
            double alpha = x0 >= 0 ? -norm : norm;
            v[r] = x0 - alpha;
            for (int i = r + 1; i < n; i++) {
                v[i] = a[i][k] / scale;
            }
            double tau = 2.0 / (v[r] * v[r] + sigma);
            e[k] = alpha * scale;

            // p = B v for the trailing block B (rows and columns r..n-1), from its lower triangle:
            // row i contributes a_ij v_i to p_j (j < i) and a_i. . v to p_i
            Arrays.fill(p, r, n, 0.0);
            for (int i = r; i < n; i++) {
                double[] ai = a[i];
                double vi = v[i];
                axpy(ai, r, i, vi, p);
                p[i] += dot(ai, r, i, v) + ai[i] * vi;
            }
            // p = tau B v; w = p - (tau/2)(p.v) v (kept in p); B -= v w^T + w v^T
            double pv = 0;
            for (int i = r; i < n; i++) {
                p[i] *= tau;
                pv += p[i] * v[i];
            }
            double kk = 0.5 * tau * pv;
            for (int i = r; i < n; i++) {
                p[i] -= kk * v[i];
            }
            for (int i = r; i < n; i++) {
                rank2(a[i], r, i + 1, v[i], p[i], v, p);
            }
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 1][n - 2];
        }
        d[n - 1] = a[n - 1][n - 1];
        e[n - 1] = 0;
    }

    /** y[j] += x[j] * s for j in [from, to). */
    private static void axpy(double[] x, int from, int to, double s, double[] y) {
        for (int j = from; j < to; j++) {
            y[j] += x[j] * s;
        }
    }

    /** The dot product of x and y over [from, to), with eight partial sums for instruction-level parallelism. */
    private static double dot(double[] x, int from, int to, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = from;
        for (; j + 7 < to; j += 8) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
            s4 += x[j + 4] * y[j + 4];
            s5 += x[j + 5] * y[j + 5];
            s6 += x[j + 6] * y[j + 6];
            s7 += x[j + 7] * y[j + 7];
        }
        for (; j < to; j++) {
            s0 += x[j] * y[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** row[j] -= vi * w[j] + wi * v[j] for j in [from, to). */
    private static void rank2(double[] row, int from, int to, double vi, double wi, double[] v, double[] w) {
        for (int j = from; j < to; j++) {
            row[j] -= vi * w[j] + wi * v[j];
        }
    }

    /**
     * Implicit QL with Wilkinson shifts on the symmetric tridiagonal matrix with diagonal {@code d} and
     * off-diagonal {@code e[i] = T[i][i+1]}; on return {@code d} holds the eigenvalues (unordered) and
     * {@code e} is destroyed.
     *
     * @return the total number of iterations, or {@code -(iterations + 1)} when some eigenvalue exceeded
     *         {@link #MAX_QL_ITERATIONS}
     */
    static int tql(double[] d, double[] e) {
        int n = d.length;
        final double eps = Math.ulp(1.0);
        int total = 0;
        boolean failed = false;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break; // d[l] has converged
                }
                if (iter == MAX_QL_ITERATIONS) {
                    failed = true;
                    break;
                }
                iter++;
                total++;
                // Wilkinson-type shift from the leading 2x2 block at l
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Math.hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1;
                double c = 1;
                double p = 0;
                int i;
                boolean underflow = false;
                for (i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        // recover from underflow: deflate here
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
        return failed ? -(total + 1) : total;
    }
}
