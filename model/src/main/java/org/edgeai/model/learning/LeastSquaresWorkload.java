package org.edgeai.model.learning;

import java.util.SplittableRandom;

import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.models.LinearModel;
import org.edgeai.model.learning.partition.Partition;

/**
 * Synthetic least squares: a true weight vector w* ~ N(0, I_p) (stream {@code "truth"}); node i holds
 * {@code samplesPerNode} rows a ~ N(0, I_p) with targets y = aᵀw* + noise · N(0, 1) (stream
 * {@code Seeds.derive(Seeds.derive(seed, "data"), i)}, so a node's data do not depend on N). Model:
 * {@link LinearModel} (p weights and a bias, mean squared error). No test set: accuracy is NaN.
 *
 * <p>{@link #optimum()} is the exact minimizer of the pooled training loss, from the normal equations
 * [A 1]ᵀ[A 1] θ = [A 1]ᵀ y solved in double by Cholesky (O(n p² + p³)).
 */
public final class LeastSquaresWorkload extends SupervisedWorkload {

    private final int features;
    private final int samplesPerNode;
    private final double noise;
    private final float[] truth;
    private double[] optimum;

    private LeastSquaresWorkload(Dataset data, Partition partition, int features, int samplesPerNode, double noise,
                                 float[] truth, int batchSize, long seed) {
        super("least-squares", new LinearModel(features), data,
                Dataset.regression("least-squares-test", new float[0], features, new float[0], null),
                partition, batchSize, seed);
        this.features = features;
        this.samplesPerNode = samplesPerNode;
        this.noise = noise;
        this.truth = truth;
    }

    /**
     * @param nodes          N &gt;= 1
     * @param features       p &gt;= 1
     * @param samplesPerNode &gt;= 1
     * @param noise          standard deviation of the target noise, &gt;= 0
     * @param batchSize      &gt;= 1
     */
    public static LeastSquaresWorkload create(int nodes, int features, int samplesPerNode, double noise,
                                              int batchSize, long seed) {
        if (nodes < 1) {
            throw new IllegalArgumentException("least-squares: expected at least 1 node, got " + nodes);
        }
        if (features < 1) {
            throw new IllegalArgumentException("workload.features: expected an integer >= 1, got " + features);
        }
        if (samplesPerNode < 1) {
            throw new IllegalArgumentException("workload.samplesPerNode: expected an integer >= 1, got " + samplesPerNode);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("workload.noise: expected a finite number >= 0, got " + noise);
        }
        long total = (long) nodes * samplesPerNode;
        if (total * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("least-squares: " + total + " samples x " + features + " features is too large");
        }
        int n = (int) total;
        SplittableRandom tr = Seeds.stream(seed, "truth");
        float[] w = new float[features];
        for (int j = 0; j < features; j++) {
            w[j] = (float) Seeds.normal(tr);
        }
        float[] a = new float[n * features];
        float[] y = new float[n];
        long dataSeed = Seeds.derive(seed, "data");
        int[][] shards = new int[nodes][samplesPerNode];
        for (int i = 0; i < nodes; i++) {
            SplittableRandom r = new SplittableRandom(Seeds.derive(dataSeed, i));
            for (int s = 0; s < samplesPerNode; s++) {
                int row = i * samplesPerNode + s;
                shards[i][s] = row;
                double t = 0;
                for (int j = 0; j < features; j++) {
                    float v = (float) Seeds.normal(r);
                    a[row * features + j] = v;
                    t += (double) v * w[j];
                }
                y[row] = (float) (t + noise * Seeds.normal(r));
            }
        }
        Dataset data = Dataset.regression("least-squares", a, features, y, null);
        Partition p = new Partition("per-node synthetic data", shards, n);
        return new LeastSquaresWorkload(data, p, features, samplesPerNode, noise, w, batchSize, seed);
    }

    public int features() {
        return features;
    }

    public int samplesPerNode() {
        return samplesPerNode;
    }

    public double noise() {
        return noise;
    }

    /** The true weights w* (bias 0), a copy. */
    public float[] truth() {
        return truth.clone();
    }

    /**
     * The parameters (p weights, then the bias) minimizing the mean squared error over all nodes' data.
     *
     * @throws IllegalStateException when the pooled data have fewer than p + 1 samples or are degenerate
     *                               (the normal equations are then singular)
     */
    public synchronized double[] optimum() {
        if (optimum == null) {
            optimum = solveNormalEquations(train(), features);
        }
        return optimum.clone();
    }

    /** The mean squared error at {@link #optimum()}, in double. */
    public double optimalLoss() {
        double[] th = optimum();
        Dataset d = train();
        float[] a = d.features();
        float[] y = d.targets();
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            double z = th[features];
            for (int j = 0; j < features; j++) {
                z += th[j] * a[i * features + j];
            }
            s += (z - y[i]) * (z - y[i]);
        }
        return s / d.size();
    }

    static double[] solveNormalEquations(Dataset d, int p) {
        int m = p + 1;
        int n = d.size();
        if (n < m) {
            throw new IllegalStateException("least-squares optimum: " + n + " samples cannot determine " + m
                    + " parameters (need samples >= features + 1)");
        }
        double[] g = new double[m * m];
        double[] v = new double[m];
        float[] a = d.features();
        float[] y = d.targets();
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                row[j] = a[i * p + j];
            }
            row[p] = 1;
            for (int r = 0; r < m; r++) {
                double rr = row[r];
                v[r] += rr * y[i];
                for (int c = 0; c <= r; c++) {
                    g[r * m + c] += rr * row[c];
                }
            }
        }
        // Cholesky G = L Lᵀ (lower triangle in place).
        for (int j = 0; j < m; j++) {
            double s = g[j * m + j];
            for (int k = 0; k < j; k++) {
                s -= g[j * m + k] * g[j * m + k];
            }
            if (!(s > 1e-12 * Math.max(1, Math.abs(g[j * m + j])))) {
                throw new IllegalStateException("least-squares optimum: the normal equations are singular (degenerate data)");
            }
            double l = Math.sqrt(s);
            g[j * m + j] = l;
            for (int i = j + 1; i < m; i++) {
                double t = g[i * m + j];
                for (int k = 0; k < j; k++) {
                    t -= g[i * m + k] * g[j * m + k];
                }
                g[i * m + j] = t / l;
            }
        }
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            double t = v[i];
            for (int k = 0; k < i; k++) {
                t -= g[i * m + k] * z[k];
            }
            z[i] = t / g[i * m + i];
        }
        double[] th = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double t = z[i];
            for (int k = i + 1; k < m; k++) {
                t -= g[k * m + i] * th[k];
            }
            th[i] = t / g[i * m + i];
        }
        return th;
    }

    @Override
    public String describe() {
        return "least-squares(nodes=" + nodes() + ", features=" + features + ", samplesPerNode=" + samplesPerNode
                + ", noise=" + noise + ", batchSize=" + batchSize() + ")";
    }
}
