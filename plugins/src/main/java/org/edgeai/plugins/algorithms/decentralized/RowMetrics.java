package org.edgeai.plugins.algorithms.decentralized;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeai.model.learning.ConsensusWorkload;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.SupervisedWorkload;
import org.edgeai.model.learning.models.Model;
import org.edgeai.model.run.RunSetup;

/**
 * The round's metrics, computed with loops the JIT vectorizes: the column sums of the new rows are gathered
 * while the mixing pass writes them ({@link #add}), then {@link #finish} makes one parallel pass over X for
 * (1/N) Σ ||x_i − m̃||² around the mean m̃ rounded to float, less ||x̄ − m̃||² (two passes in all, no
 * cancellation). Per part, values are summed
 * per column in float over blocks of {@value #BLOCK} rows and the blocks are added up in double: the relative
 * error is about 1e-6 at worst (LearningState's plain double loops are not vectorized and take about 4 times
 * longer). Loss and accuracy of x̄ are {@link LearningState#evaluate}'s, computed with a workspace of this
 * class (so they may run while a batched gradient uses the state's own); on the consensus task the loss is
 * (1/N) Σ ||x_i − x̄⁰||² = CE + ||x̄ − x̄⁰||², as {@link LearningState#metrics()} defines it.
 *
 * <p>Use: {@link #begin()}, then {@link #add} every row exactly once (from any parts, each part on one
 * thread), then {@link #finish()}.
 */
final class RowMetrics {

    static final int BLOCK = 16;

    private final LearningState learning;
    private final int n;
    private final int d;
    private final int threads;
    private final float[][] block;
    private final int[] rows;
    private final double[][] sum;
    private final float[][] row;
    private final double[] partSq;
    /** Per part, Σ (x_i − m̃) per column over the part (float: it only corrects the rounding of the mean). */
    private final float[][] resid;
    private final float[] meanF;
    private final double[] initialMean;
    private final SupervisedWorkload supervised;
    private final Model.Workspace workspace;
    private final Parallel.Range errorBody = this::errorRange;

    /** @param threads threads of the error pass (results do not depend on it) */
    RowMetrics(LearningState learning, int threads) {
        this.learning = learning;
        this.n = learning.nodes();
        this.d = learning.dimension();
        this.threads = threads;
        int parts = Parallel.parts(n);
        block = new float[parts][d];
        rows = new int[parts];
        sum = new double[parts][d];
        row = new float[parts][d];
        partSq = new double[parts];
        resid = new float[parts][d];
        meanF = new float[d];
        initialMean = learning.workload() instanceof ConsensusWorkload c ? c.initialMean() : null;
        supervised = learning.workload() instanceof SupervisedWorkload s ? s : null;
        workspace = supervised == null ? null : supervised.model().newWorkspace(1);
    }

    /** Starts a round's sums. */
    void begin() {
        for (int p = 0; p < sum.length; p++) {
            Arrays.fill(sum[p], 0);
            Arrays.fill(block[p], 0f);
            rows[p] = 0;
        }
    }

    /** Adds one new row, {@code r[0 .. d)}, in part {@code part}. O(d), vectorized. */
    void add(int part, float[] r) {
        float[] s = block[part];
        for (int k = 0, dd = d; k < dd; k++) {
            s[k] += r[k];
        }
        if (++rows[part] == BLOCK) {
            flush(part);
        }
    }

    private void flush(int part) {
        float[] s = block[part];
        double[] ds = sum[part];
        for (int k = 0; k < d; k++) {
            ds[k] += s[k];
        }
        Arrays.fill(s, 0f);
        rows[part] = 0;
    }

    /** The metrics row of the current X: loss, accuracy, consensus error. One parallel pass over X. */
    Map<String, Double> finish() {
        double[] mean = new double[d];
        for (int p = 0; p < sum.length; p++) {
            flush(p);
        }
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (double[] part : sum) {
                s += part[k];
            }
            mean[k] = s / n;
            meanF[k] = (float) mean[k];
        }
        Arrays.fill(partSq, 0);
        Parallel.rows(n, threads, errorBody);
        double sq = 0;
        for (double v : partSq) {
            sq += v;
        }
        // Σ ||x_i − m̃||² / N = CE + ||x̄ − m̃||² for the float mean m̃: remove the second term.
        double r2 = 0;
        for (int k = 0; k < d; k++) {
            double r = 0;
            for (float[] part : resid) {
                r += part[k];
            }
            r /= n;
            r2 += r * r;
        }
        double ce = Math.max(0, sq / n - r2);
        double loss;
        double accuracy;
        if (initialMean != null) {
            double e2 = 0;
            for (int k = 0; k < d; k++) {
                double e = mean[k] - initialMean[k];
                e2 += e * e;
            }
            loss = ce + e2;
            accuracy = Double.NaN;
        } else if (supervised != null) {
            // As LearningState.evaluate, with a workspace of our own: a gradient may be running on the state.
            loss = supervised.model().loss(meanF, 0, supervised.train(), workspace);
            accuracy = supervised.model().accuracy(meanF, 0, supervised.test(), workspace);
        } else {
            Metrics m = learning.evaluate(meanF, 0);
            loss = m.loss();
            accuracy = m.accuracy();
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(RunSetup.LOSS, loss);
        v.put(RunSetup.ACCURACY, accuracy);
        v.put(RunSetup.CONSENSUS_ERROR, ce);
        return v;
    }

    /** Σ ||x_i − x̄||² over rows [lo, hi), squares summed per column in float blocks, blocks in double. */
    private void errorRange(int part, int lo, int hi) {
        float[] x = learning.x();
        float[] r = row[part];
        float[] q = block[part];
        float[] m = meanF;
        float[] res = resid[part];
        Arrays.fill(q, 0f);
        Arrays.fill(res, 0f);
        double total = 0;
        int inBlock = 0;
        for (int i = lo; i < hi; i++) {
            System.arraycopy(x, i * d, r, 0, d);
            for (int k = 0, dd = d; k < dd; k++) {
                float e = r[k] - m[k];
                q[k] += e * e;
                res[k] += e;
            }
            if (++inBlock == BLOCK || i == hi - 1) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += q[k];
                }
                total += s;
                Arrays.fill(q, 0f);
                inBlock = 0;
            }
        }
        partSq[part] = total;
    }
}
