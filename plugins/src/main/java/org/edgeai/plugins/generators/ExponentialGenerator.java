package org.edgeai.plugins.generators;

import java.util.Arrays;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code exponential}: the exponential graph used in decentralized SGD (e.g. Ying et al. 2021): node i is
 * linked to (i + 2^k) mod n and (i - 2^k) mod n for every 2^k &lt; n, without duplicate links. It is the
 * circulant graph on the distinct offsets S = {±2^k mod n}; every node has degree |S| (about
 * 2 log2 n, less when offsets coincide, e.g. 2^k = n/2 or 2^a + 2^b = n). Deterministic; O(n log n).
 */
public final class ExponentialGenerator extends AbstractGenerator {

    public ExponentialGenerator() {
        super("exponential", "Exponential graph", "Node i linked to i ± 1, i ± 2, i ± 4, ... (mod n): "
                        + "O(log n) links per node and a small diameter, a common decentralized-SGD topology.",
                nodes(16, 2, "number of nodes"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        // distinct offsets folded to s <= n/2 (offset s and n-s give the same links)
        int[] half = new int[64];
        int h = 0;
        for (long step = 1; step < n; step <<= 1) {
            int s = (int) Math.min(step, n - step);
            half[h++] = s;
        }
        half = Arrays.stream(half, 0, h).sorted().distinct().toArray();
        long m = 0;
        for (int s : half) {
            m += 2L * s == n ? n / 2 : n;
        }
        checkLinks(m, "nodes=" + n);
        int[] u = new int[(int) m];
        int[] v = new int[(int) m];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int s : half) {
                if (2L * s == n && i >= s) {
                    continue; // the offset n/2 pairs i with i + n/2 once, from the lower end
                }
                u[e] = i;
                v[e++] = (int) ((i + (long) s) % n);
            }
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.CIRCLE);
    }
}
