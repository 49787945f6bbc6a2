package org.edgeai.model.topology.analysis;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Topology;

/**
 * Structural figures of a topology: size, degrees, connectivity, diameter and mean shortest path (in hops).
 *
 * <p>Definitions. Distances are hop counts. {@code components} counts connected components (isolated nodes
 * included). The <b>largest component</b> is the one with most nodes, ties broken by the lowest node index.
 * {@code diameter} is the largest distance <em>within the largest component</em> (0 for a single node); the
 * diameter of a disconnected graph is infinite, which the result shows as {@code connected == false} rather
 * than by a sentinel, so the finite diameter of the main component stays visible. {@code meanShortestPath}
 * is the mean distance over all ordered pairs (u, v), u &ne; v, that are connected, in every component; NaN
 * when there is no such pair (n &le; 1 or no links).
 *
 * <p>Method and complexity (n nodes, m links):
 * <ul>
 *   <li>n &le; {@value #EXACT_MAX_NODES}: a breadth-first search from every node, O(n (n + m)) time, O(n)
 *       memory: everything exact. Measured on the project's 2-core machine: about 0.1 s for n = 2000,
 *       m = 10^4 and a few seconds for n = 20,000, m = 10^5 (the searches run on all cores; the sums are
 *       integers, so the result does not depend on the thread count).</li>
 *   <li>Larger: the diameter by iFUB (Crescenzi et al., TCS 2013) started at the midpoint of a double sweep,
 *       exact, usually after a few dozen searches on small-world graphs, O(n + m) each; if it needs more than
 *       its budget ({@link #IFUB_MAX_SOURCES} eccentricities) the result holds the bounds
 *       {@code diameter} (lower, attained) and {@code diameterUpperBound}, and {@code diameterExact} is
 *       false. The mean shortest path is estimated from {@code sampleSources} sources drawn without
 *       replacement with a fixed seed (unbiased; its standard error is reported), and {@code estimated} is
 *       true. O(s (n + m)).</li>
 * </ul>
 *
 * @param nodes                  n
 * @param links                  m
 * @param minDegree              smallest degree (0 when n = 0)
 * @param meanDegree             2m / n (0 when n = 0)
 * @param maxDegree              largest degree (0 when n = 0)
 * @param components             number of connected components (0 when n = 0)
 * @param largestComponent       nodes in the largest component
 * @param connected              exactly one component (false for the empty topology)
 * @param diameter               diameter of the largest component in hops (a lower bound when
 *                               {@code diameterExact} is false)
 * @param diameterUpperBound     an upper bound on that diameter; equals {@code diameter} when exact
 * @param diameterExact          whether {@code diameter} is exact
 * @param meanShortestPath       mean hop distance over connected ordered pairs; NaN when there are none
 * @param meanShortestPathStdErr standard error of the estimate; 0 when exact
 * @param estimated              true when {@code meanShortestPath} is a sampled estimate
 * @param bfsCount               breadth-first searches run (a measure of the work done)
 */
