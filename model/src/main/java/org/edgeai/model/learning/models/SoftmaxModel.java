package org.edgeai.model.learning.models;

import org.edgeai.model.learning.data.Dataset;

/**
 * Multinomial logistic regression: logits z = Wᵀa + b, cross-entropy loss −log softmax(z)_y.
 *
 * <p>Parameter layout (part of the bit accounting): the f x C weight matrix row-major (the weight of
 * feature j for class c at {@code j*C + c}), then the C class biases; d = fC + C (digits: 64 x 10 + 10 =
 * 650). Parameters start at zero, where the loss is ln C.
 *
 * <p>Gradient for a batch of B samples, with P the softmax probabilities and Y the one-hot labels:
 * Δ = (P − Y)/B, ∇W = AᵀΔ, ∇b = Σ_rows Δ.
 *
 * <p>FLOPs per sample = 4fC + 6C: forward 2fC (products) + C (bias) + 3C (exponentials, sum,
 * normalization); backward C (Δ) + 2fC (∇W) + C (∇b). Digits: 2,620. Forward alone: 2fC + 4C
 * (digits: 1,320).
 */
public final class SoftmaxModel implements Model {

    private static final int CHUNK = 256;

    private final int f;
    private final int c;

    /**
     * @param features f &gt;= 1
     * @param classes  C &gt;= 2
     */
    public SoftmaxModel(int features, int classes) {
        if (features < 1) {
            throw new IllegalArgumentException("softmax: expected at least 1 feature, got " + features);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("softmax: expected at least 2 classes, got " + classes);
        }
        this.f = features;
        this.c = classes;
    }

    @Override
    public String type() {
        return "softmax";
    }

    @Override
    public int dimension() {
        return f * c + c;
    }

    @Override
    public int features() {
        return f;
    }

    @Override
    public int outputs() {
        return c;
    }

    @Override
    public void initialize(float[] x, int off, long seed) {
        java.util.Arrays.fill(x, off, off + dimension(), 0f);
    }

    @Override
    public long flopsPerSample() {
        return 4L * f * c + 6L * c;
    }

    @Override
    public long forwardFlopsPerSample() {
        return 2L * f * c + 4L * c;
    }

    @Override
    public Workspace newWorkspace(int maxBatch) {
        return new Ws(Math.max(maxBatch, CHUNK), c);
    }

    private static final class Ws implements Workspace {
        final int[] rows;
        final float[] z;

        Ws(int rows, int c) {
            this.rows = new int[rows];
            this.z = new float[rows * c];
        }
    }

    private Ws ws(Workspace w, int batchLen) {
        Ws s = (Ws) w;
        if (s.rows.length < batchLen) {
            throw new IllegalArgumentException("softmax: workspace for " + s.rows.length + " samples, batch has " + batchLen);
        }
        return s;
    }

    @Override
    public void gradient(float[] x, int xOff, Dataset data, int[] batch, int batchLen, float[] g, int gOff, Workspace w) {
        if (batchLen == 0) {
            java.util.Arrays.fill(g, gOff, gOff + dimension(), 0f);
            return;
        }
        Ws s = ws(w, batchLen);
        int[] rows = s.rows;
        float[] z = s.z;
        int[] y = data.labels();
        for (int b = 0; b < batchLen; b++) {
            rows[b] = batch[b] * f;
        }
        int biasOff = xOff + f * c;
        Kernels.mulRows(batchLen, c, f, data.features(), rows, x, xOff, x, biasOff, z, c);
        float invB = 1f / batchLen;
        for (int b = 0; b < batchLen; b++) {
            int zb = b * c;
            float max = z[zb];
            for (int k = 1; k < c; k++) {
                max = Math.max(max, z[zb + k]);
            }
            float sum = 0;
            for (int k = 0; k < c; k++) {
                float e = Kernels.exp(z[zb + k] - max);
                z[zb + k] = e;
                sum += e;
            }
            float scale = invB / sum;
            for (int k = 0; k < c; k++) {
                z[zb + k] *= scale;
            }
            z[zb + y[batch[b]]] -= invB;
        }
        Kernels.mulTransRows(batchLen, c, f, data.features(), rows, z, c, g, gOff);
        int gb = gOff + f * c;
        for (int k = 0; k < c; k++) {
            g[gb + k] = 0;
        }
        for (int b = 0; b < batchLen; b++) {
            int zb = b * c;
            for (int k = 0; k < c; k++) {
                g[gb + k] += z[zb + k];
            }
        }
    }

    @Override
    public double batchLoss(float[] x, int xOff, Dataset data, int[] batch, int batchLen, Workspace w) {
        if (batchLen == 0) {
            return 0;
        }
        Ws s = ws(w, batchLen);
        for (int b = 0; b < batchLen; b++) {
            s.rows[b] = batch[b] * f;
        }
        Kernels.mulRows(batchLen, c, f, data.features(), s.rows, x, xOff, x, xOff + f * c, s.z, c);
        double sum = 0;
        for (int b = 0; b < batchLen; b++) {
            sum += crossEntropy(s.z, b * c, data.labels()[batch[b]]);
        }
        return sum / batchLen;
    }

    /** −log softmax(z)_y in double, stable. */
    private double crossEntropy(float[] z, int zb, int label) {
        double max = z[zb];
        for (int k = 1; k < c; k++) {
            max = Math.max(max, z[zb + k]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += Math.exp(z[zb + k] - max);
        }
        return Math.log(sum) + max - z[zb + label];
    }

    @Override
    public double loss(float[] x, int xOff, Dataset data, Workspace w) {
        int n = data.size();
        if (n == 0) {
            return Double.NaN;
        }
        Ws s = ws(w, CHUNK);
        double sum = 0;
        int[] y = data.labels();
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int i = 0; i < m; i++) {
                s.rows[i] = (from + i) * f;
            }
            Kernels.mulRows(m, c, f, data.features(), s.rows, x, xOff, x, xOff + f * c, s.z, c);
            for (int i = 0; i < m; i++) {
                sum += crossEntropy(s.z, i * c, y[from + i]);
            }
        }
        return sum / n;
    }

    @Override
    public double accuracy(float[] x, int xOff, Dataset data, Workspace w) {
        int n = data.size();
        if (n == 0 || !data.isClassification()) {
            return Double.NaN;
        }
        Ws s = ws(w, CHUNK);
        int correct = 0;
        int[] y = data.labels();
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int i = 0; i < m; i++) {
                s.rows[i] = (from + i) * f;
            }
            Kernels.mulRows(m, c, f, data.features(), s.rows, x, xOff, x, xOff + f * c, s.z, c);
            for (int i = 0; i < m; i++) {
                if (argMax(s.z, i * c, c) == y[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / n;
    }

    static int argMax(float[] z, int off, int len) {
        int best = 0;
        for (int k = 1; k < len; k++) {
            if (z[off + k] > z[off + best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "softmax(" + f + " features, " + c + " classes, d=" + dimension() + ")";
    }
}
