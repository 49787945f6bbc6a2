package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.topology.analysis.MixingRule;

/**
 * D-PSGD (Lian et al. 2017), ALGORITHMS.md "dsgd": each round every node i sends C(x_i^t) [model] to each
 * neighbour and computes g_i(x_i^t); when everything has arrived,
 * <pre>  x_i^{t+1} = W_ii x_i^t + Σ_j W_ij C(x_j^t) − η g_i(x_i^t)</pre>
 * (x̃_i = x_i: a node mixes its own uncompressed model). On the consensus task there is no gradient and
 * no compute: x^{t+1} = W x^t exactly (in float arithmetic).
 *
 * <h2>Timing</h2>
 * At the round's start every active node sends its model to every active neighbour (one compression per
 * node, the same value to all neighbours) and starts its gradient ({@code flopsPerGradient} FLOPs on its
 * processor) at the same time: communication and computation overlap, as D-PSGD allows. The round ends
 * when the last message has arrived and the last gradient is done; with uniform links and no compute it
 * lasts {@code bits/B + latency}.
 *
 * <h2>Faults</h2>
 * A device that drops out of a round sends, computes and updates nothing; its neighbours mix without it.
 * With a round deadline, the round closes at the deadline if it has not closed before: messages that have
 * not arrived are left out (later arrivals are ignored), and a node whose gradient is not done mixes
 * without it. Whatever weight W_ij is left out is added to the node's own weight, so each row of the
 * applied matrix still sums to 1.
 *
 * <h2>Cost</h2>
 * Per round: one batched gradient call (parallel), one compression per node (or one array copy for
 * {@code none}), 2m messages with int tags and no allocation, and one row-parallel pass
 * {@code X ← a ⊙ X − ηG + W_offdiag S} in float loops that keeps each output row in L1 while it adds
 * the neighbours' rows.
 */
final class Dsgd extends DecentralizedAlgorithm {

    private static final int EV_DEADLINE = 1;

    private final SparseMixing mix;
    private final float eta;
    private final int threads;
    /** Gradients, N x d (null on consensus). */
    private final float[] grad;
    /** What each node sent this round (its model, compressed), N x d. */
    private final float[] sent;
    /** Per receiver entry (direction i → j of row i): round + 1 when j's message reached i. */
    private final int[] recv;
    /** Per node: round + 1 when its gradient was done. */
    private final int[] gradDone;
    private final long bitsPerMessage;
    private final Parallel.Range mixBody = this::mixRange;

    private int round = -1;
    private int stamp;
    private boolean open;
    private int pending;
    private boolean[] active;
    private int[] activeList;
    private boolean complete;

    Dsgd(SimulationContext ctx, double learningRate, MixingRule rule) {
        super("dsgd", ctx, ctx.graph().nodeCount());
        this.mix = SparseMixing.of(ctx, rule);
        this.eta = (float) learningRate;
        this.threads = learning.parallelism();
        this.grad = hasGradient ? learning.newMatrix() : null;
        this.sent = learning.newMatrix();
        this.recv = new int[net.directionCount()];
        this.gradDone = new int[n];
        this.bitsPerMessage = bits(d);
    }

    @Override
    public void onRoundStart(int r) {
        round = r;
        stamp = r + 1;
        open = true;
        active = activeMask(r);
        activeList = active == null ? null : listOf(active);
        if (hasGradient) {
            learning.gradients(activeList, x, grad);
        }
        if (identity && active == null) {
            System.arraycopy(x, 0, sent, 0, x.length);
        } else {
            for (int i = 0; i < n; i++) {
                if (active == null || active[i]) {
                    compress(i, x, i * d, sent, i * d, d);
                }
            }
        }
        int count = 0;
        int[] off = mix.off;
        int[] to = mix.to;
        int[] rev = mix.rev;
        long roundTag = (long) r << 32;
        for (int i = 0; i < n; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            for (int p = off[i], end = off[i + 1]; p < end; p++) {
                if (active == null || active[to[p]]) {
                    // The receiver's entry for this message is the reverse direction (j → i seen from j's row).
                    net.sendVia(p, bitsPerMessage, MessageKind.MODEL, r, this, roundTag | rev[p]);
                    count++;
                }
            }
            if (hasGradient && gradientFlops[i] > 0) {
                cpu.compute(i, gradientFlops[i], r, this, r);
                count++;
            } else {
                gradDone[i] = stamp;
            }
        }
        pending = count;
        ctx.scheduleRoundDeadline(r, this, EV_DEADLINE);
        if (pending == 0) {
            finish();
        }
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        if (!open || (int) (tag >>> 32) != round) {
            return; // arrived after its round closed at the deadline
        }
        recv[(int) tag] = stamp;
        if (--pending == 0) {
            finish();
        }
    }

    @Override
    public void onComputeDone(int node, int tag) {
        if (!open || tag != round) {
            return;
        }
        gradDone[node] = stamp;
        if (--pending == 0) {
            finish();
        }
    }

    @Override
    public void onEvent(int code, int a, int b) {
        if (code == EV_DEADLINE && open && a == round) {
            finish();
        }
    }

    private void finish() {
        complete = pending == 0 && active == null;
        Parallel.rows(n, threads, mixBody);
        open = false;
        finishRound(round);
    }

    /** x_i ← a_i x_i − η g_i + Σ_{j received} W_ij s_j for the active rows in [lo, hi). */
    private void mixRange(int lo, int hi) {
        final float[] x = this.x;
        final float[] s = sent;
        final float[] g = grad;
        final int d = this.d;
        final int[] off = mix.off;
        final int[] to = mix.to;
        final float[] w = mix.w;
        final boolean all = complete;
        final int st = stamp;
        final float e = eta;
        for (int i = lo; i < hi; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            int o = i * d;
            int p0 = off[i];
            int p1 = off[i + 1];
            float a = mix.diag[i];
            if (!all) {
                for (int p = p0; p < p1; p++) {
                    if (recv[p] != st) {
                        a += w[p]; // left-out weight goes to the node's own model
                    }
                }
            }
            if (g != null && (all || gradDone[i] == st)) {
                for (int k = 0; k < d; k++) {
                    x[o + k] = a * x[o + k] - e * g[o + k];
                }
            } else if (a != 1f) {
                for (int k = 0; k < d; k++) {
                    x[o + k] = a * x[o + k];
                }
            }
            for (int p = p0; p < p1; p++) {
                if (all || recv[p] == st) {
                    float wp = w[p];
                    int jo = to[p] * d;
                    for (int k = 0; k < d; k++) {
                        x[o + k] += wp * s[jo + k];
                    }
                }
            }
        }
    }

    static int[] listOf(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[c++] = i;
            }
        }
        return out;
    }
}
