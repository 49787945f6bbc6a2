package org.edgeai.plugins.algorithms.decentralized;

import java.util.Arrays;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;

/**
 * Ring all-reduce, ALGORITHMS.md "allreduce-ring": synchronous data-parallel SGD whose gradient sum travels
 * a logical ring in node order (n0 → n1 → … → n(N−1) → n0; messages between ring neighbours that are not
 * linked are routed by the network).
 *
 * <p>The d values are cut into N contiguous chunks, the first d mod N of ⌈d/N⌉ values and the rest of ⌊d/N⌋.
 * <b>Reduce-scatter</b>: in step s = 0 .. N−2 the node at ring position k sends chunk (k − s) mod N to position
 * k + 1, which adds it to its own copy. Position k then holds the complete sum of chunk (k + 1) mod N.
 * <b>All-gather</b>: in N − 1 more steps each node forwards the last complete chunk it got (starting with its
 * own) to its successor, which stores it. Every node then holds Σ g_k and sets x ← x − η Σ g_k / N. Every
 * message is [gradient], compressed, of {@code compression.bits(chunk size)} bits: 2(N − 1) messages per
 * node and round.
 *
 * <p><b>Timing.</b> Steps are data-driven, not barriers: a node computes its gradient ({@code flopsPerGradient}
 * FLOPs), then sends its step-0 chunk; it forwards a chunk as soon as it has arrived (and, in the
 * reduce-scatter, once its own gradient is done, since it must add to it). On uniform links and equal nodes
 * the round lasts {@code compute + 2(N − 1)(b/B + latency)}, b the bits of the largest chunk.
 *
 * <p><b>Consensus task</b> (no gradient): the ring reduces the models themselves [model] and every node sets
 * x ← Σ x_k / N, the exact average in one round (ALGORITHMS.md's gradient rule would leave the models
 * unchanged, which makes the algorithm useless on that task; this is its natural counterpart).
 *
 * <p><b>Faults.</b> The ring is formed by the nodes active in the round (dropped devices are left out and keep
 * their model; the others divide by the number of active nodes). A collective cannot leave out a late member
 * half-way, so the round deadline is not used.
 */
final class AllreduceRing extends DecentralizedAlgorithm {

    private final float eta;
    private final MessageKind kind;
    /** Per node its values, then the running sums, then the complete sums (N x d). */
    private final float[] p;
    /** The value each sender's last message of a chunk carried, when compressed (N x d). */
    private final float[] q;
    private final int[] pos;
    private final boolean[] gradDone;
    /** Per node, reduce-scatter arrivals waiting for its own gradient: a linked list through a pool. */
    private final int[] waitHead;
    private final int[] waitTail;
    private int[] poolStep = new int[64];
    private int[] poolNext = new int[64];
    private int poolUsed;

    private int round;
    private int[] ring;
    private int ringSize;
    private int[] chunkStart;
    private int pending;

    AllreduceRing(SimulationContext ctx, double learningRate) {
        super("allreduce-ring", ctx, 0);
        this.eta = (float) learningRate;
        this.kind = hasGradient ? MessageKind.GRADIENT : MessageKind.MODEL;
        this.p = learning.newMatrix();
        this.q = identity ? null : learning.newMatrix();
        this.pos = new int[n];
        this.gradDone = new boolean[n];
        this.waitHead = new int[n];
        this.waitTail = new int[n];
        if (n > 1) {
            AllreduceTree.requireConnected(graph, id); // fail now rather than at the first send without a path
        }
    }

    @Override
    public void onRoundStart(int r) {
        round = r;
        boolean[] active = activeMask(r);
        ring = active == null ? identityList(n) : Dsgd.listOf(active);
        ringSize = ring.length;
        Arrays.fill(pos, -1);
        for (int k = 0; k < ringSize; k++) {
            pos[ring[k]] = k;
        }
        int rr = Math.max(1, ringSize);
        chunkStart = new int[rr + 1];
        int base = d / rr;
        int extra = d % rr;
        for (int c = 0; c < rr; c++) {
            chunkStart[c + 1] = chunkStart[c] + base + (c < extra ? 1 : 0);
        }
        if (hasGradient) {
            learning.gradients(active == null ? null : ring, x, p);
        } else {
            for (int node : ring) {
                System.arraycopy(x, node * d, p, node * d, d);
            }
        }
        Arrays.fill(waitHead, -1);
        poolUsed = 0;
        pending = 2 * ringSize * (ringSize - 1);
        int computing = 0;
        for (int node : ring) {
            gradDone[node] = false;
            if (hasGradient && gradientFlops[node] > 0) {
                cpu.compute(node, gradientFlops[node], r, this, r);
                computing++;
            }
        }
        pending += computing;
        for (int node : ring) {
            if (!(hasGradient && gradientFlops[node] > 0)) {
                gradientReady(node);
            }
        }
        if (pending == 0) {
            finish();
        }
    }

