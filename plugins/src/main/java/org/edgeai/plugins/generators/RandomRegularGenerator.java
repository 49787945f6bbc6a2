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
 * O(n d log(n d)) time (one sort of the link keys) and O(n d) memory; 1,000,000 nodes of degree 4 take
 * well under a second. The
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
        for (int e = 0; e < m; e++) {
            eu[e] = s[2 * e];
            ev[e] = s[2 * e + 1];
        }
        s = null;
        // Link multiset as a sorted key array (sequential work only: random access into per-node arrays costs
        // more than the sort at 10^6 nodes); the few swaps of the repair go into a small overlay.
        long[] sorted = new long[m];
        for (int e = 0; e < m; e++) {
            sorted[e] = key(eu[e], ev[e], n);
        }
        Arrays.sort(sorted);
        LinkCounts links = new LinkCounts(sorted);
        boolean[] bad = findBad(n, eu, ev, sorted);
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
                if (a == x || b == y || links.count(key(a, x, n)) > 0 || links.count(key(b, y, n)) > 0) {
                    continue;
                }
                links.add(key(a, b, n), -1);
                links.add(key(x, y, n), -1);
                links.add(key(a, x, n), 1);
                links.add(key(b, y, n), 1);
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

    private static long key(int a, int b, int n) {
        return a < b ? (long) a * n + b : (long) b * n + a;
    }

    /**
     * Marks self loops and every repeat of a link after its first occurrence (by link index): the repeated
     * keys are adjacent in {@code sorted}; each link is looked up in the (usually very short) list of them.
     * O(m log r) here for r repeated keys, after the caller's O(m log m) sort.
     */
    private static boolean[] findBad(int n, int[] eu, int[] ev, long[] sorted) {
        int m = eu.length;
        boolean[] bad = new boolean[m];
        long[] repeated = new long[16];
        int r = 0;
        for (int k = 1; k < m; k++) {
            if (sorted[k] == sorted[k - 1] && (r == 0 || repeated[r - 1] != sorted[k])) {
                if (r == repeated.length) {
                    repeated = Arrays.copyOf(repeated, 2 * r);
                }
                repeated[r++] = sorted[k]; // ascending, since sorted is
            }
        }
        boolean[] met = new boolean[r]; // repeated key already met in link order
        for (int e = 0; e < m; e++) {
            if (eu[e] == ev[e]) {
                bad[e] = true;
                continue;
            }
            if (r == 0) {
                continue;
            }
            int i = Arrays.binarySearch(repeated, 0, r, key(eu[e], ev[e], n));
            if (i >= 0) {
                if (met[i]) {
                    bad[e] = true;
                } else {
                    met[i] = true;
                }
            }
        }
        return bad;
    }

    /**
     * Multiplicity of each link key: the sorted keys of the pairing plus a small overlay of the changes made
     * by swaps. The overlay is only looked up, never iterated, so its hash order cannot leak into results.
     */
    private static final class LinkCounts {
        private final long[] sorted;
        private final java.util.HashMap<Long, Integer> delta = new java.util.HashMap<>();

        LinkCounts(long[] sorted) {
            this.sorted = sorted;
        }

        int count(long k) {
            int i = Arrays.binarySearch(sorted, k);
            int c = 0;
            if (i >= 0) {
                int lo = i;
                while (lo > 0 && sorted[lo - 1] == k) {
                    lo--;
                }
                int hi = i;
                while (hi + 1 < sorted.length && sorted[hi + 1] == k) {
                    hi++;
                }
                c = hi - lo + 1;
            }
            return c + delta.getOrDefault(k, 0);
        }

        void add(long k, int change) {
            delta.merge(k, change, Integer::sum);
        }
    }
}
