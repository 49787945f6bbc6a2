package org.edgeai.plugins.generators;

import java.util.Random;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code watts-strogatz}: the small-world graph of Watts and Strogatz (Nature 393, 1998). Start from the
 * ring lattice where node i is linked to i+1 .. i+k/2 (mod n); then, lap r = 1..k/2, for each node i in
 * turn, with probability beta the lattice link (i, i+r) is rewired to (i, w) for a uniform w, unless w = i
 * or (i, w) already exists (then it stays). n k / 2 links; beta = 0 gives the lattice, beta = 1 a random
 * graph.
 *
 * <p>The draws are exactly those of JGraphT's {@code WattsStrogatzGraphGenerator(n, k, beta, false,
 * new Random(seed))} (one {@code nextDouble} per lattice link, one {@code nextInt(n)} per rewiring
 * attempt), so both give the same edge set, which the tests check. Reimplemented on primitive arrays
 * and an open-addressing edge set because JGraphT's builds a full {@code Graph} (hundreds of bytes per
 * link). A rewired link keeps its place in the link order. O(n k) expected time.
 */
public final class WattsStrogatzGenerator extends AbstractGenerator {

    public WattsStrogatzGenerator() {
        super("watts-strogatz", "Watts–Strogatz small world", "A ring lattice where each node is linked to its k "
                        + "nearest neighbours, with each link rewired to a random node with probability beta.",
                nodes(16, 3, "number of nodes"),
                ParameterDescriptor.integer("k", 4L, 2L, MAX_NODES - 1, "lattice degree: each node starts linked to "
                        + "its k nearest neighbours (even, less than nodes)"),
                ParameterDescriptor.real("beta", 0.1, 0.0, 1.0, "probability of rewiring each lattice link"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        int k = p.getInt("k");
        double beta = p.getDouble("beta");
        if (k % 2 != 0) {
            throw invalid("k must be even, got k=" + k);
        }
        if (k >= n) {
            throw invalid("k must be less than nodes, got k=" + k + ", nodes=" + n);
        }
        int h = k / 2;
        long m = (long) n * h;
        checkLinks(m, "nodes=" + n + ", k=" + k);
        int[] u = new int[(int) m];
        int[] v = new int[(int) m];
        for (int i = 0; i < n; i++) {
            for (int j = 1; j <= h; j++) {
                int e = i * h + j - 1;
                u[e] = i;
                v[e] = (int) ((i + (long) j) % n);
            }
        }
        if (beta > 0) {
            LongHashSet set = new LongHashSet((int) m);
            for (int e = 0; e < m; e++) {
                set.add(key(u[e], v[e], n));
            }
            Random rng = new Random(seed);
            for (int r = 0; r < h; r++) {
                for (int i = 0; i < n; i++) {
                    if (rng.nextDouble() < beta) {
                        int w = rng.nextInt(n);
                        if (w != i && !set.contains(key(i, w, n))) {
                            int e = i * h + r;
                            set.remove(key(i, v[e], n));
                            v[e] = w;
                            set.add(key(i, w, n));
                        }
                    }
                }
            }
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
    }

    private static long key(int a, int b, int n) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }
}
