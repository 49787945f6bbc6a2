package org.edgeai.model.topology.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.edgeai.model.topology.IndexedGraph;

/** Small graph builders for the analysis tests (the generators live in {@code plugins}). */
final class TestGraphs {

    private TestGraphs() {
    }

    /** An edge list being built. */
    static final class Edges {
        final List<int[]> list = new ArrayList<>();

        Edges add(int u, int v) {
            list.add(new int[] {u, v});
            return this;
        }

        IndexedGraph graph(int n) {
            int[] u = new int[list.size()];
            int[] v = new int[list.size()];
            for (int e = 0; e < u.length; e++) {
                u[e] = list.get(e)[0];
                v[e] = list.get(e)[1];
            }
            return IndexedGraph.ofEdges(n, u, v);
        }
    }

    static IndexedGraph ring(int n) {
        Edges e = new Edges();
        for (int i = 0; i < n; i++) {
            e.add(i, (i + 1) % n);
        }
        return e.graph(n);
    }

    static IndexedGraph path(int n) {
        Edges e = new Edges();
        for (int i = 0; i + 1 < n; i++) {
            e.add(i, i + 1);
        }
        return e.graph(n);
    }

    static IndexedGraph complete(int n) {
        Edges e = new Edges();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                e.add(i, j);
            }
        }
        return e.graph(n);
    }

    /** Centre 0, leaves 1..n-1. */
    static IndexedGraph star(int n) {
        Edges e = new Edges();
        for (int i = 1; i < n; i++) {
            e.add(0, i);
        }
        return e.graph(n);
    }

    /** The d-dimensional hypercube: 2^d nodes, i ~ j when they differ in one bit. */
    static IndexedGraph hypercube(int d) {
        int n = 1 << d;
        Edges e = new Edges();
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < d; b++) {
                int j = i ^ (1 << b);
                if (i < j) {
                    e.add(i, j);
                }
            }
        }
        return e.graph(n);
    }

    /** Erdős–Rényi G(n, p) with a seeded stream, pairs in lexicographic order. */
    static IndexedGraph gnp(int n, double p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Edges e = new Edges();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < p) {
                    e.add(i, j);
                }
            }
        }
        return e.graph(n);
    }

    /** G(n, p) regenerated with seed, seed + 1, ... until connected. */
    static IndexedGraph connectedGnp(int n, double p, long seed) {
        for (long s = seed; ; s++) {
            IndexedGraph g = gnp(n, p, s);
            if (TopologyAnalysis.analyze(g).connected()) {
                return g;
            }
        }
    }

    /** A random symmetric matrix with entries uniform in [-1, 1], row-major. */
    static double[] randomSymmetric(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = 2 * r.nextDouble() - 1;
                a[i * n + j] = x;
                a[j * n + i] = x;
            }
        }
        return a;
    }

    /**
     * Eigenvalues of a symmetric matrix by the classical Jacobi method (largest off-diagonal element first),
     * descending: an independent check of the Householder + QL solver. O(n^4) worst case; small n only.
     */
    static double[] jacobiEigenvalues(double[] rowMajor, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rowMajor[i * n + j];
            }
        }
        for (int iter = 0; iter < 100 * n * n; iter++) {
            int p = 0;
            int q = 1;
            double max = -1;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (Math.abs(a[i][j]) > max) {
                        max = Math.abs(a[i][j]);
                        p = i;
                        q = j;
                    }
                }
            }
            if (n < 2 || max < 1e-15) {
                break;
            }
            // rotation angle that zeroes a[p][q]: tan(2 phi) = 2 a_pq / (a_qq - a_pp)
            double phi = 0.5 * Math.atan2(2 * a[p][q], a[q][q] - a[p][p]);
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            for (int k = 0; k < n; k++) {
                double akp = a[k][p];
                double akq = a[k][q];
                a[k][p] = c * akp - s * akq;
                a[k][q] = s * akp + c * akq;
            }
            for (int k = 0; k < n; k++) {
                double apk = a[p][k];
                double aqk = a[q][k];
                a[p][k] = c * apk - s * aqk;
                a[q][k] = s * apk + c * aqk;
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        java.util.Arrays.sort(ev);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = ev[i];
            ev[i] = ev[j];
            ev[j] = t;
        }
        return ev;
    }
}