public record TopologyAnalysis(int nodes, int links, int minDegree, double meanDegree, int maxDegree,
                               int components, int largestComponent, boolean connected,
                               int diameter, int diameterUpperBound, boolean diameterExact,
                               double meanShortestPath, double meanShortestPathStdErr, boolean estimated,
                               int bfsCount) {

    /** Up to this many nodes everything is exact (a search from every node). */
    public static final int EXACT_MAX_NODES = 20_000;
    /** Sources sampled for the mean shortest path above {@link #EXACT_MAX_NODES}. */
    public static final int SAMPLE_SOURCES = 256;
    /** Seed of the source sample, fixed so results are reproducible. */
    public static final long SAMPLE_SEED = 0xA11A_5EEDL;
    /** iFUB stops (and reports bounds) after about this many node and edge visits. */
    public static final long IFUB_WORK_BUDGET = 1_000_000_000L;
    /**
     * Searches run 64 at a time (bit-parallel) when a double sweep finds the diameter at most this; beyond,
     * the 64 searches of a batch overlap too little to gain over single ones.
     */
    static final int MULTI_MAX_DEPTH = 48;

    /** Which search engine to use; {@code AUTO} except in tests, which check that both agree. */
    enum Engine { AUTO, SINGLE, MULTI }

    /** Analyzes a topology with the default bounds. */
    public static TopologyAnalysis analyze(Topology topology) {
        Objects.requireNonNull(topology, "topology");
        return analyze(topology.indexed());
    }

    /** Analyzes an indexed graph with the default bounds. */
    public static TopologyAnalysis analyze(IndexedGraph graph) {
        return analyze(graph, EXACT_MAX_NODES, SAMPLE_SOURCES, SAMPLE_SEED);
    }

    /**
     * Analyzes with explicit bounds.
     *
     * @param exactMaxNodes up to this many nodes, search from every node (exact)
     * @param sampleSources sources for the estimate above that, &ge; 1
     * @param seed          seed of the source sample
     */
    public static TopologyAnalysis analyze(IndexedGraph graph, int exactMaxNodes, int sampleSources, long seed) {
        return analyze(graph, exactMaxNodes, sampleSources, seed, Engine.AUTO);
    }

    static TopologyAnalysis analyze(IndexedGraph graph, int exactMaxNodes, int sampleSources, long seed,
                                    Engine engine) {
        Objects.requireNonNull(graph, "graph");
        if (sampleSources < 1) {
            throw new IllegalArgumentException("sampleSources must be >= 1, got " + sampleSources);
        }
        Csr g = new Csr(graph);
        int n = g.n;
        int m = graph.linkCount();
        if (n == 0) {
            return new TopologyAnalysis(0, m, 0, 0.0, 0, 0, 0, false, 0, 0, true, Double.NaN, 0.0, false, 0);
        }
        int minDeg = Integer.MAX_VALUE;
        int maxDeg = 0;
        for (int i = 0; i < n; i++) {
            int d = g.off[i + 1] - g.off[i];
            minDeg = Math.min(minDeg, d);
            maxDeg = Math.max(maxDeg, d);
        }
        double meanDeg = 2.0 * m / n;

        // components, in node order
        Bfs bfs = new Bfs(n);
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int components = 0;
        int largest = -1;
        int largestSize = 0;
        long connectedPairs = 0; // ordered pairs u != v in the same component
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int c = components++;
            bfs.run(g, s);
            for (int t = 0; t < bfs.reached; t++) {
                comp[bfs.queue[t]] = c;
            }
            connectedPairs += (long) bfs.reached * (bfs.reached - 1);
            if (bfs.reached > largestSize) {
                largestSize = bfs.reached;
                largest = c;
            }
        }

        // double sweep in the largest component: a diameter lower bound, and the centre u for iFUB
        int start = -1;
        int best = -1;
        for (int i = 0; i < n; i++) {
            int d = g.off[i + 1] - g.off[i];
            if (comp[i] == largest && d > best) {
                best = d;
                start = i;
            }
        }
        bfs.run(g, start);
        int a = bfs.queue[bfs.reached - 1];
        bfs.run(g, a);
        int sweepLower = bfs.ecc;
        int u = bfs.queue[bfs.reached - 1];
        for (int step = 0; step < sweepLower / 2; step++) {
            u = bfs.parent[u];
        }
        boolean multi = engine == Engine.MULTI || (engine == Engine.AUTO && sweepLower <= MULTI_MAX_DEPTH);
        int searches = 3;

        if (n <= exactMaxNodes) {
            long[] sums = new long[1];
            int[] ecc = new int[1];
            exactAllPairs(g, comp, largest, multi, sums, ecc);
            double mean = connectedPairs == 0 ? Double.NaN : (double) sums[0] / connectedPairs;
            return new TopologyAnalysis(n, m, minDeg, meanDeg, maxDeg, components, largestSize, components == 1,
                    ecc[0], ecc[0], true, mean, 0.0, false, searches + n);
        }

        Searcher searcher = multi ? new MultiSearcher(g) : new SingleSearcher(g);
        // mean shortest path from a seeded sample of sources, without replacement
        int s = Math.min(sampleSources, n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < s; t++) {
            int r = t + random.nextInt(n - t);
            int tmp = perm[t];
            perm[t] = perm[r];
            perm[r] = tmp;
        }
        int[] eccs = new int[s];
        long[] dsums = new long[s];
        searcher.search(perm, 0, s, eccs, dsums);
        searches += s;
        double sum = 0;
        double sumSq = 0;
        int lower = sweepLower; // the largest eccentricity seen in the largest component
        for (int t = 0; t < s; t++) {
            double d = dsums[t];
            sum += d;
            sumSq += d * d;
            if (comp[perm[t]] == largest) {
                lower = Math.max(lower, eccs[t]);
            }
        }
        boolean exactMean = s == n;
        double mean = Double.NaN;
        double stdErr = 0.0;
        if (connectedPairs > 0) {
            double meanD = sum / s; // mean over sources of the sum of distances from the source
            mean = meanD * n / connectedPairs;
            if (!exactMean && s > 1) {
                double var = Math.max(0.0, (sumSq - s * meanD * meanD) / (s - 1));
                double fpc = 1.0 - (double) s / n; // sampling without replacement
                stdErr = Math.sqrt(var / s * fpc) * n / connectedPairs;
            }
        }

        // diameter of the largest component by iFUB from u
        int[] diam = ifub(g, bfs, u, lower, searcher);
        searches += diam[2];
        return new TopologyAnalysis(n, m, minDeg, meanDeg, maxDeg, components, largestSize, components == 1,
                diam[0], diam[1], diam[0] == diam[1], mean, stdErr, !exactMean, searches);
    }

    /** Mean hop count for display: "3.5472", "4.5699 ± 0.0105 (estimated)", or "n/a". */
    public String meanShortestPathText() {
        if (Double.isNaN(meanShortestPath)) {
            return "n/a";
        }
        return estimated
                ? String.format(Locale.ROOT, "%.4f ± %.4f (estimated)", meanShortestPath, meanShortestPathStdErr)
                : String.format(Locale.ROOT, "%.4f", meanShortestPath);
    }

    /** Diameter for display: "4", "4 (largest component; the graph is disconnected)", "8..10 (bounds)". */
    public String diameterText() {
        String d = diameterExact ? Integer.toString(diameter) : diameter + ".." + diameterUpperBound + " (bounds)";
        return connected || nodes == 0 ? d : d + " (largest component; the graph is disconnected)";
    }

    // ------------------------------------------------------------------ searches

    /** The CSR arrays of the graph, copied once for tight loops. */
    private static final class Csr {
        final int n;
        final int[] off;
        final int[] adj;

        Csr(IndexedGraph g) {
            n = g.nodeCount();
            off = new int[n + 1];
            for (int i = 0; i < n; i++) {
                off[i + 1] = g.offset(i) + g.degree(i);
            }
            adj = g.adjacency();
        }
    }

    /** A reusable single-source search; after {@link #run} the queue lists the reached nodes by distance. */
    private static final class Bfs {
        final int[] dist;
        final int[] queue;
        final int[] parent;
        int reached;
        int ecc;
        long sum;
        long work;

        Bfs(int n) {
            dist = new int[n];
            queue = new int[n];
            parent = new int[n];
            java.util.Arrays.fill(dist, -1);
        }

        void run(Csr g, int s) {
            for (int t = 0; t < reached; t++) { // reset only what the previous search touched
                dist[queue[t]] = -1;
            }
            int[] off = g.off;
            int[] adj = g.adj;
            dist[s] = 0;
            parent[s] = -1;
            queue[0] = s;
            int head = 0;
            int tail = 1;
            long total = 0;
            while (head < tail) {
                int x = queue[head++];
                int dx = dist[x] + 1;
                for (int k = off[x], end = off[x + 1]; k < end; k++) {
                    int y = adj[k];
                    if (dist[y] < 0) {
                        dist[y] = dx;
                        parent[y] = x;
                        total += dx;
                        queue[tail++] = y;
                    }
                }
                work += 1 + off[x + 1] - off[x];
            }
            reached = tail;
            ecc = dist[queue[tail - 1]];
            sum = total;
        }
    }

    /** Eccentricity and distance sum of many sources. */
    private interface Searcher {
        /** For t in [0, count): ecc[t], sum[t] of source nodes[from + t]. */
        void search(int[] nodes, int from, int count, int[] ecc, long[] sum);

        /** Node and edge visits so far. */
        long work();
    }

    private static final class SingleSearcher implements Searcher {
        private final Csr g;
        private final Bfs bfs;

        SingleSearcher(Csr g) {
            this.g = g;
            this.bfs = new Bfs(g.n);
        }

        @Override
        public void search(int[] nodes, int from, int count, int[] ecc, long[] sum) {
            for (int t = 0; t < count; t++) {
                bfs.run(g, nodes[from + t]);
                ecc[t] = bfs.ecc;
                sum[t] = bfs.sum;
            }
        }

        @Override
        public long work() {
            return bfs.work;
        }
    }

    private static final class MultiSearcher implements Searcher {
        private final MultiSourceBfs bfs;

        MultiSearcher(Csr g) {
            this.bfs = new MultiSourceBfs(g.n, g.off, g.adj);
        }

        @Override
        public void search(int[] nodes, int from, int count, int[] ecc, long[] sum) {
            for (int b = 0; b < count; b += 64) {
                int c = Math.min(64, count - b);
                bfs.run(nodes, from + b, c, true);
                System.arraycopy(bfs.ecc, 0, ecc, b, c);
                System.arraycopy(bfs.sum, 0, sum, b, c);
            }
        }

        @Override
        public long work() {
            return bfs.work;
        }
    }

    /**
     * A search from every node, spread over the available processors (interleaved blocks of 64 sources);
     * the sums are exact integers, so the result does not depend on the split.
     */
    private static void exactAllPairs(Csr g, int[] comp, int largest, boolean multi, long[] sumOut,
                                      int[] diameterOut) {
        int n = g.n;
        int blocks = (n + 63) / 64;
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), blocks / 4));
        int[] sources = new int[n];
        for (int i = 0; i < n; i++) {
            sources[i] = i;
        }
        long[] sums = new long[threads];
        int[] diams = new int[threads];
        Thread[] workers = new Thread[threads];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            final int nThreads = threads;
            Runnable work = () -> {
                Searcher searcher = multi ? new MultiSearcher(g) : new SingleSearcher(g);
                int[] ecc = new int[64];
                long[] sum = new long[64];
                long s = 0;
                int d = 0;
                for (int block = id; block < blocks; block += nThreads) {
                    int from = block * 64;
                    int count = Math.min(64, n - from);
                    searcher.search(sources, from, count, ecc, sum);
                    for (int i = 0; i < count; i++) {
                        s += sum[i];
                        if (comp[from + i] == largest) {
                            d = Math.max(d, ecc[i]);
                        }
                    }
                }
                sums[id] = s;
                diams[id] = d;
            };
            if (threads == 1) {
                work.run();
            } else {
                workers[t] = new Thread(work, "topology-analysis-" + t);
                workers[t].setDaemon(true);
                workers[t].setUncaughtExceptionHandler((th, e) -> {
                    synchronized (failure) {
                        failure[0] = new IllegalStateException("topology analysis failed in " + th.getName(), e);
                    }
                });
                workers[t].start();
            }
        }
        if (threads > 1) {
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("topology analysis interrupted", e);
                }
            }
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        }
        long total = 0;
        int diameter = 0;
        for (int t = 0; t < threads; t++) {
            total += sums[t];
            diameter = Math.max(diameter, diams[t]);
        }
        sumOut[0] = total;
        diameterOut[0] = diameter;
    }

    /** iFUB from an arbitrary node u (for tests): {lower, upper} bounds of the diameter of u's component. */
    static int[] ifubFrom(IndexedGraph graph, int u, Engine engine) {
        Csr g = new Csr(graph);
        Searcher searcher = engine == Engine.MULTI ? new MultiSearcher(g) : new SingleSearcher(g);
        int[] r = ifub(g, new Bfs(g.n), u, 0, searcher);
        return new int[] {r[0], r[1]};
    }

    /**
     * iFUB (Crescenzi et al. 2013) from u in the largest component: returns {lower, upper, searches}. The
     * eccentricities of the fringe levels of u's search tree are computed deepest level first; after level
     * i is done every node at distance &ge; i from u has eccentricity &le; lower, and two nodes within i − 1 of u
     * are at most 2(i − 1) apart, so the diameter is at most max(lower, 2(i − 1)). Stops when the bounds
     * meet or after {@link #IFUB_WORK_BUDGET} visits.
     */
    private static int[] ifub(Csr g, Bfs bfs, int u, int knownLower, Searcher searcher) {
        bfs.run(g, u);
        int eccU = bfs.ecc;
        int lower = Math.max(knownLower, eccU);
        int upper = 2 * eccU;
        int searches = 1;
        // the search from u lists nodes by distance: level i is a contiguous run of the queue
        int reached = bfs.reached;
        int[] order = java.util.Arrays.copyOf(bfs.queue, reached);
        int[] levelStart = new int[eccU + 2];
        for (int t = 0, level = 0; t < reached; t++) {
            int dl = bfs.dist[order[t]];
            while (level <= dl) {
                levelStart[level++] = t;
            }
        }
        levelStart[eccU + 1] = reached;
        long budgetEnd = searcher.work() + IFUB_WORK_BUDGET;
        int[] ecc = new int[64];
        long[] sum = new long[64];
        for (int i = eccU; i > 0 && upper > lower; i--) {
            int from = levelStart[i];
            int to = levelStart[i + 1];
            boolean complete = true;
            for (int f = from; f < to; f += 64) {
                if (searcher.work() >= budgetEnd) {
                    complete = false;
                    break;
                }
                int count = Math.min(64, to - f);
                searcher.search(order, f, count, ecc, sum);
                searches += count;
                for (int k = 0; k < count; k++) {
                    lower = Math.max(lower, ecc[k]);
                }
            }
            if (!complete) {
                break; // out of budget: keep the bounds proven so far
            }
            upper = Math.max(lower, 2 * (i - 1));
        }
        return new int[] {lower, Math.max(lower, upper), searches};
    }
}
