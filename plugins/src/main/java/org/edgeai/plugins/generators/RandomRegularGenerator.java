package org.edgeai.plugins.generators;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GenerationException;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code random-regular}: a random simple graph where every node has the same degree d (n d even, d &lt; n).
 *
 * <p>Configuration model with repair: the n d stubs (d per node) are shuffled and paired; the few pairs
 * that make a self loop or repeat a link (about (d-1)/2 + (d-1)^2/4 of them, independent of n) are then
 * removed by double-edge swaps: a bad link (a, b) and a random good link (x, y) become (a, x) and (b, y)
 * when neither exists and neither is a loop. Swaps keep every degree, so the result is d-regular and simple.
 * If a bad link finds no valid swap within its tries, the whole pairing is redrawn with the next draws,
 * up to {@value #MAX_RESTARTS} times, then a {@link GenerationException}. d = n-1 is the complete graph.
 *
 * <p>Not JGraphT's {@code RandomRegularGraphGenerator}: its simple-graph mode restarts the whole pairing
 * on any conflict, an expected exp((d^2-1)/4) restarts, and works through a boxed {@code Graph}. This is
 * O(n d log d) time and O(n d) memory (1,000,000 nodes of degree 4 in well under a second). The
 * distribution is close to, but not exactly, uniform over d-regular graphs (the swaps add a small bias
 * when d is large relative to sqrt(n)). Deterministic given the seed (one {@link SplittableRandom}).
 */
public final class RandomRegularGenerator extends AbstractGenerator {

    /** How many fresh pairings are tried before giving up. */
    static final int MAX_RESTARTS = 50;

    public RandomRegularGenerator() {
        super("random-regular", "Random regular", "A random graph in which every node has exactly the same degree.",
                nodes(16, 2, "number of nodes"),
                ParameterDescriptor.integer("degree", 3L, 1L, MAX_NODES - 1, "links per node; less than nodes, "
                        + "and nodes * degree must be even"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        int d = p.getInt("degree");
        if (d >= n) {
            throw invalid("degree must be less than nodes, got degree=" + d + ", nodes=" + n);
        }
        if ((long) n * d % 2 != 0) {
            throw invalid("nodes * degree must be even (every link has two ends), got nodes=" + n + ", degree=" + d);
        }
        checkLinks((double) n * d / 2, "nodes=" + n + ", degree=" + d);
        if (d == n - 1) {
            GeneratedGraph k = CompleteGenerator.complete(n); // the only (n-1)-regular simple graph
            return new GeneratedGraph(n, k.edgeU(), k.edgeV(), null, null, null, LayoutKind.FORCE);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int attempt = 0; attempt < MAX_RESTARTS; attempt++) {
            int[][] g = pairAndRepair(n, d, rng);
            if (g != null) {
                return new GeneratedGraph(n, g[0], g[1], null, null, null, LayoutKind.FORCE);
            }
        }
        throw new GenerationException("random-regular: no simple graph with nodes=" + n + ", degree=" + d + " after "
                + MAX_RESTARTS + " pairings with repair; such a dense case is better drawn with a smaller degree or more nodes");
    }

    /** One pairing plus repair; {@code null} when some bad link could not be repaired. */
    private static int[][] pairAndRepair(int n, int d, SplittableRandom rng) {
        int stubs = n * d;
        int m = stubs / 2;
        int[] s = new int[stubs];
        for (int i = 0; i < n; i++) {
            Arrays.fill(s, i * d, i * d + d, i);
        }
        for (int i = stubs - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        int[] eu = new int[m];
        int[] ev = new int[m];
        int[] adj = new int[stubs]; // node i's neighbours in adj[i*d .. i*d+d), one slot per stub
        int[] fill = new int[n];
        for (int e = 0; e < m; e++) {
            int a = s[2 * e];
            int b = s[2 * e + 1];
            eu[e] = a;
            ev[e] = b;
            adj[a * d + fill[a]++] = b;
            adj[b * d + fill[b]++] = a;
        }
        boolean[] bad = findBad(n, eu, ev);
        // give each bad link a bounded number of swap attempts; a valid swap exists for most random partners
        int triesPerLink = 100 + 20 * d;
        for (int e = 0; e < m; e++) {
            if (!bad[e]) {
                continue;
            }
            boolean fixed = false;
            for (int t = 0; t < triesPerLink && !fixed; t++) {
                int f = rng.nextInt(m);
                if (f == e || bad[f]) {
                    continue;
                }
                int a = eu[e];
                int b = ev[e];
                int x = eu[f];
                int y = ev[f];
                if (rng.nextBoolean()) {
                    int tmp = x;
                    x = y;
                    y = tmp;
                }
                if (a == x || b == y || has(adj, d, a, x) || has(adj, d, b, y)) {
                    continue;
                }
                replace(adj, d, a, b, x);
                replace(adj, d, b, a, y);
                replace(adj, d, x, y, a);
                replace(adj, d, y, x, b);
                eu[e] = a;
                ev[e] = x;
                eu[f] = b;
                ev[f] = y;
                bad[e] = false;
                fixed = true;
            }
            if (!fixed) {
                return null;
            }
        }
        return new int[][] {eu, ev};
    }

    /**
     * Marks self loops and every repeat of a link after its first occurrence (by link index). Per node, the
     * links it owns as the smaller endpoint are sorted by the other endpoint: O(n d log d).
     */
    private static boolean[] findBad(int n, int[] eu, int[] ev) {
        int m = eu.length;
        boolean[] bad = new boolean[m];
        int[] count = new int[n];
        for (int e = 0; e < m; e++) {
            int a = Math.min(eu[e], ev[e]);
            if (eu[e] == ev[e]) {
                bad[e] = true;
            } else {
                count[a]++;
            }
        }
        // bucket links by owner (smaller endpoint), packed (other endpoint << 32 | link index)
        int[] cursor = new int[n];
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        long[] packed = new long[start[n]];
        for (int e = 0; e < m; e++) {
            if (eu[e] != ev[e]) {
                int a = Math.min(eu[e], ev[e]);
                int b = Math.max(eu[e], ev[e]);
                packed[start[a] + cursor[a]++] = ((long) b << 32) | e;
            }
        }
        for (int i = 0; i < n; i++) {
            int from = start[i];
            int to = start[i + 1];
            if (to - from < 2) {
                continue;
            }
            Arrays.sort(packed, from, to); // by other endpoint, then by link index
            for (int k = from + 1; k < to; k++) {
                if ((packed[k] >>> 32) == (packed[k - 1] >>> 32)) {
                    bad[(int) packed[k]] = true;
                }
            }
        }
        return bad;
    }

    private static boolean has(int[] adj, int d, int a, int b) {
        for (int k = a * d, end = k + d; k < end; k++) {
            if (adj[k] == b) {
                return true;
            }
        }
        return false;
    }

    /** Replaces one occurrence of {@code from} in node a's neighbour slots by {@code to}. */
    private static void replace(int[] adj, int d, int a, int from, int to) {
        for (int k = a * d, end = k + d; k < end; k++) {
            if (adj[k] == from) {
                adj[k] = to;
                return;
            }
        }
        throw new IllegalStateException("node " + a + " has no slot for neighbour " + from);
    }
}
