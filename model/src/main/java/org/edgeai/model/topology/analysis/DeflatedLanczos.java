package org.edgeai.model.topology.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The extreme eigenvalues of a mixing matrix W restricted to the complement of the all-ones vector, i.e.
 * &lambda;_2 and &lambda;_n of W (W 1 = 1 and W is symmetric, so 1&#8869; is invariant and holds every other
 * eigenvector). Thick-restart Lanczos with full reorthogonalization (classical Gram–Schmidt applied twice,
 * against the basis and against 1), which is the symmetric Krylov–Schur method: after each cycle of
 * {@code m} steps the Ritz vectors of the {@code keep} largest and {@code keep} smallest Ritz values are kept
 * and the cycle continues from the residual.
 *
 * <p>Convergence: a Ritz pair (&theta;, y) has residual ||W y − &theta; y|| = &beta; |s_m|, and some eigenvalue
 * lies within that residual of &theta;; the run stops when both extreme Ritz values have residual &le; tol.
 * Cost per step O(n + nnz(W) + m n); memory m n doubles. Converges in a few dozen steps when &lambda;_2 and
 * &lambda;_n are well separated from the rest of the spectrum (random graphs); slowly when they are clustered
 * (long rings and paths, where the gap 1 − &lambda;_2 ~ 1/n^2).
 */
final class DeflatedLanczos {

    /**
     * @param lambdaMax   the largest Ritz value on 1&#8869; (estimate of &lambda;_2; never above it)
     * @param lambdaMin   the smallest Ritz value on 1&#8869; (estimate of &lambda;_n; never below it)
     * @param residualMax residual norm of the pair for {@code lambdaMax}
     * @param residualMin residual norm of the pair for {@code lambdaMin}
     * @param converged   both residuals &le; the tolerance (or the whole space was spanned)
     * @param matvecs     products with W
     */
    record Result(double lambdaMax, double lambdaMin, double residualMax, double residualMin, boolean converged,
                  int matvecs) {
    }

    /** A residual norm below this (W has norm 1) means an invariant subspace was reached. */
    private static final double BREAKDOWN = 1e-12;

    private DeflatedLanczos() {
    }

    /**
     * @param w          the mixing matrix, n &ge; 2
     * @param tol        absolute residual tolerance (&gt; 0)
     * @param maxBasis   basis size m per cycle (&ge; 4; capped at n − 1 and by memory)
     * @param maxMatvecs budget of products with W
     * @param seed       seed of the random start vector
     */
    static Result run(MixingMatrix w, double tol, int maxBasis, int maxMatvecs, long seed) {
        int n = w.size();
        if (n < 2) {
            throw new IllegalArgumentException("Lanczos needs at least 2 nodes, got " + n);
        }
        int dim = n - 1; // dimension of the space orthogonal to the all-ones vector
        int m = Math.min(maxBasis, dim);
        int keep = Math.max(1, Math.min(m / 4, 12)); // Ritz vectors kept at each end
        SplittableRandom random = new SplittableRandom(seed);

        double[][] basis = new double[m][];
        double[][] h = new double[m][m];
        double[] f = new double[n];
        double[] coeff = new double[m];
        basis[0] = randomUnitOrthogonal(random, n, basis, 0);
        int size = 1; // vectors in the basis
        int matvecs = 0;
        double beta = 0;

        while (true) {
            // extend the basis to m vectors (Arnoldi on a symmetric operator = Lanczos, fully reorthogonalized)
            for (int j = size - 1; j < m; j++) {
                w.multiply(basis[j], f);
                matvecs++;
                orthogonalize(f, basis, j + 1, coeff);
                for (int i = 0; i <= j; i++) {
                    h[i][j] = coeff[i];
                    h[j][i] = coeff[i];
                }
                beta = norm(f);
                if (j + 1 == m) {
                    break;
                }
                if (beta <= BREAKDOWN) {
                    // the Krylov space is invariant (it already holds every eigenvalue the start vector
                    // touches): continue with a fresh direction, uncoupled from the basis
                    basis[j + 1] = randomUnitOrthogonal(random, n, basis, j + 1);
                    h[j + 1][j] = 0;
                    h[j][j + 1] = 0;
                } else {
                    double[] q = new double[n];
                    for (int t = 0; t < n; t++) {
                        q[t] = f[t] / beta;
                    }
                    basis[j + 1] = q;
                    h[j + 1][j] = beta;
                    h[j][j + 1] = beta;
                }
            }

            // Ritz pairs of the projected matrix
            double[][] hm = new double[m][];
            for (int i = 0; i < m; i++) {
                hm[i] = Arrays.copyOf(h[i], m);
            }
            SmallEigen eig = SmallEigen.jacobi(hm);
            int[] order = eig.ascendingOrder();
            int lo = order[0];
            int hi = order[m - 1];
            // when m = n - 1 the basis spans all of 1-perp and beta is rounding: the Ritz values are exact
            double resLo = Math.abs(beta * eig.vectors[m - 1][lo]);
            double resHi = Math.abs(beta * eig.vectors[m - 1][hi]);
            boolean converged = beta <= BREAKDOWN || (resLo <= tol && resHi <= tol);
            if (converged || matvecs >= maxMatvecs) {
                return new Result(eig.values[hi], eig.values[lo], resHi, resLo, converged, matvecs);
            }

            // thick restart: keep `keep` Ritz vectors from each end, then the residual direction
            int k = Math.min(2 * keep, m - 1);
            int[] kept = new int[k];
            for (int t = 0; t < k / 2; t++) {
                kept[t] = order[t];
            }
            for (int t = k / 2; t < k; t++) {
                kept[t] = order[m - 1 - (t - k / 2)];
            }
            double[][] next = new double[m][];
            for (int t = 0; t < k; t++) {
                double[] y = new double[n];
                for (int l = 0; l < m; l++) {
                    double s = eig.vectors[l][kept[t]];
                    if (s != 0) {
                        double[] b = basis[l];
                        for (int x = 0; x < n; x++) {
                            y[x] += s * b[x];
                        }
                    }
                }
                next[t] = y;
            }
            double[] q = new double[n];
            for (int x = 0; x < n; x++) {
                q[x] = f[x] / beta;
            }
            next[k] = q;
            for (double[] row : h) {
                Arrays.fill(row, 0.0);
            }
            for (int t = 0; t < k; t++) {
                h[t][t] = eig.values[kept[t]];
                double c = beta * eig.vectors[m - 1][kept[t]];
                h[t][k] = c;
                h[k][t] = c;
            }
            basis = next;
            size = k + 1;
        }
    }

