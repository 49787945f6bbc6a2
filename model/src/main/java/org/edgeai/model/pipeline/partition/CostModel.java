package org.edgeai.model.pipeline.partition;

import java.util.List;

import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.topology.Node;

/**
 * The per-micro-batch costs the partitioners optimize, for a model on a path of nodes.
 *
 * <ul>
 *   <li>Compute of layers i..j on node n: (forward + backward (+ forward again when re-materializing)) FLOPs
 *       x micro-batch size / (computeGflops x 1e9) seconds.</li>
 *   <li>Communication across the boundary after layer i between nodes x and y: the activation's bits
 *       (output elements x micro-batch size x precision bits) over the bottleneck bandwidth of the route. Links
 *       are full duplex, so activations (forward) and gradients (backward, same size) use opposite directions
 *       and each direction is busy bits/bandwidth per micro-batch (the PipeDream paper's 2a/B assumes one shared
 *       direction).</li>
 *   <li>A stage replicated on r nodes: each replica takes every r-th micro-batch, so per micro-batch the stage
 *       needs (slowest replica's compute) / r, plus the ring all-reduce of its weight gradients once per
 *       minibatch, 2 (r - 1) (weightBits / r) / (ring's bottleneck bandwidth), amortized over the M
 *       micro-batches of a minibatch.</li>
 * </ul>
 * Layer sums use prefix sums: each query is O(1) (O(r) for replicas).
 */
public final class CostModel {

    /** Bottleneck bandwidth in bit/s of the route between two nodes. */
    @FunctionalInterface
    public interface Bandwidth {
        double bitsPerSecond(String from, String to);
    }

    private final ModelProfile model;
    private final List<Node> path;
    private final Bandwidth bandwidth;
    private final int microBatchSize;
    private final int precisionBits;
    private final int microBatches;
    private final double[] flopsPrefix; // per-sample training FLOPs of layers 0..i-1
    private final long[] paramsPrefix;

    /**
     * @param path           the nodes available, in pipeline order
     * @param microBatchSize samples per micro-batch, &gt;= 1
     * @param precisionBits  bits per activation element and per weight, &gt;= 1
     * @param rematerialize  whether the forward pass is computed twice
     * @param microBatches   micro-batches per minibatch M (amortizes replica synchronization), &gt;= 1
     */
    public CostModel(ModelProfile model, List<Node> path, Bandwidth bandwidth, int microBatchSize, int precisionBits,
                     boolean rematerialize, int microBatches) {
        this.model = model;
        this.path = List.copyOf(path);
        this.bandwidth = bandwidth;
        this.microBatchSize = microBatchSize;
        this.precisionBits = precisionBits;
        this.microBatches = microBatches;
        int l = model.layerCount();
        flopsPrefix = new double[l + 1];
        paramsPrefix = new long[l + 1];
        for (int i = 0; i < l; i++) {
            var p = model.layer(i);
            flopsPrefix[i + 1] = flopsPrefix[i] + p.forwardFlops() * (rematerialize ? 2 : 1) + p.backwardFlops();
            paramsPrefix[i + 1] = paramsPrefix[i] + p.params();
        }
    }

    public ModelProfile model() {
        return model;
    }

    public List<Node> path() {
        return path;
    }

    public int layerCount() {
        return model.layerCount();
    }

    public int nodeCount() {
        return path.size();
    }

    /** Training FLOPs of one micro-batch through layers first..last (inclusive). */
    public double flops(int first, int last) {
        return (flopsPrefix[last + 1] - flopsPrefix[first]) * microBatchSize;
    }

    /** Seconds for one micro-batch through layers first..last on path node {@code node}. */
    public double computeSeconds(int first, int last, int node) {
        return path.get(node).computeSeconds(flops(first, last));
    }

    /**
     * Seconds per micro-batch of layers first..last replicated on path nodes a..b (inclusive), see the class
     * comment.
     */
    public double stageSeconds(int first, int last, int a, int b) {
        int r = b - a + 1;
        double slowest = 0;
        for (int n = a; n <= b; n++) {
            slowest = Math.max(slowest, computeSeconds(first, last, n));
        }
        if (r == 1) {
            return slowest;
        }
        double minBw = Double.POSITIVE_INFINITY;
        for (int n = a; n <= b; n++) {
            int next = n == b ? a : n + 1;
            minBw = Math.min(minBw, bandwidth.bitsPerSecond(path.get(n).id(), path.get(next).id()));
        }
        double weightBits = (double) (paramsPrefix[last + 1] - paramsPrefix[first]) * precisionBits;
        double sync = 2.0 * (r - 1) * (weightBits / r) / minBw;
        return slowest / r + sync / microBatches;
    }

    /** Bits of the activation after layer {@code layer} for one micro-batch. */
    public double boundaryBits(int layer) {
        return (double) model.layer(layer).outputElements() * microBatchSize * precisionBits;
    }

    /** Seconds per micro-batch on the route from path node x to path node y for the boundary after {@code layer}. */
    public double commSeconds(int layer, int x, int y) {
        return boundaryBits(layer) / bandwidth.bitsPerSecond(path.get(x).id(), path.get(y).id());
    }

    /** The GPipe objective: the slowest stage's compute seconds per micro-batch (communication ignored). */
    public double maxComputeSeconds(Partition p) {
        double worst = 0;
        for (StagePlan s : p.stages()) {
            for (String n : s.nodes()) {
                worst = Math.max(worst, path.get(indexOf(n)).computeSeconds(flops(s.firstLayer(), s.lastLayer())));
            }
        }
        return worst;
    }

    /**
     * The PipeDream objective: the slowest of the stages ({@link #stageSeconds}) and of the boundaries
     * ({@link #commSeconds} between the last node of a stage and the first of the next). Stages must use
     * consecutive path nodes.
     */
    public double bottleneckSeconds(Partition p) {
        double worst = 0;
        for (int s = 0; s < p.stageCount(); s++) {
            StagePlan st = p.stage(s);
            int a = indexOf(st.nodes().get(0));
            int b = indexOf(st.nodes().get(st.nodes().size() - 1));
            worst = Math.max(worst, stageSeconds(st.firstLayer(), st.lastLayer(), a, b));
            if (s > 0) {
                StagePlan prev = p.stage(s - 1);
                int x = indexOf(prev.nodes().get(prev.nodes().size() - 1));
                worst = Math.max(worst, commSeconds(prev.lastLayer(), x, a));
            }
        }
        return worst;
    }

    private int indexOf(String id) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("node '" + id + "' is not on the pipeline's path");
    }
}
