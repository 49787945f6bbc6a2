package org.edgeai.plugins.algorithms.decentralized;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.topology.analysis.MixingMatrix;
import org.edgeai.model.topology.analysis.MixingRule;

/**
 * The mixing matrix W in float CSR form over the network's directions: the off-diagonal weight of row i
 * for its k-th neighbour j sits at direction {@code p = off[i] + k} (the direction i → j of
 * {@link Network}), so a message that arrived on direction q = j → i is the entry {@code rev[q]} of row i.
 * O(n + m) memory. Immutable.
 */
final class SparseMixing {

    final int n;
    /** Row starts, n + 1 entries (the network's first directions). */
    final int[] off;
    /** Target node of each direction (the column of each entry). */
    final int[] to;
    /** Reverse direction of each direction. */
    final int[] rev;
    /** W_ij per direction i → j. */
    final float[] w;
    /** W_ii. */
    final float[] diag;
    final MixingMatrix matrix;

    private SparseMixing(MixingMatrix m, Network net) {
        this.matrix = m;
        this.n = m.size();
        int dirs = net.directionCount();
        off = new int[n + 1];
        to = new int[dirs];
        rev = new int[dirs];
        w = new float[dirs];
        diag = new float[n];
        for (int i = 0; i < n; i++) {
            off[i] = net.firstDirection(i);
            int deg = net.degree(i);
            diag[i] = (float) m.diagonal(i);
            for (int k = 0; k < deg; k++) {
                int p = off[i] + k;
                to[p] = net.directionTarget(p);
                rev[p] = net.reverse(p);
                w[p] = (float) m.weight(i, k);
            }
        }
        off[n] = dirs;
    }

    /**
     * W of the run's topology under {@code rule} ({@code custom} reads the links' weights).
     *
     * @throws IllegalArgumentException when the rule cannot be built (custom weights missing or invalid)
     */
    static SparseMixing of(SimulationContext ctx, MixingRule rule) {
        MixingMatrix m = MixingMatrix.of(ctx.topology(), rule);
        return new SparseMixing(m, ctx.network());
    }

    /**
     * {@code dst_i = W_ii src_i + Σ_j W_ij src_j} for rows [lo, hi) of N x d matrices (different arrays).
     * O((rows + their degrees) · d).
     */
    void multiplyRows(float[] src, float[] dst, int d, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int o = i * d;
            float a = diag[i];
            for (int k = 0; k < d; k++) {
                dst[o + k] = a * src[o + k];
            }
            for (int p = off[i], end = off[i + 1]; p < end; p++) {
                float wp = w[p];
                int jo = to[p] * d;
                for (int k = 0; k < d; k++) {
                    dst[o + k] += wp * src[jo + k];
                }
            }
        }
    }
}
