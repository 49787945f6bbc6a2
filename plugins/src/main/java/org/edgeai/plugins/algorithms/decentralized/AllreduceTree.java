package org.edgeai.plugins.algorithms.decentralized;

import java.util.Arrays;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.topology.IndexedGraph;

/**
 * Tree all-reduce, ALGORITHMS.md "allreduce-tree": synchronous data-parallel SGD over a BFS spanning tree.
 *
 * <p><b>Tree.</b> The root is the node of least eccentricity in hops (ties: the lowest node index, i.e. the
 * first in the topology's order, which is how the engine's routing breaks ties too); the tree is a
 * breadth-first search from it that scans neighbours in ascending index order, so each node's parent is the
 * first node of the previous level, in BFS order, that links to it. Tree edges are links of the topology.
 *
 * <p><b>Round.</b> Every node computes its gradient ({@code flopsPerGradient} FLOPs). A node whose gradient is
 * done and whose children's sums have all arrived sends C(own gradient + children's sums) to its parent
 * [gradient]. The root divides the total by N and sends C(average) to its children [update]; each node
 * forwards C(what it received) to its children and sets x ← x − η · (what it received) (the root uses its own
 * uncompressed average). The round ends when the last node has the average: 2(N − 1) messages of
 * {@code compression.bits(d)} bits.
 *
 * <p><b>Consensus task</b> (no gradient): the tree reduces the models [model] and every node sets x to the
 * average it receives (the exact average in one round; ALGORITHMS.md's gradient rule would do nothing).
 *
 * <p><b>Faults.</b> A device that drops out of a round computes nothing, contributes nothing and keeps its
 * model, but still relays the sums of its subtree and the average (the tree has no other path); the average
 * divides by the number of active nodes. The round deadline is not used (a collective cannot leave a member
 * out half-way).
 */
final class AllreduceTree extends DecentralizedAlgorithm {

    private final float eta;
    private final MessageKind upKind;
    private final MessageKind downKind;
    final int root;
    final int[] parent;
    /** Direction from each node to its parent (-1 for the root). */
    private final int[] upDir;
    private final int[] childStart;
    private final int[] childDir;
    /** Subtree sums, then (down) the averages received, N x d. */
    private final float[] s;
    private final float[] a;
    private final float[] q;
    private final int[] childrenIn;
    private final boolean[] computed;
    private final long bitsPerMessage;

    private int round;
    private boolean[] active;
    private int activeCount;
    private int pending;

