package org.edgeai.plugins.algorithms.decentralized;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.ComputeUnits;
import org.edgeai.model.engine.Faults;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.IndexedGraph;

/**
 * What every decentralized algorithm shares: the run's services, the learning state (row i = topology
 * node i), the per-node gradient cost, the compressors, the active set of a round and the metrics row.
 *
 * <p><b>Compression.</b> Every message a decentralized algorithm sends is compressed (RunSetup:
 * "decentralized algorithms compress every model/update message they send"; gradient chunks of the
 * all-reduce too), with {@code compression.bits(values)} bits. Each <em>stream</em> of messages (what one
 * sender sends for one purpose, e.g. node i's model, or the partial sum of chunk c node k forwards) has
 * its own {@link Compressor} from {@link CompressionScheme#forSender(long)} keyed by a stream number, so
 * stateful schemes (top-k's error memory) keep one memory per stream of same-length vectors. With
 * {@code none} nothing is copied or called at all.
 */
abstract class DecentralizedAlgorithm implements Algorithm {

    protected final String id;
    protected final SimulationContext ctx;
    protected final RunSetup setup;
    protected final LearningState learning;
    protected final Simulator sim;
    protected final Network net;
    protected final ComputeUnits cpu;
    protected final Faults faults;
    protected final IndexedGraph graph;
    /** N, the number of nodes (= rows). */
    protected final int n;
    /** d, parameters per node. */
    protected final int d;
    /** X, N x d row-major: the learning state's own array. */
    protected final float[] x;
    protected final boolean hasGradient;
    /** FLOPs of one stochastic gradient per node. */
    protected final double[] gradientFlops;
    protected final CompressionScheme scheme;
    /** True for {@code none}: the receiver uses exactly what was sent, 32 bits a value. */
    protected final boolean identity;
    private final Compressor shared;
    private final Compressor[] dense;
    private Map<Long, Compressor> sparse;

    /**
     * @param denseStreams number of stream keys 0 .. denseStreams-1 kept in an array (others go to a map)
     * @throws IllegalArgumentException when the run gives no {@link RunSetup} or its rows are not the
     *         topology's nodes in order
     */
    DecentralizedAlgorithm(String id, SimulationContext ctx, int denseStreams) {
        this.id = id;
        this.ctx = ctx;
        this.setup = ctx.extension(RunSetup.class).orElseThrow(() -> new IllegalArgumentException(id
                + ": the run provides no learning setup (RunSetup extension); a decentralized algorithm needs one row"
                + " of the learning state per node"));
        this.learning = setup.learning();
        this.sim = ctx.simulator();
        this.net = ctx.network();
        this.cpu = ctx.compute();
        this.faults = ctx.faults();
        this.graph = ctx.graph();
        this.n = graph.nodeCount();
        if (setup.rows() != n) {
            throw new IllegalArgumentException(id + ": every node of the topology holds data in a decentralized run: expected "
                    + n + " learning rows, got " + setup.rows());
        }
        for (int i = 0; i < n; i++) {
            if (setup.holderNode()[i] != i) {
                throw new IllegalArgumentException(id + ": learning row " + i + " must belong to topology node " + i
                        + " (" + graph.id(i) + "), got node index " + setup.holderNode()[i]);
            }
        }
        this.d = learning.dimension();
        this.x = learning.x();
        this.hasGradient = learning.workload().hasGradient();
        this.gradientFlops = new double[n];
        for (int i = 0; i < n; i++) {
            gradientFlops[i] = learning.workload().flopsPerGradient(i);
        }
        this.scheme = setup.compression();
        this.identity = "none".equals(scheme.id());
        Compressor a = scheme.forSender(0);
        Compressor b = scheme.forSender(1);
        this.shared = a == b ? a : null; // stateless schemes hand out one shared compressor
        this.dense = shared == null && !identity ? new Compressor[Math.max(0, denseStreams)] : null;
    }

    /** The compressor of stream {@code key} (created on first use). */
    protected final Compressor compressor(long key) {
        if (shared != null) {
            return shared;
        }
        if (key >= 0 && key < dense.length) {
            Compressor c = dense[(int) key];
            if (c == null) {
                c = scheme.forSender(key);
                dense[(int) key] = c;
            }
            return c;
        }
        if (sparse == null) {
            sparse = new HashMap<>(); // looked up by key only, never iterated
        }
        return sparse.computeIfAbsent(key, scheme::forSender);
    }

    /**
     * Compresses {@code len} values of stream {@code key} from {@code src[so..]} into {@code dst[dOff..]} (the
     * value the receiver uses; may be the same slice) and returns the message's bits.
     */
    protected final long compress(long key, float[] src, int so, float[] dst, int dOff, int len) {
        if (identity) {
            if (src != dst || so != dOff) {
                System.arraycopy(src, so, dst, dOff, len);
            }
            return setup.bits(len, true);
        }
        return compressor(key).compress(src, so, dst, dOff, len);
    }

    /** Bits of a message of {@code len} values under the configured compression. */
    protected final long bits(int len) {
        return setup.bits(len, true);
    }

    /**
     * Which nodes take part in {@code round}: {@code null} when all do (the common case, O(N) cheap checks),
     * else a mask; a node that drops out sends, computes and updates nothing that round.
     */
    protected final boolean[] activeMask(int round) {
        boolean[] mask = null;
        for (int i = 0; i < n; i++) {
            if (faults.isDropped(round, i)) {
                if (mask == null) {
                    mask = new boolean[n];
                    java.util.Arrays.fill(mask, true);
                }
                mask[i] = false;
            }
        }
        return mask;
    }

    /** The metrics row of the current X: loss, accuracy, consensus error (RunSetup's keys). */
    protected Map<String, Double> metrics() {
        Metrics m = learning.metrics();
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(RunSetup.LOSS, m.loss());
        v.put(RunSetup.ACCURACY, m.accuracy());
        v.put(RunSetup.CONSENSUS_ERROR, m.consensusError());
        return v;
    }

    /** Finishes {@code round} with the metrics of the current X. */
    protected final void finishRound(int round) {
        ctx.finishRound(round, metrics());
    }
}