    @Override
    public void onComputeDone(int node, int tag) {
        gradientReady(node);
        if (--pending == 0) {
            finish();
        }
    }

    /** Node's own values are ready: send its step-0 chunk, then add what arrived meanwhile. */
    private void gradientReady(int node) {
        gradDone[node] = true;
        if (ringSize > 1) {
            send(node, 0, pos[node]);
        }
        for (int e = waitHead[node]; e >= 0; e = poolNext[e]) {
            reduce(node, poolStep[e]);
        }
        waitHead[node] = -1;
    }

    /** Sends chunk {@code c} of {@code node}'s buffer to its ring successor as step {@code step} (0 .. 2N−3). */
    private void send(int node, int step, int c) {
        int succ = ring[(pos[node] + 1) % ringSize];
        int lo = chunkStart[c];
        int len = chunkStart[c + 1] - lo;
        long b;
        if (identity) {
            b = bits(len);
        } else {
            long key = ((long) (step < ringSize - 1 ? 0 : 1) * ringSize + c) * n + node;
            b = compress(key, p, node * d + lo, q, node * d + lo, len);
        }
        net.send(node, succ, b, kind, round, this, step);
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        int step = (int) tag;
        if (step < ringSize - 1) {
            if (gradDone[dst]) {
                reduce(dst, step);
            } else {
                park(dst, step);
            }
        } else {
            gather(dst, step);
        }
        if (--pending == 0) {
            finish();
        }
    }

    /** Reduce-scatter step {@code step} reached {@code node}: add the predecessor's chunk, pass it on. */
    private void reduce(int node, int step) {
        int k = pos[node];
        int pred = ring[(k - 1 + ringSize) % ringSize];
        int c = Math.floorMod(k - 1 - step, ringSize);
        int lo = chunkStart[c];
        int hi = chunkStart[c + 1];
        float[] src = identity ? p : q;
        int so = pred * d;
        int o = node * d;
        for (int i = lo; i < hi; i++) {
            p[o + i] += src[so + i];
        }
        // Step N−2 completes chunk c here; it is then the first chunk this node gathers out.
        send(node, step + 1, c);
    }

    /** All-gather step {@code step} reached {@code node}: store the complete chunk, pass it on unless last. */
    private void gather(int node, int step) {
        int k = pos[node];
        int pred = ring[(k - 1 + ringSize) % ringSize];
        int s = step - (ringSize - 1);
        int c = Math.floorMod(k - s, ringSize); // the predecessor sent chunk (k - 1 + 1 - s)
        int lo = chunkStart[c];
        int len = chunkStart[c + 1] - lo;
        System.arraycopy(identity ? p : q, pred * d + lo, p, node * d + lo, len);
        if (s < ringSize - 2) {
            send(node, step + 1, c);
        }
    }

    private void park(int node, int step) {
        if (poolUsed == poolStep.length) {
            poolStep = Arrays.copyOf(poolStep, 2 * poolUsed);
            poolNext = Arrays.copyOf(poolNext, 2 * poolUsed);
        }
        int e = poolUsed++;
        poolStep[e] = step;
        poolNext[e] = -1;
        if (waitHead[node] < 0) {
            waitHead[node] = e;
        } else {
            poolNext[waitTail[node]] = e;
        }
        waitTail[node] = e;
    }

    private void finish() {
        if (ringSize > 0) {
            float scale = (hasGradient ? eta : 1f) / ringSize;
            for (int node : ring) {
                int o = node * d;
                if (hasGradient) {
                    for (int k = 0; k < d; k++) {
                        x[o + k] -= scale * p[o + k];
                    }
                } else {
                    for (int k = 0; k < d; k++) {
                        x[o + k] = scale * p[o + k];
                    }
                }
            }
        }
        finishRound(round);
    }

    static int[] identityList(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
