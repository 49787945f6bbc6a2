package org.edgeai.model.topology.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SymmetricEigenvaluesTest {

    private static double maxAbsDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void randomSymmetricMatricesAgreeWithJacobi() {
        int[] sizes = {1, 2, 3, 4, 5, 8, 13, 30, 47, 64};
        for (int n : sizes) {
            for (long seed = 1; seed <= 3; seed++) {
                double[] a = TestGraphs.randomSymmetric(n, seed * 1000 + n);
                double[] expected = TestGraphs.jacobiEigenvalues(a, n);
                SymmetricEigenvalues.Result r = SymmetricEigenvalues.compute(a, n);
                assertTrue(r.converged());
                double err = maxAbsDiff(expected, r.eigenvalues());
                assertTrue(err <= 1e-12 * Math.max(1, n), "n=" + n + " seed=" + seed + " error " + err);
            }
        }
    }

    @Test
    void inputArrayIsNotModified() {
        double[] a = TestGraphs.randomSymmetric(12, 5);
        double[] copy = a.clone();
        SymmetricEigenvalues.compute(a, 12);
        assertArrayEquals(copy, a, 0);
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        double[] a = TestGraphs.randomSymmetric(9, 6);
        double[] expected = SymmetricEigenvalues.compute(a, 9).eigenvalues();
        double[] upperGarbage = a.clone();
        for (int i = 0; i < 9; i++) {
            for (int j = i + 1; j < 9; j++) {
                upperGarbage[i * 9 + j] = 1e6;
            }
        }
        assertArrayEquals(expected, SymmetricEigenvalues.compute(upperGarbage, 9).eigenvalues(), 0);
    }

    @Test
    void tridiagonalToeplitzMatchesItsClosedForm() {
        // diagonal a, off-diagonal b: eigenvalues a + 2b cos(k pi / (n + 1)), k = 1..n
        int n = 60;
        double diag = 0.3;
        double off = -0.7;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = diag;
            if (i + 1 < n) {
                m[(i + 1) * n + i] = off;
                m[i * n + i + 1] = off;
            }
        }
        double[] expected = new double[n];
        for (int k = 1; k <= n; k++) {
            expected[k - 1] = diag + 2 * off * Math.cos(k * Math.PI / (n + 1));
        }
        Arrays.sort(expected);
        reverse(expected);
        assertTrue(maxAbsDiff(expected, SymmetricEigenvalues.compute(m, n).eigenvalues()) < 1e-13);
    }

    @Test
    void clusteredAndRepeatedEigenvaluesOfARotatedDiagonalMatrix() {
        // A = Q D Q^T with a random orthogonal Q and a D with repeated and nearly equal values
        int n = 40;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i < 10 ? 1.0 : i < 20 ? -0.5 : i < 30 ? 0.25 + 1e-9 * i : 1e-3 * i;
        }
        double[][] q = randomOrthogonal(n, 77);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * d[k] * q[j][k];
                }
                a[i * n + j] = s;
            }
        }
        for (int i = 0; i < n; i++) { // exact symmetry
            for (int j = 0; j < i; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
        double[] expected = d.clone();
        Arrays.sort(expected);
        reverse(expected);
        double err = maxAbsDiff(expected, SymmetricEigenvalues.compute(a, n).eigenvalues());
        assertTrue(err < 1e-13, "error " + err);
    }

    @Test
    void diagonalAndZeroMatricesNeedNoReflection() {
        double[] a = {3, 0, 0, 0, -1, 0, 0, 0, 2};
        assertArrayEquals(new double[] {3, 2, -1}, SymmetricEigenvalues.compute(a, 3).eigenvalues(), 0);
        assertArrayEquals(new double[5], SymmetricEigenvalues.compute(new double[25], 5).eigenvalues(), 0);
        assertEquals(0, SymmetricEigenvalues.compute(new double[0], 0).eigenvalues().length);
    }

    @Test
    void twoByTwoClosedForm() {
        // [[a, b], [b, c]]: (a + c)/2 +- sqrt(((a - c)/2)^2 + b^2)
        double a = 0.4;
        double b = -1.3;
        double c = 2.0;
        double mid = (a + c) / 2;
        double rad = Math.sqrt((a - c) * (a - c) / 4 + b * b);
        assertArrayEquals(new double[] {mid + rad, mid - rad},
                SymmetricEigenvalues.compute(new double[] {a, b, b, c}, 2).eigenvalues(), 1e-15);
    }

    @Test
    void wrongShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenvalues.compute(new double[8], 3));
        assertEquals("expected a row-major 3 x 3 array (9 entries), got 8", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenvalues.computeInPlace(new double[][] {{1}, {1}}));
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** Gram–Schmidt (twice) on a random matrix: columns orthonormal. */
    private static double[][] randomOrthogonal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] cols = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                cols[c][i] = r.nextDouble() - 0.5;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += cols[p][i] * cols[c][i];
                    }
                    for (int i = 0; i < n; i++) {
                        cols[c][i] -= dot * cols[p][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += cols[c][i] * cols[c][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                cols[c][i] /= norm;
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                q[i][c] = cols[c][i];
            }
        }
        return q;
    }
}
