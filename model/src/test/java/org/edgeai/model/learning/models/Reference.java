package org.edgeai.model.learning.models;

import org.edgeai.model.learning.data.Dataset;

/**
 * Straightforward double-precision losses and gradients of the three models, written from the formulas
 * (no tiling, no fast exp), to check the fast float kernels against. Parameter layouts as documented.
 */
final class Reference {

    private Reference() {
    }

    interface Fn {
        /** Mean loss over the batch; when g != null, also its gradient. */
        double eval(double[] th, Dataset data, int[] batch, double[] g);
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    static double softmax(int f, int c, double[] th, Dataset data, int[] batch, double[] g) {
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        double loss = 0;
        for (int s : batch) {
            double[] z = new double[c];
            for (int k = 0; k < c; k++) {
                z[k] = th[f * c + k];
                for (int j = 0; j < f; j++) {
                    z[k] += data.feature(s, j) * th[j * c + k];
                }
            }
            double[] p = softmaxOf(z);
            int y = data.labels()[s];
            loss += -Math.log(p[y]);
            if (g != null) {
                for (int k = 0; k < c; k++) {
                    double dz = (p[k] - (k == y ? 1 : 0)) / batch.length;
                    g[f * c + k] += dz;
                    for (int j = 0; j < f; j++) {
                        g[j * c + k] += data.feature(s, j) * dz;
                    }
                }
            }
        }
        return loss / batch.length;
    }

    static double mlp(int f, int h, int c, double[] th, Dataset data, int[] batch, double[] g) {
        int b1 = f * h, w2 = f * h + h, b2 = f * h + h + h * c;
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        double loss = 0;
        for (int s : batch) {
            double[] pre = new double[h];
            double[] act = new double[h];
            for (int u = 0; u < h; u++) {
                pre[u] = th[b1 + u];
                for (int j = 0; j < f; j++) {
                    pre[u] += data.feature(s, j) * th[j * h + u];
                }
                act[u] = Math.max(0, pre[u]);
            }
            double[] z = new double[c];
            for (int k = 0; k < c; k++) {
                z[k] = th[b2 + k];
                for (int u = 0; u < h; u++) {
                    z[k] += act[u] * th[w2 + u * c + k];
                }
            }
            double[] p = softmaxOf(z);
            int y = data.labels()[s];
            loss += -Math.log(p[y]);
            if (g != null) {
                double[] dz = new double[c];
                for (int k = 0; k < c; k++) {
                    dz[k] = (p[k] - (k == y ? 1 : 0)) / batch.length;
                    g[b2 + k] += dz[k];
                    for (int u = 0; u < h; u++) {
                        g[w2 + u * c + k] += act[u] * dz[k];
                    }
                }
                for (int u = 0; u < h; u++) {
                    if (pre[u] <= 0) {
                        continue;
                    }
                    double da = 0;
                    for (int k = 0; k < c; k++) {
                        da += dz[k] * th[w2 + u * c + k];
                    }
                    g[b1 + u] += da;
                    for (int j = 0; j < f; j++) {
                        g[j * h + u] += data.feature(s, j) * da;
                    }
                }
            }
        }
        return loss / batch.length;
    }

    static double linear(int f, double[] th, Dataset data, int[] batch, double[] g) {
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        double loss = 0;
        for (int s : batch) {
            double z = th[f];
            for (int j = 0; j < f; j++) {
                z += data.feature(s, j) * th[j];
            }
            double t = data.targets() != null ? data.targets()[s] : (data.labels()[s] == 1 ? 1 : -1);
            double r = z - t;
            loss += r * r;
            if (g != null) {
                for (int j = 0; j < f; j++) {
                    g[j] += 2 * r * data.feature(s, j) / batch.length;
                }
                g[f] += 2 * r / batch.length;
            }
        }
        return loss / batch.length;
    }

    static double[] softmaxOf(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - m);
            s += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= s;
        }
        return p;
    }

    /** Predicted class: arg max of the logits, lowest index on ties. */
    static int predictSoftmax(int f, int c, double[] th, Dataset data, int s) {
        int best = 0;
        double bestZ = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            double z = th[f * c + k];
            for (int j = 0; j < f; j++) {
                z += data.feature(s, j) * th[j * c + k];
            }
            if (z > bestZ) {
                bestZ = z;
                best = k;
            }
        }
        return best;
    }
}
