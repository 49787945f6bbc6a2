package org.edgeai.app.gui;

import java.util.Arrays;
import java.util.List;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;

/**
 * Built-in {@link SpectrumService}: builds the dense mixing matrix W (metropolis, max-degree or custom, as
 * in the analysis module's {@code MixingRule}) and computes all its eigenvalues with Householder
 * tridiagonalization and the implicit QL method (after JAMA, public domain). O(n³) time, O(n²) memory, so
 * it is limited to {@value #MAX_NODES} nodes (about 2 s at 1,000 nodes on one core); larger graphs get a
 * summary with a problem message until the analysis module's sparse solver is plugged in.
 */
public final class SimpleSpectrumService implements SpectrumService {

    public static final int MAX_NODES = 1500;

    @Override
    public List<String> mixingRules() {
        return List.of("metropolis", "max-degree", "custom");
    }

    @Override
    public SpectrumSummary compute(Topology t, String rule) {
        int n = t.nodeCount();
        if (n == 0) {
            return SpectrumSummary.problem(0, "No nodes yet.");
        }
        if (n > MAX_NODES) {
            return SpectrumSummary.problem(n, "The built-in spectrum is limited to " + MAX_NODES + " nodes; this graph has " + n + ".");
        }
        double[][] w;
        try {
            w = mixingMatrix(t, rule);
        } catch (IllegalArgumentException e) {
            return SpectrumSummary.problem(n, e.getMessage());
        }
        double[] eig = symmetricEigenvalues(w);
        double rho = n == 1 ? 0 : Math.max(Math.abs(eig[1]), Math.abs(eig[n - 1]));
        return new SpectrumSummary(n, eig, Math.min(1, rho), "");
    }

    /**
     * The dense mixing matrix: off-diagonal W_ij for neighbours by the rule, W_ii = 1 − row sum.
     *
     * @throws IllegalArgumentException for an unknown rule (listing the known ones) or invalid custom weights
     */
    static double[][] mixingMatrix(Topology t, String rule) {
        IndexedGraph g = t.indexed();
        int n = g.nodeCount();
        double[][] w = new double[n][n];
        int dmax = 0;
        for (int i = 0; i < n; i++) {
            dmax = Math.max(dmax, g.degree(i));
        }
        int e = 0;
        for (Link l : t.links()) {
            int u = g.linkSource(e);
            int v = g.linkTarget(e);
            e++;
            double x = switch (rule) {
                case "metropolis" -> 1.0 / (1 + Math.max(g.degree(u), g.degree(v)));
                case "max-degree" -> 1.0 / (1 + dmax);
                case "custom" -> {
                    if (l.weight() == null) {
                        throw new IllegalArgumentException("custom mixing: link " + l.key() + " has no weight");
                    }
                    if (l.weight() < 0) {
                        throw new IllegalArgumentException("custom mixing: link " + l.key() + " has a negative weight " + l.weight());
                    }
                    yield l.weight();
                }
                default -> throw new IllegalArgumentException("unknown mixing rule '" + rule
                        + "'; expected one of metropolis, max-degree, custom");
            };
            w[u][v] = x;
            w[v][u] = x;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += w[i][j];
            }
            if (s > 1 + 1e-12) {
                throw new IllegalArgumentException("custom mixing: the weights at node " + g.id(i) + " sum to " + s + " > 1");
            }
            w[i][i] = Math.max(0, 1 - s);
        }
        return w;
    }

    /** All eigenvalues of a symmetric matrix (which is overwritten), in descending order. O(n³). */
    static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        tred2(a, d, e);
        tql1(d, e);
        double[] out = d.clone();
        Arrays.sort(out);
        for (int i = 0; i < n / 2; i++) {
            double tmp = out[i];
            out[i] = out[n - 1 - i];
            out[n - 1 - i] = tmp;
        }
        return out;
    }

    /** Householder reduction to tridiagonal form: diagonal in d, subdiagonal in e[1..n-1]. */
    private static void tred2(double[][] v, double[] d, double[] e) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0.0;
            double h = 0.0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0.0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                    v[j][i] = 0.0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0.0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0.0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        v[k][j] -= (f * e[k] + g * d[k]);
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                }
            }
            d[i] = h;
        }
        // Accumulate transformations (needed to recover the diagonal stored in v).
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0.0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0.0;
        }
        v[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    /** Implicit QL on the tridiagonal (d, e), eigenvalues only: O(n²). */
    private static void tql1(double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        double f = 0.0;
        double tst1 = 0.0;
        double eps = Math.pow(2.0, -52.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= eps * tst1) {
                    break;
                }
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > 60) {
                        throw new ArithmeticException("eigenvalues did not converge");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Math.hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
    }
}
