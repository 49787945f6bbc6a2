package org.edgeai.plugins.generators;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code hypercube}: 2^d nodes, node i linked to every node whose index differs from i in exactly one bit:
 * d * 2^(d-1) links, every degree d. Deterministic; O(d 2^d). Written as a bit loop for the same memory
 * reason as {@link RingGenerator} (d = 20 is a million nodes).
 */
public final class HypercubeGenerator extends AbstractGenerator {

    public HypercubeGenerator() {
        super("hypercube", "Hypercube", "2^d nodes; two nodes are linked when their indices differ in exactly one bit.",
                ParameterDescriptor.integer("dimension", 4L, 1L, 20L, "dimension d; the cube has 2^d nodes"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int d = p.getInt("dimension");
        int n = 1 << d;
        int m = d * (n >> 1);
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < d; b++) {
                int j = i ^ (1 << b);
                if (j > i) {
                    u[e] = i;
                    v[e++] = j;
                }
            }
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.FORCE);
    }
}
