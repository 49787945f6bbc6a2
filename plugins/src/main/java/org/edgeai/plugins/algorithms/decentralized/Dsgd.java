package org.edgeai.plugins.algorithms.decentralized;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Per round: one batched gradient call, one compression per node (a row copy for {@code none}), 2m messages
 * with int tags and no allocation, and one row-parallel pass that builds each new row in a per-thread
 * accumulator: {@code acc = a x_i − η g_i + Σ_j W_ij s_j}, then stores it and adds it to the metrics sums
 * ({@link RowMetrics}), so X is streamed once. The values sent are kept as one array per node so that the
 * inner loops index both operands from 0, which HotSpot vectorizes (loops over two slices of flat arrays at
 * different offsets it does not, the aliasing being unknown: about 6 times slower, measured).
 *
 * <p>With more than one thread, a round's batched gradient runs on a helper thread of this algorithm (with the
 * common pool) while the engine thread takes the snapshot, hands the messages to the network and runs their
 * events; the round's finish waits for it before mixing. Results do not change (each gradient depends only on
 * X^t and the node's own minibatch stream). So between a round's start and its finish the learning state is in
 * use by that thread (never between rounds); the helper thread ends with the last round or {@link #close()}.
 * (Starting round t + 1's gradients as soon as round t's mixing is done, to overlap the metrics too, measured
 * no faster on two cores: the work is CPU-bound either way.)
 */
final class Dsgd extends DecentralizedAlgorithm {

    private static final int EV_DEADLINE = 1;

    private final SparseMixing mix;
    private final float eta;
    private final int threads;
    /** Gradients, N x d (null on consensus). */
    private final float[] grad;
    /** What each node sent this round (its model, compressed): one row per node. */
    private final float[][] sent;
    /** Per receiver entry (direction i → j of row i): round + 1 when j's message reached i. */
    private final int[] recv;
    /** Per node: round + 1 when its gradient was done. */
    private final int[] gradDone;
    private final long bitsPerMessage;
    private final Parallel.Range mixBody = this::mixRange;
    private final float[][] acc;
    private final float[][] tmp;
    private final RowMetrics metrics;
    private final PhaseTimes prof;
    private ExecutorService helper;
    private Future<?> gradTask;

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
        this.sent = new float[n][d];
        this.recv = new int[net.directionCount()];
        this.gradDone = new int[n];
        this.bitsPerMessage = bits(d);
        int parts = Parallel.parts(n);
        this.acc = new float[parts][d];
        this.tmp = new float[parts][d];
        this.metrics = new RowMetrics(learning, threads);
        this.prof = ctx.extension(PhaseTimes.class).orElse(null);
    }

    @Override
    public void onRoundStart(int r) {
        round = r;
        stamp = r + 1;
        open = true;
        long t = prof == null ? 0 : prof.now();
        active = activeMask(r);
        activeList = active == null ? null : listOf(active);
        if (hasGradient) {
            if (threads > 1) {
                startGradients(activeList);
            } else {
                learning.gradients(activeList, x, grad);
            }
        }
        if (prof != null) {
            prof.add(PhaseTimes.Phase.GRADIENTS, t);
            t = prof.now();
        }
        for (int i = 0; i < n; i++) {
            if (active == null || active[i]) {
                compress(i, x, i * d, sent[i], 0, d);
            }
        }
        if (prof != null) {
            prof.add(PhaseTimes.Phase.SNAPSHOT, t);
            t = prof.now();
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
        if (prof != null) {
            prof.add(PhaseTimes.Phase.SEND, t);
        }
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
        long t = prof == null ? 0 : prof.now();
        awaitGradients();
        if (prof != null) {
            prof.add(PhaseTimes.Phase.GRADIENTS, t);
            t = prof.now();
        }
        complete = pending == 0 && active == null;
        metrics.begin();
        Parallel.rows(n, threads, mixBody);
        open = false;
        if (prof != null) {
            prof.add(PhaseTimes.Phase.MIX, t);
            t = prof.now();
        }
        Map<String, Double> values = metrics.finish();
        if (prof != null) {
            prof.add(PhaseTimes.Phase.METRICS, t);
        }
        if (round == ctx.rounds() - 1) {
            close();
        }
        ctx.finishRound(round, values);
    }

    /** Starts the round's batched gradient at the current X on the helper thread. */
    private void startGradients(int[] list) {
        if (helper == null) {
            helper = Executors.newSingleThreadExecutor(runnable -> {
                Thread th = new Thread(runnable, "dsgd-gradients");
                th.setDaemon(true);
                return th;
            });
        }
        gradTask = helper.submit(() -> learning.gradients(list, x, grad));
    }

    private void awaitGradients() {
        if (gradTask == null) {
            return;
        }
        try {
            gradTask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dsgd: interrupted while waiting for the gradients", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException("dsgd: gradient computation failed", c);
        } finally {
            gradTask = null;
        }
    }

    /**
     * Rows [lo, hi): x_i ← a_i x_i − η g_i + Σ_{j received} W_ij s_j for active rows (inactive rows keep x_i),
     * each row built in this part's accumulator, stored, and added to the metrics.
     */
    private void mixRange(int part, int lo, int hi) {
        final float[] x = this.x;
        final float[] g = grad;
        final int d = this.d;
        final int[] off = mix.off;
        final int[] to = mix.to;
        final float[] w = mix.w;
        final boolean all = complete;
        final int st = stamp;
        final float e = eta;
        final float[] a = acc[part];
        final float[] gt = tmp[part];
        for (int i = lo; i < hi; i++) {
            int o = i * d;
            System.arraycopy(x, o, a, 0, d);
            if (active != null && !active[i]) {
                metrics.add(part, a);
                continue;
            }
            int p0 = off[i];
            int p1 = off[i + 1];
            float self = mix.diag[i];
            if (!all) {
                for (int p = p0; p < p1; p++) {
                    if (recv[p] != st) {
                        self += w[p]; // left-out weight goes to the node's own model
                    }
                }
            }
            if (g != null && (all || gradDone[i] == st)) {
                System.arraycopy(g, o, gt, 0, d);
                scaleMinus(a, self, gt, e, d);
            } else if (self != 1f) {
                scale(a, self, d);
            }
            if (all) {
                int p = p0;
                for (; p + 4 <= p1; p += 4) {
                    axpy4(a, sent[to[p]], sent[to[p + 1]], sent[to[p + 2]], sent[to[p + 3]],
                            w[p], w[p + 1], w[p + 2], w[p + 3], d);
                }
                for (; p < p1; p++) {
                    axpy(a, sent[to[p]], w[p], d);
                }
            } else {
                for (int p = p0; p < p1; p++) {
                    if (recv[p] == st) {
                        axpy(a, sent[to[p]], w[p], d);
                    }
                }
            }
            System.arraycopy(a, 0, x, o, d);
            metrics.add(part, a);
        }
    }

    // Loops over slices that start at index 0 of each array: HotSpot vectorizes these.

    static void scale(float[] a, float f, int d) {
        for (int k = 0; k < d; k++) {
            a[k] *= f;
        }
    }

    static void scaleMinus(float[] a, float f, float[] g, float e, int d) {
        for (int k = 0; k < d; k++) {
            a[k] = f * a[k] - e * g[k];
        }
    }

    static void axpy(float[] a, float[] b, float f, int d) {
        for (int k = 0; k < d; k++) {
            a[k] += f * b[k];
        }
    }

    static void axpy4(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, float f0, float f1, float f2, float f3,
                      int d) {
        for (int k = 0; k < d; k++) {
            a[k] += f0 * b0[k] + f1 * b1[k] + f2 * b2[k] + f3 * b3[k];
        }
    }

    @Override
    public void close() {
        awaitQuietly();
        if (helper != null) {
            helper.shutdown();
            helper = null;
        }
    }

    private void awaitQuietly() {
        if (gradTask != null) {
            try {
                gradTask.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the run is being closed; the failure was or will be reported by the round that awaited it
            }
            gradTask = null;
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
