package org.edgeai.model.learning.models;

import java.util.Arrays;

import org.edgeai.model.learning.data.Dataset;

/**
 * Linear regression: output z = wᵀa + b, loss the mean squared error (z − t)².
 *
 * <p>Targets t are a regression set's targets; on a two-class set the labels are used as t = −1 (class
 * 0) and t = +1 (class 1), and {@link #accuracy} predicts class 1 where z &gt; 0.
 *
 * <p>Parameter layout: the f weights, then the bias; d = f + 1; start at zero.
 *
 * <p>Gradient for a batch of B samples with residuals r = z − t: ∇w = (2/B) Σ r a, ∇b = (2/B) Σ r.
 *
 * <p>FLOPs per sample = 4f + 4: forward 2f (dot product) + 1 (bias) + 1 (residual); backward 1 (2r/B)
 * + 2f (∇w) + 1 (∇b). Forward alone (output and residual): 2f + 2.
 */
public final class LinearModel implements Model {

    private static final int CHUNK = 256;

    private final int f;

    public LinearModel(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("linear: expected at least 1 feature, got " + features);
        }
        this.f = features;
    }

    @Override
    public String type() {
        return "linear";
    }

    @Override
    public int dimension() {
        return f + 1;
    }

    @Override
    public int features() {
        return f;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public void initialize(float[] x, int off, long seed) {
        Arrays.fill(x, off, off + dimension(), 0f);
    }

    @Override
    public long flopsPerSample() {
        return 4L * f + 4;
    }

    @Override
    public long forwardFlopsPerSample() {
        return 2L * f + 2;
    }

    @Override
    public Workspace newWorkspace(int maxBatch) {
        return new Ws(Math.max(maxBatch, CHUNK));
    }

    private static final class Ws implements Workspace {
        final int[] rows;
        final float[] z;

        Ws(int rows) {
            this.rows = new int[rows];
            this.z = new float[rows];
        }
    }

    private Ws ws(Workspace w, int batchLen) {
        Ws s = (Ws) w;
        if (s.rows.length < batchLen) {
            throw new IllegalArgumentException("linear: workspace for " + s.rows.length + " samples, batch has " + batchLen);
        }
        return s;
    }

    /** The target of sample i: the regression target, or ±1 for a two-class label. */
    static float target(Dataset data, int i) {
        float[] t = data.targets();
        if (t != null) {
            return t[i];
        }
        return data.labels()[i] == 1 ? 1f : -1f;
    }

    /** Checks that the model can fit {@code data}: a regression set or a two-class set. */
    public static void checkData(Dataset data) {
        if (data.isClassification() && data.classes() != 2) {
            throw new IllegalArgumentException("model linear: expected a regression set or a two-class set, got "
                    + data.name() + " with " + data.classes() + " classes");
        }
    }

    @Override
    public void gradient(float[] x, int xOff, Dataset data, int[] batch, int batchLen, float[] g, int gOff, Workspace w) {
        if (batchLen == 0) {
            Arrays.fill(g, gOff, gOff + dimension(), 0f);
            return;
        }
        Ws s = ws(w, batchLen);
        for (int b = 0; b < batchLen; b++) {
            s.rows[b] = batch[b] * f;
        }
        Kernels.mulRows(batchLen, 1, f, data.features(), s.rows, x, xOff, x, xOff + f, s.z, 1);
        float scale = 2f / batchLen;
        float gb = 0;
        for (int b = 0; b < batchLen; b++) {
            float r = (s.z[b] - target(data, batch[b])) * scale;
            s.z[b] = r;
            gb += r;
        }
        Kernels.mulTransRows(batchLen, 1, f, data.features(), s.rows, s.z, 1, g, gOff);
        g[gOff + f] = gb;
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
        Kernels.mulRows(batchLen, 1, f, data.features(), s.rows, x, xOff, x, xOff + f, s.z, 1);
        double sum = 0;
        for (int b = 0; b < batchLen; b++) {
            double r = (double) s.z[b] - target(data, batch[b]);
            sum += r * r;
        }
        return sum / batchLen;
    }

    @Override
    public double loss(float[] x, int xOff, Dataset data, Workspace w) {
        int n = data.size();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        float[] a = data.features();
        for (int i = 0; i < n; i++) {
            double z = x[xOff + f];
            for (int j = 0; j < f; j++) {
                z += (double) x[xOff + j] * a[i * f + j];
            }
            double r = z - target(data, i);
            sum += r * r;
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
            Kernels.mulRows(m, 1, f, data.features(), s.rows, x, xOff, x, xOff + f, s.z, 1);
            for (int i = 0; i < m; i++) {
                if ((s.z[i] > 0 ? 1 : 0) == data.labels()[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / n;
    }

    @Override
    public String toString() {
        return "linear(" + f + " features, d=" + dimension() + ")";
    }
}
