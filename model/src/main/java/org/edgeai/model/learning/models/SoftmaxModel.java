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
        return new Ws(Math.max(maxBatch, CHUNK), f, c, Simd.fitsOneVector(c));
    }

    /** A workspace that always takes the scalar path (tests compare the two paths bit for bit). */
    Workspace newScalarWorkspace(int maxBatch) {
        return new Ws(Math.max(maxBatch, CHUNK), f, c, false);
    }

    private static final class Ws implements Workspace {
        final int[] rows;
        final int[] samples;
        final float[] z;
        /** {@link VectorSoftmax.Scratch} when the vector path is used (typed Object so that the class loads only then). */
        final Object simd;

        Ws(int rows, int f, int c, boolean vector) {
            this.rows = new int[rows];
            this.samples = new int[rows];
            this.z = new float[rows * c];
            this.simd = vector ? new VectorSoftmax.Scratch(rows, f) : null;
        }

        /** Floats per row of the logits {@link #logits} returns: padded to a vector on the vector path. */
        int stride(int c) {
            return simd != null ? VectorSoftmax.LANES : c;
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
        if (s.simd != null) {
            VectorSoftmax.gradient(f, c, x, xOff, data.features(), data.labels(), batch, batchLen, g, gOff,
                    (VectorSoftmax.Scratch) s.simd);
            return;
        }
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
        float[] z = logits(x, xOff, data, batch, batchLen, s);
        int stride = s.stride(c);
        double sum = 0;
        for (int b = 0; b < batchLen; b++) {
            sum += crossEntropy(z, b * stride, data.labels()[batch[b]]);
        }
        return sum / batchLen;
    }

    /**
     * The logits of samples {@code samples[0 .. m)} at {@code x[xOff ..]}: rows of c floats in {@code s.z}, or padded
     * rows of {@link VectorSoftmax#LANES} floats in the vector scratch (same values); returns the array holding them.
     */
    private float[] logits(float[] x, int xOff, Dataset data, int[] samples, int m, Ws s) {
        if (s.simd != null) {
            VectorSoftmax.Scratch v = (VectorSoftmax.Scratch) s.simd;
            VectorSoftmax.logits(f, c, x, xOff, data.features(), samples, m, v.z, v);
            return v.z;
        }
        for (int b = 0; b < m; b++) {
            s.rows[b] = samples[b] * f;
        }
        Kernels.mulRows(m, c, f, data.features(), s.rows, x, xOff, x, xOff + f * c, s.z, c);
        return s.z;
    }

    /** As {@link #logits(float[], int, Dataset, int[], int, Ws)} for the consecutive samples from .. from + m − 1. */
    private float[] logits(float[] x, int xOff, Dataset data, int from, int m, Ws s) {
        int[] samples = s.samples;
        for (int i = 0; i < m; i++) {
            samples[i] = from + i;
        }
        return logits(x, xOff, data, samples, m, s);
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
        int stride = s.stride(c);
        double sum = 0;
        int[] y = data.labels();
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] z = logits(x, xOff, data, from, m, s);
            for (int i = 0; i < m; i++) {
                sum += crossEntropy(z, i * stride, y[from + i]);
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
        int stride = s.stride(c);
        int correct = 0;
        int[] y = data.labels();
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] z = logits(x, xOff, data, from, m, s);
            for (int i = 0; i < m; i++) {
                if (argMax(z, i * stride, c) == y[from + i]) {
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
