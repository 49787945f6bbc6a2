package org.edgeai.plugins.generators;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code ring}: the cycle n0 - n1 - ... - n(n-1) - n0. n links, every degree 2. Deterministic (the seed
 * is ignored). O(n) time and memory.
 *
 * <p>Written as a loop over primitive arrays rather than with JGraphT's {@code RingGraphGenerator}: the
 * latter fills a JGraphT {@code Graph} (boxed vertices, edge objects, per-vertex hash sets), which for the
 * allowed 10^7 nodes costs gigabytes only to be copied out again.
 */
public final class RingGenerator extends AbstractGenerator {

    public RingGenerator() {
        super("ring", "Ring", "Each node linked to the next one around a cycle: n links, every node of degree 2.",
                nodes(16, 3, "number of nodes on the cycle"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        int[] u = new int[n];
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            u[i] = i;
            v[i] = i + 1 == n ? 0 : i + 1;
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
    }
}