    AllreduceTree(SimulationContext ctx, double learningRate) {
        super("allreduce-tree", ctx, 2 * ctx.graph().nodeCount());
        this.eta = (float) learningRate;
        this.upKind = hasGradient ? MessageKind.GRADIENT : MessageKind.MODEL;
        this.downKind = hasGradient ? MessageKind.UPDATE : MessageKind.MODEL;
        this.root = centre(graph, id);
        this.parent = bfsParents(graph, root);
        this.upDir = new int[n];
        int[] count = new int[n + 1];
        for (int v = 0; v < n; v++) {
            if (v != root) {
                count[parent[v] + 1]++;
            }
        }
        childStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            childStart[v + 1] = childStart[v] + count[v + 1];
        }
        childDir = new int[Math.max(0, n - 1)];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int v = 0; v < n; v++) {
            if (v == root) {
                upDir[v] = -1;
            } else {
                upDir[v] = net.direction(v, parent[v]);
                childDir[fill[parent[v]]++] = net.direction(parent[v], v);
            }
        }
        this.s = learning.newMatrix();
        this.a = learning.newMatrix();
        this.q = identity ? null : learning.newMatrix();
        this.childrenIn = new int[n];
        this.computed = new boolean[n];
        this.bitsPerMessage = bits(d);
    }

    /**
     * The node of least eccentricity (hops), lowest index on ties. One BFS per node, cut short once its depth
     * exceeds the best eccentricity found: O(n · m) at worst.
     *
     * @throws IllegalArgumentException when the graph is not connected
     */
    static int centre(IndexedGraph g, String owner) {
        int n = g.nodeCount();
        int[] dist = new int[n];
        int[] queue = new int[n];
        int best = Integer.MAX_VALUE;
        int arg = -1;
        for (int src = 0; src < n; src++) {
            Arrays.fill(dist, -1);
            dist[src] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = src;
            int ecc = 0;
            boolean cut = false;
            while (head < tail) {
                int u = queue[head++];
                if (dist[u] >= best) {
                    cut = true; // every node beyond is at least best + 1 away
                    break;
                }
                for (int k = 0, deg = g.degree(u); k < deg; k++) {
                    int v = g.neighbour(u, k);
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        ecc = Math.max(ecc, dist[v]);
                        queue[tail++] = v;
                    }
                }
            }
            if (!cut && tail < n) {
                throw new IllegalArgumentException(owner + ": the topology must be connected, but " + g.id(src)
                        + " reaches only " + tail + " of " + n + " nodes");
            }
            if (!cut && ecc < best) {
                best = ecc;
                arg = src;
            }
        }
        return arg;
    }

    /**
     * Checks that every node is reachable from node 0 (one BFS, O(n + m)).
     *
     * @throws IllegalArgumentException naming the owner and how many nodes node 0 reaches
     */
    static void requireConnected(IndexedGraph g, String owner) {
        int n = g.nodeCount();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        seen[0] = true;
        queue[tail++] = 0;
        while (head < tail) {
            int u = queue[head++];
            for (int k = 0, deg = g.degree(u); k < deg; k++) {
                int v = g.neighbour(u, k);
                if (!seen[v]) {
                    seen[v] = true;
                    queue[tail++] = v;
                }
            }
        }
        if (tail < n) {
            throw new IllegalArgumentException(owner + ": the topology must be connected, but " + g.id(0) + " reaches only "
                    + tail + " of " + n + " nodes");
        }
    }

    /** BFS parents from {@code root}, neighbours scanned in ascending index order; parent[root] = -1. */
    static int[] bfsParents(IndexedGraph g, int root) {
        int n = g.nodeCount();
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        parent[root] = -1;
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        int[] nb = new int[0];
        while (head < tail) {
            int u = queue[head++];
            int deg = g.degree(u);
            if (nb.length < deg) {
                nb = new int[deg];
            }
            for (int k = 0; k < deg; k++) {
                nb[k] = g.neighbour(u, k);
            }
            Arrays.sort(nb, 0, deg);
            for (int k = 0; k < deg; k++) {
                int v = nb[k];
                if (parent[v] == -2) {
                    parent[v] = u;
                    queue[tail++] = v;
                }
            }
        }
        return parent;
    }

    @Override
    public void onRoundStart(int r) {
        round = r;
        active = activeMask(r);
        int[] list = active == null ? null : Dsgd.listOf(active);
        activeCount = list == null ? n : list.length;
        if (hasGradient) {
            learning.gradients(list, x, s);
        } else {
            System.arraycopy(x, 0, s, 0, x.length);
        }
        if (active != null) {
            for (int v = 0; v < n; v++) {
                if (!active[v]) {
                    Arrays.fill(s, v * d, v * d + d, 0f); // relays only
                }
            }
        }
        Arrays.fill(childrenIn, 0);
        pending = 2 * (n - 1);
        for (int v = 0; v < n; v++) {
            boolean works = hasGradient && gradientFlops[v] > 0 && (active == null || active[v]);
            computed[v] = !works;
            if (works) {
                cpu.compute(v, gradientFlops[v], r, this, r);
                pending++;
            }
        }
        for (int v = 0; v < n; v++) {
            if (computed[v]) {
                tryUp(v);
            }
        }
        if (pending == 0) {
            finish();
        }
    }

    @Override
    public void onComputeDone(int node, int tag) {
        computed[node] = true;
        tryUp(node);
        if (--pending == 0) {
            finish();
        }
    }

    /** Sends node v's subtree sum up once its gradient and all its children's sums are in (the root turns down). */
    private void tryUp(int v) {
        if (!computed[v] || childrenIn[v] != childStart[v + 1] - childStart[v]) {
            return;
        }
        if (v == root) {
            float inv = 1f / Math.max(1, activeCount);
            int o = v * d;
            for (int k = 0; k < d; k++) {
                a[o + k] = s[o + k] * inv;
            }
            down(v);
            return;
        }
        if (!identity) {
            compress(v, s, v * d, q, v * d, d);
        }
        net.sendVia(upDir[v], bitsPerMessage, upKind, round, this, v);
    }

    /** Node v has the average: send it to the children (compressed once for all of them). */
    private void down(int v) {
        int c0 = childStart[v];
        int c1 = childStart[v + 1];
        if (c1 > c0) {
            if (!identity) {
                compress(n + v, a, v * d, q, v * d, d);
            }
            for (int c = c0; c < c1; c++) {
                net.sendVia(childDir[c], bitsPerMessage, downKind, round, this, -1 - v);
            }
        }
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        float[] from = identity ? (tag >= 0 ? s : a) : q;
        int so = src * d;
        int o = dst * d;
        if (tag >= 0) {
            for (int k = 0; k < d; k++) {
                s[o + k] += from[so + k];
            }
            childrenIn[dst]++;
            tryUp(dst);
        } else {
            System.arraycopy(from, so, a, o, d);
            down(dst);
        }
        if (--pending == 0) {
            finish();
        }
    }

    private void finish() {
        for (int v = 0; v < n; v++) {
            if (active != null && !active[v]) {
                continue;
            }
            int o = v * d;
            if (hasGradient) {
                for (int k = 0; k < d; k++) {
                    x[o + k] -= eta * a[o + k];
                }
            } else {
                System.arraycopy(a, o, x, o, d);
            }
        }
        finishRound(round);
    }
}
