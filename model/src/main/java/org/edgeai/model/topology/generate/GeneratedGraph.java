package org.edgeai.model.topology.generate;

import java.util.Objects;

import org.edgeai.model.topology.NodeKind;

/**
 * The structure a generator produces: {@code n} nodes (named n0..n(n-1) by {@link TopologyBuilder}) and
 * undirected edges as parallel index arrays, plus optional node kinds and positions. Kept as primitive
 * arrays so that generating 10^5..10^6 nodes costs O(n + m) memory and time.
 *
 * @param n         number of nodes
 * @param edgeU     one endpoint of each edge
 * @param edgeV     the other endpoint (no self loops, no duplicates)
 * @param kinds     kind per node, or {@code null} for all devices
 * @param x         x position per node, or {@code null} when the generator defines no positions
 * @param y         y position per node, or {@code null}
 * @param layout    the layout to apply when no positions are given: one of {@link LayoutKind}
 */
public record GeneratedGraph(int n, int[] edgeU, int[] edgeV, NodeKind[] kinds, double[] x, double[] y,
                             LayoutKind layout) {

    public GeneratedGraph {
        Objects.requireNonNull(edgeU);
        Objects.requireNonNull(edgeV);
        if (edgeU.length != edgeV.length) {
            throw new IllegalArgumentException("edge arrays differ in length");
        }
        if (kinds != null && kinds.length != n) {
            throw new IllegalArgumentException("kinds must have one entry per node");
        }
        if ((x == null) != (y == null) || (x != null && (x.length != n || y.length != n))) {
            throw new IllegalArgumentException("positions must be given for every node or for none");
        }
        layout = layout == null ? LayoutKind.CIRCLE : layout;
    }

    public int edgeCount() {
        return edgeU.length;
    }

    public boolean hasPositions() {
        return x != null;
    }
}