    /**
     * f -= sum_i (b_i . f) b_i over the first {@code count} basis vectors and the normalized all-ones vector,
     * twice (classical Gram–Schmidt with reorthogonalization); the basis coefficients go to {@code coeff}.
     */
    private static void orthogonalize(double[] f, double[][] basis, int count, double[] coeff) {
        Arrays.fill(coeff, 0, count, 0.0);
        int n = f.length;
        for (int pass = 0; pass < 2; pass++) {
            double mean = 0;
            for (double x : f) {
                mean += x;
            }
            mean /= n;
            for (int t = 0; t < n; t++) {
                f[t] -= mean;
            }
            for (int i = 0; i < count; i++) {
                double[] b = basis[i];
                double c = 0;
                for (int t = 0; t < n; t++) {
                    c += b[t] * f[t];
                }
                coeff[i] += c;
                for (int t = 0; t < n; t++) {
                    f[t] -= c * b[t];
                }
            }
        }
    }

    private static double[] randomUnitOrthogonal(SplittableRandom random, int n, double[][] basis, int count) {
        double[] coeff = new double[Math.max(1, count)];
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                v[t] = random.nextDouble() - 0.5;
            }
            orthogonalize(v, basis, count, coeff);
            double norm = norm(v);
            if (norm > 1e-8) {
                for (int t = 0; t < n; t++) {
                    v[t] /= norm;
                }
                return v;
            }
        }
        throw new IllegalStateException("Lanczos: could not find a new direction orthogonal to " + count
                + " basis vectors in dimension " + n);
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Eigenpairs of a small dense symmetric matrix by cyclic Jacobi rotations. O(m^3) per sweep. */
    static final class SmallEigen {
        final double[] values;
        /** vectors[row][col]: column col is the eigenvector of values[col]. */
        final double[][] vectors;

        private SmallEigen(double[] values, double[][] vectors) {
            this.values = values;
            this.vectors = vectors;
        }

        int[] ascendingOrder() {
            Integer[] idx = new Integer[values.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> {
                int c = Double.compare(values[x], values[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            int[] out = new int[idx.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = idx[i];
            }
            return out;
        }

        /** Destroys {@code a} (square, symmetric). */
        static SmallEigen jacobi(double[][] a) {
            int m = a.length;
            double[][] v = new double[m][m];
            for (int i = 0; i < m; i++) {
                v[i][i] = 1;
            }
            for (int sweep = 0; sweep < 100; sweep++) {
                double off = 0;
                double diag = 0;
                for (int i = 0; i < m; i++) {
                    diag += a[i][i] * a[i][i];
                    for (int j = i + 1; j < m; j++) {
                        off += a[i][j] * a[i][j];
                    }
                }
                if (off <= 1e-32 * Math.max(diag, Double.MIN_NORMAL)) {
                    break;
                }
                for (int p = 0; p < m; p++) {
                    for (int q = p + 1; q < m; q++) {
                        double apq = a[p][q];
                        if (apq == 0) {
                            continue;
                        }
                        double theta = (a[q][q] - a[p][p]) / (2 * apq);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double c = 1 / Math.sqrt(t * t + 1);
                        double s = t * c;
                        for (int k = 0; k < m; k++) { // columns p, q
                            double akp = a[k][p];
                            double akq = a[k][q];
                            a[k][p] = c * akp - s * akq;
                            a[k][q] = s * akp + c * akq;
                        }
                        for (int k = 0; k < m; k++) { // rows p, q
                            double apk = a[p][k];
                            double aqk = a[q][k];
                            a[p][k] = c * apk - s * aqk;
                            a[q][k] = s * apk + c * aqk;
                        }
                        for (int k = 0; k < m; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
            double[] values = new double[m];
            for (int i = 0; i < m; i++) {
                values[i] = a[i][i];
            }
            return new SmallEigen(values, v);
        }
    }
}
