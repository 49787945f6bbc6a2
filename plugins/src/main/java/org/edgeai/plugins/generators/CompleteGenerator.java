package org.edgeai.plugins.generators;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code complete}: every pair of nodes linked, n(n-1)/2 links, every degree n-1. Deterministic;
 * O(n^2). At most 10,000 nodes (49,995,000 links, under the link limit). A plain loop rather than
 * JGraphT's {@code CompleteGraphGenerator} for the same memory reason as {@link RingGenerator}.
 */
public final class CompleteGenerator extends AbstractGenerator {

    static final long MAX_COMPLETE_NODES = 10_000;

    public CompleteGenerator() {
        super("complete", "Fully connected", "Every node linked to every other node: n(n-1)/2 links.",
                org.edgeai.model.spi.ParameterDescriptor.integer("nodes", 16L, 2L, MAX_COMPLETE_NODES,
                        "number of nodes (the link count grows as n^2)"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        long m = (long) n * (n - 1) / 2;
        checkLinks(m, "nodes=" + n);
        return complete(n);
    }

    /** K_n with edges (i, j), i &lt; j, ordered by i then j. */
    static GeneratedGraph complete(int n) {
        int m = (int) ((long) n * (n - 1) / 2);
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                u[e] = i;
                v[e++] = j;
            }
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
    }
}
