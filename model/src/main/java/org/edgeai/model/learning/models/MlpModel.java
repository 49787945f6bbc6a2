package org.edgeai.model.learning.models;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.learning.data.Dataset;

/**
 * A one-hidden-layer perceptron: h = ReLU(W1ᵀa + b1), logits z = W2ᵀh + b2, cross-entropy loss.
 *
 * <p>Parameter layout: W1 (f x H, row-major: feature j to hidden unit u at {@code j*H + u}), b1 (H),
 * W2 (H x C, row-major), b2 (C); d = fH + H + HC + C. Weights start from a seeded Glorot-uniform draw,
 * U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out))), W1 then W2 in layout order; biases start at 0.
 *
 * <p>Gradient for a batch of B samples: Δ2 = (P − Y)/B, ∇W2 = HᵀΔ2, ∇b2 = Σ Δ2, Δ1 = (Δ2 W2ᵀ) ⊙ [pre-activation &gt; 0],
 * ∇W1 = AᵀΔ1, ∇b1 = Σ Δ1.
 *
 * <p>FLOPs per sample = 4fH + 6HC + 4H + 6C: forward 2fH + H (bias) + H (ReLU) + 2HC + C + 3C (softmax);
 * backward C (Δ2) + 2HC (∇W2) + C (∇b2) + 2HC (Δ2 W2ᵀ) + H (ReLU mask) + 2fH (∇W1) + H (∇b1).
 * Forward alone: 2fH + 2H + 2HC + 4C.
 */
public final class MlpModel implements Model {

    private static final int CHUNK = 256;

    private final int f;
    private final int hidden;
    private final int c;

    /**
     * @param features f &gt;= 1
     * @param hidden   H &gt;= 1
     * @param classes  C &gt;= 2
     */
    public MlpModel(int features, int hidden, int classes) {
        if (features < 1) {
            throw new IllegalArgumentException("mlp: expected at least 1 feature, got " + features);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("mlp.hidden: expected an integer >= 1, got " + hidden);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("mlp: expected at least 2 classes, got " + classes);
        }
        this.f = features;
        this.hidden = hidden;
        this.c = classes;
    }

    @Override
    public String type() {
        return "mlp";
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public int dimension() {
        return f * hidden + hidden + hidden * c + c;
    }

    @Override
    public int features() {
        return f;
    }

    @Override
    public int outputs() {
        return c;
    }

    private int b1() {
        return f * hidden;
    }

    private int w2() {
        return f * hidden + hidden;
    }

    private int b2() {
        return f * hidden + hidden + hidden * c;
    }

    @Override
    public void initialize(float[] x, int off, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Arrays.fill(x, off, off + dimension(), 0f);
        double l1 = Math.sqrt(6.0 / (f + hidden));
        for (int k = 0; k < f * hidden; k++) {
            x[off + k] = (float) ((2 * rng.nextDouble() - 1) * l1);
        }
        double l2 = Math.sqrt(6.0 / (hidden + c));
        for (int k = 0; k < hidden * c; k++) {
            x[off + w2() + k] = (float) ((2 * rng.nextDouble() - 1) * l2);
        }
    }

    @Override
    public long flopsPerSample() {
        return 4L * f * hidden + 6L * hidden * c + 4L * hidden + 6L * c;
    }

    @Override
    public long forwardFlopsPerSample() {
        return 2L * f * hidden + 2L * hidden + 2L * hidden * c + 4L * c;
    }

    @Override
    public Workspace newWorkspace(int maxBatch) {
        return new Ws(Math.max(maxBatch, CHUNK), hidden, c);
    }

    private static final class Ws implements Workspace {
        final int[] rows;
        final int[] hiddenRows;
        final float[] pre;
        final float[] act;
        final float[] z;

        Ws(int rows, int h, int c) {
            this.rows = new int[rows];
            this.hiddenRows = new int[rows];
            for (int i = 0; i < rows; i++) {
                hiddenRows[i] = i * h;
            }
            this.pre = new float[rows * h];
            this.act = new float[rows * h];
            this.z = new float[rows * c];
        }
    }

    private Ws ws(Workspace w, int batchLen) {
        Ws s = (Ws) w;
        if (s.rows.length < batchLen) {
            throw new IllegalArgumentException("mlp: workspace for " + s.rows.length + " samples, batch has " + batchLen);
        }
        return s;
    }

    /** Fills s.pre, s.act (ReLU) and s.z (logits) for the m samples whose feature offsets are in s.rows. */
    private void forward(float[] x, int xOff, float[] features, int m, Ws s) {
        Kernels.mulRows(m, hidden, f, features, s.rows, x, xOff, x, xOff + b1(), s.pre, hidden);
        int len = m * hidden;
        for (int k = 0; k < len; k++) {
            s.act[k] = Math.max(0f, s.pre[k]);
        }
        Kernels.mulRows(m, c, hidden, s.act, s.hiddenRows, x, xOff + w2(), x, xOff + b2(), s.z, c);
    }

    @Override
    public void gradient(float[] x, int xOff, Dataset data, int[] batch, int batchLen, float[] g, int gOff, Workspace w) {
        if (batchLen == 0) {
            Arrays.fill(g, gOff, gOff + dimension(), 0f);
            return;
        }
        Ws s = ws(w, batchLen);
        int[] y = data.labels();
        for (int b = 0; b < batchLen; b++) {
            s.rows[b] = batch[b] * f;
        }
        forward(x, xOff, data.features(), batchLen, s);
        float[] z = s.z;
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
        // Output layer.
        Kernels.mulTransRows(batchLen, c, hidden, s.act, s.hiddenRows, z, c, g, gOff + w2());
        int gb2 = gOff + b2();
        Arrays.fill(g, gb2, gb2 + c, 0f);
        for (int b = 0; b < batchLen; b++) {
            for (int k = 0; k < c; k++) {
                g[gb2 + k] += z[b * c + k];
            }
        }
        // Back through ReLU: s.act is reused for Δ1.
        float[] d1 = s.act;
        Kernels.mulNT(batchLen, hidden, c, z, c, x, xOff + w2(), d1, hidden);
        int len = batchLen * hidden;
        for (int k = 0; k < len; k++) {
            if (!(s.pre[k] > 0f)) {
                d1[k] = 0f;
            }
        }
        Kernels.mulTransRows(batchLen, hidden, f, data.features(), s.rows, d1, hidden, g, gOff);
        int gb1 = gOff + b1();
        Arrays.fill(g, gb1, gb1 + hidden, 0f);
        for (int b = 0; b < batchLen; b++) {
            for (int u = 0; u < hidden; u++) {
                g[gb1 + u] += d1[b * hidden + u];
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
        forward(x, xOff, data.features(), batchLen, s);
        double sum = 0;
        for (int b = 0; b < batchLen; b++) {
            sum += crossEntropy(s.z, b * c, data.labels()[batch[b]]);
        }
        return sum / batchLen;
    }

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
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int i = 0; i < m; i++) {
                s.rows[i] = (from + i) * f;
            }
            forward(x, xOff, data.features(), m, s);
            for (int i = 0; i < m; i++) {
                sum += crossEntropy(s.z, i * c, data.labels()[from + i]);
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
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int i = 0; i < m; i++) {
                s.rows[i] = (from + i) * f;
            }
            forward(x, xOff, data.features(), m, s);
            for (int i = 0; i < m; i++) {
                if (SoftmaxModel.argMax(s.z, i * c, c) == data.labels()[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / n;
    }

    @Override
    public String toString() {
        return "mlp(" + f + " features, " + hidden + " hidden, " + c + " classes, d=" + dimension() + ")";
    }
}
