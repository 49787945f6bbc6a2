package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.topology.analysis.MixingRule;

/**
 * CHOCO-SGD (Koloskova, Stich and Jaggi 2019, Algorithm 1), ALGORITHMS.md "choco-sgd". Each node keeps its
 * model x_i and public copies x̂_j of itself and its neighbours (all starting at 0). Per round:
 * <pre>
 *   x_i^{t+½} = x_i^t − η g_i(x_i^t)
 *   q_i       = C(x_i^{t+½} − x̂_i)                   sent to every neighbour [update]
 *   x̂_j      ← x̂_j + q_j                            for every j it knows (itself included)
 *   x_i^{t+1} = x_i^{t+½} + γ Σ_j W_ij (x̂_j − x̂_i)
 * </pre>
 * Every node applies the same q_j to its copy of x̂_j, so the copies of one node agree everywhere and are
 * kept once, as an N x d matrix X̂; the last line is x_i += γ Σ_{j≠i} W_ij (x̂_j − x̂_i).
 *
 * <p><b>Relation to dsgd.</b> Without compression and with γ = 1, x̂ = x^{t+½} after the update and the rule is
 * x^{t+1} = W (x^t − η G): D-PSGD with the gradient step taken before the mixing instead of beside it. On the
 * consensus task both are exactly x ← W x.
 *
 * <p><b>Compression.</b> CHOCO needs a contractive compressor, E||C(v) − v||² ≤ (1 − δ)||v||² for some δ &gt; 0
 * (the paper's Assumption 1); its public copies already carry the error feedback. Two configurations break
 * that and diverge for every γ, so they are handled here: {@code topk} with {@code errorFeedback: true} (the
 * compressor's own memory counts the residual a second time) is refused with an error that says so, and
 * {@code randk}, whose d/k scaling makes it unbiased but not contractive, is used unscaled (q multiplied by
 * k/d, the paper's rand_k operator, δ = k/d; its bits do not change). {@code qsgd} is used as configured: with
 * few levels on long vectors its variance can exceed that bound; choose more levels or a smaller γ then.
 *
 * <p><b>Timing.</b> A node computes its gradient, then sends q_i to its neighbours; the round ends when the
 * last message has arrived. <b>Faults:</b> a device that drops out computes, sends and updates nothing (its
 * q is 0 that round); the others still use its last public copy. The round deadline is not used: a node
 * that missed a q_j could not keep its copy of x̂_j equal to everyone else's.
 */
final class ChocoSgd extends DecentralizedAlgorithm {

    private final SparseMixing mix;
    private final float eta;
    private final float gamma;
    private final int threads;
    private final float[] grad;
    /** Public copies x̂, one row per node. */
    private final float[][] xhat;
    /** This round's q, one row per node (0 for nodes that dropped out). */
    private final float[][] q;
    private final long bitsPerMessage;
    /** 1, or k/d for randk (see the class comment). */
    private final float qScale;
    private final float[][] acc;
    private final RowMetrics metrics;
    private final Parallel.Range mixBody = this::mixRange;

    private int round;
    private boolean[] active;
    private int pending;

    ChocoSgd(SimulationContext ctx, double learningRate, double gamma, MixingRule rule) {
        super("choco-sgd", ctx, ctx.graph().nodeCount());
        this.mix = SparseMixing.of(ctx, rule);
        this.eta = (float) learningRate;
        this.gamma = (float) gamma;
        this.threads = learning.parallelism();
        this.grad = hasGradient ? learning.newMatrix() : null;
        this.xhat = new float[n][d];
        this.q = new float[n][d];
        this.bitsPerMessage = bits(d);
        if ("topk".equals(scheme.id()) && scheme.describe().contains("errorFeedback=true")) {
            throw new IllegalArgumentException("choco-sgd: compression " + scheme.describe() + " keeps its own error memory,"
                    + " which CHOCO's public copies already provide: the residual is counted twice and the run diverges;"
                    + " set compression.errorFeedback to false");
        }
        // randk: k from the bit formula 32k + 32.
        this.qScale = "randk".equals(scheme.id()) && d > 0 ? (float) ((bits(d) - 32) / 32.0 / d) : 1f;
        int parts = Parallel.parts(n);
        this.acc = new float[parts][d];
        this.metrics = new RowMetrics(learning, threads);
    }

    @Override
    public void onRoundStart(int r) {
        round = r;
        active = activeMask(r);
        int[] list = active == null ? null : Dsgd.listOf(active);
        if (hasGradient) {
            learning.gradients(list, x, grad);
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            float[] qi = q[i];
            if (active != null && !active[i]) {
                java.util.Arrays.fill(qi, 0f);
                continue;
            }
            int o = i * d;
            // x^{t+1/2} in place, then q_i = C(x^{t+1/2} - x̂_i) (the values are fixed now; the messages go
            // out when the gradient is done).
            float[] h = xhat[i];
            for (int k = 0; k < d; k++) {
                if (grad != null) {
                    x[o + k] -= eta * grad[o + k];
                }
                qi[k] = x[o + k] - h[k];
            }
            compress(i, qi, 0, qi, 0, d);
            if (qScale != 1f) {
                Dsgd.scale(qi, qScale, d);
            }
            if (hasGradient && gradientFlops[i] > 0) {
                cpu.compute(i, gradientFlops[i], r, this, r);
                count++;
            } else {
                count += sendAll(i);
            }
        }
        pending = count;
        if (pending == 0) {
            finish();
        }
    }

    /** Sends q_i to every active neighbour; returns the number sent. */
    private int sendAll(int i) {
        int c = 0;
        for (int p = mix.off[i], end = mix.off[i + 1]; p < end; p++) {
            if (active == null || active[mix.to[p]]) {
                net.sendVia(p, bitsPerMessage, MessageKind.UPDATE, round, this, i);
                c++;
            }
        }
        return c;
    }

    @Override
    public void onComputeDone(int node, int tag) {
        pending += sendAll(node) - 1;
        if (pending == 0) {
            finish();
        }
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        if (--pending == 0) {
            finish();
        }
    }

    private void finish() {
        // x̂ += q for every node (each node applies the q of itself and its neighbours to its copies).
        for (int i = 0; i < n; i++) {
            Dsgd.axpy(xhat[i], q[i], 1f, d);
        }
        metrics.begin();
        Parallel.rows(n, threads, mixBody);
        ctx.finishRound(round, metrics.finish());
    }

    /** x_i += γ Σ_{j≠i} W_ij (x̂_j − x̂_i) for the active rows in [lo, hi); every row goes to the metrics. */
    private void mixRange(int part, int lo, int hi) {
        final int d = this.d;
        final float[] a = acc[part];
        for (int i = lo; i < hi; i++) {
            int o = i * d;
            System.arraycopy(x, o, a, 0, d);
            if (active == null || active[i]) {
                // Differences x̂_j − x̂_i rather than (W X̂)_i − x̂_i: exact where the copies nearly agree.
                float[] hi0 = xhat[i];
                for (int p = mix.off[i], end = mix.off[i + 1]; p < end; p++) {
                    axpyDiff(a, xhat[mix.to[p]], hi0, gamma * mix.w[p], d);
                }
                System.arraycopy(a, 0, x, o, d);
            }
            metrics.add(part, a);
        }
    }

    private static void axpyDiff(float[] a, float[] hj, float[] hi, float f, int d) {
        for (int k = 0; k < d; k++) {
            a[k] += f * (hj[k] - hi[k]);
        }
    }
}
