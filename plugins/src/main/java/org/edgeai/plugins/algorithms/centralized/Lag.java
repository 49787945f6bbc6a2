package org.edgeai.plugins.algorithms.centralized;

import java.util.Arrays;
import java.util.Map;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.spi.Parameters;

/**
 * Lazily aggregated gradients (Chen, Giannakis, Sun, Yin 2018, LAG-WK; ALGORITHMS.md "lag"): as ps-sgd, but
 * device i uploads C(g_i(x_t)) [gradient] only when ||g_i(x_t) − ĝ_i||² &gt; threshold · ||x_t − x_{t−1}||²,
 * where ĝ_i is the value the server holds from i's last upload; otherwise it sends nothing and the server
 * reuses ĝ_i. In the first round, and for a device that has never uploaded, it always uploads.
 *
 * <p>The server steps with the lazy aggregate x_{t+1} = x_t − η Σ_{i∈H} n_i ĝ_i / Σ_{i∈H} n_i over every
 * device H that has ever delivered a gradient, so a device that skips, drops out or is late is represented by
 * its last gradient (LAG's rule: the aggregate always covers every worker). Without faults and with threshold 0
 * every device uploads every round (unless its gradient is exactly ĝ_i) and the iterates are those of ps-sgd,
 * bit for bit. A skipping device still receives x_t and computes its gradient (it must, to decide), so it costs
 * its computation but no upload; the round ends when every participant has uploaded or decided to skip.
 *
 * <p>Over the air, the server cannot tell the uploads apart, so devices send their innovation
 * δ_i = C(g_i) − ĝ_i (LAG's own form) and the server keeps the aggregate Σ n_i ĝ_i as a running sum, to which
 * each round's superposed (noisy) Σ n_i δ_i is added; the noise then stays in the aggregate.
 *
 * <p>Metric {@code skipped_uploads}: cumulative number of skipped uploads since the start of the run (like the
 * engine's message counters), reported after the fixed columns.
 */
final class Lag extends PsSgd {

    static final String SKIPPED_UPLOADS = "skipped_uploads";

    private final double threshold;
    private final float[] last;
    private final float[] fresh;
    private final boolean[] has;
    private final float[] prev;
    private boolean havePrev;
    private long skipped;
    private final double[] sum;
    private double sumWeight;
    private final double[] agg;
    private final int[] hRows;

    Lag(String id, SimulationContext ctx, Parameters p) {
        super(id, ctx, p);
        threshold = p.getDouble("threshold");
        last = learning.newMatrix();
        fresh = learning.newMatrix();
        has = new boolean[rows];
        prev = new float[d];
        sum = new double[d];
        agg = new double[d];
        hRows = new int[rows];
    }

    @Override
    protected void prepare(Group g, int round, int[] parts, int count) {
        gradients.compute(parts, local, grad);
        double dx = 0;
        if (havePrev) {
            for (int j = 0; j < d; j++) {
                double e = (double) g.model[j] - prev[j];
                dx += e * e;
            }
        }
        boolean digital = aggregation == Aggregation.DIGITAL;
        for (int r : parts) {
            int o = r * d;
            boolean send = !has[r] || !havePrev;
            if (!send) {
                double diff = 0;
                for (int j = 0; j < d; j++) {
                    double e = (double) grad[o + j] - last[o + j];
                    diff += e * e;
                }
                send = diff > threshold * dx;
            }
            uploads[r] = send;
            if (send) {
                uplink(r).compress(grad, o, fresh, o, d);
                for (int j = 0; j < d; j++) {
                    payload[o + j] = digital ? fresh[o + j] : fresh[o + j] - last[o + j];
                }
            }
        }
    }

    @Override
    protected void update(Group g, int round, int[] contributors, int count, double[] mean, double weightSum) {
        int[] parts = g.participants();
        for (int k = 0; k < g.participantCount(); k++) {
            int r = parts[k];
            if (wasReady(r, round) && !uploads[r]) {
                skipped++;
            }
        }
        System.arraycopy(g.model, 0, prev, 0, d);
        havePrev = true;
        for (int k = 0; k < count; k++) {
            int r = contributors[k];
            if (!has[r]) {
                has[r] = true;
                sumWeight += samples[r];
            }
            System.arraycopy(fresh, r * d, last, r * d, d);
        }
        if (aggregation == Aggregation.DIGITAL) {
            int h = 0;
            for (int r = 0; r < rows; r++) {
                if (has[r]) {
                    hRows[h++] = r;
                }
            }
            if (h > 0) {
                weightedMean(last, d, hRows, h, agg);
                step(g.model, agg);
            }
        } else {
            if (count > 0) {
                for (int j = 0; j < d; j++) {
                    sum[j] += weightSum * mean[j];
                }
            }
            if (sumWeight > 0) {
                for (int j = 0; j < d; j++) {
                    agg[j] = sum[j] / sumWeight;
                }
                step(g.model, agg);
            } else {
                Arrays.fill(agg, 0);
            }
        }
    }

    @Override
    protected void extraMetrics(Map<String, Double> values) {
        values.put(SKIPPED_UPLOADS, (double) skipped);
    }

    /** Skipped uploads so far. */
    long skippedUploads() {
        return skipped;
    }
}
