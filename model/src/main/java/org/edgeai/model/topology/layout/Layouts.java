package org.edgeai.model.topology.layout;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * Drawing layouts. Coordinates are in layout units: a layout of n nodes spans roughly a square of side
 * {@code 100 * sqrt(n)} so that glyphs keep the same spacing at any size; the canvas fits it to the view.
 * The y axis points down (screen convention): "above" means a smaller y.
 */
public final class Layouts {

    /** Spacing between neighbouring nodes, in layout units. */
    public static final double SPACING = 100;

    private Layouts() {
    }

    /** Positions {x[], y[]} for every node of {@code g} under {@code kind}. */
    public static double[][] layout(LayoutKind kind, IndexedGraph g, long seed) {
        return switch (kind) {
            case CIRCLE -> circle(g.nodeCount());
            case GRID -> grid(g.nodeCount());
            case TREE -> tree(g);
            case FORCE -> force(g, seed);
        };
    }

    /** Applies a layout to a topology in place. */
    public static void apply(LayoutKind kind, Topology t, long seed) {
        double[][] p = layout(kind, t.indexed(), seed);
        int[] i = {0};
        t.updateNodes(n -> {
            Node moved = n.withPosition(p[0][i[0]], p[1][i[0]]);
            i[0]++;
            return moved;
        });
    }

    /** Nodes evenly on a circle, n0 at the top, clockwise; circumference n * SPACING. O(n). */
    public static double[][] circle(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        double r = n <= 1 ? 0 : SPACING * n / (2 * Math.PI);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n - Math.PI / 2;
            x[i] = r * Math.cos(a);
            y[i] = r * Math.sin(a);
        }
        return new double[][] {x, y};
    }

    /** Nodes row by row on a square grid of ceil(sqrt(n)) columns. O(n). */
    public static double[][] grid(int n) {
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % cols) * SPACING;
            y[i] = (i / cols) * SPACING;
        }
        return new double[][] {x, y};
    }

    // ---------------------------------------------------------------- tree

    /** Vertical distance between the layers of {@link #tree}, in layout units. */
    public static final double LAYER_GAP = 1.5 * SPACING;

    /**
     * Layered tree: a breadth-first tree from n0 (neighbours visited in adjacency order), n0 on top at
     * y = 0, depth k at y = k * {@link #LAYER_GAP}. Every leaf gets its own column, {@link #SPACING} apart,
     * in depth-first order; an inner node is centred over its first and last child. So each subtree owns a
     * column interval disjoint from its siblings' and no two subtrees overlap. Links that are not tree links
     * (the graph need not be a tree) are ignored by the layout. Nodes not reachable from n0 form further
     * trees, each rooted at its smallest unvisited index, placed to the right. Centred on x = 0.
     * O(n + m) time and memory, no recursion (safe for paths of millions of nodes).
     */
    public static double[][] tree(IndexedGraph g) {
        int n = g.nodeCount();
        double[] x = new double[n];
        double[] y = new double[n];
        if (n == 0) {
            return new double[][] {x, y};
        }
        // BFS order, parents and depths over all components
        int[] order = new int[n];
        int[] parent = new int[n];
        int[] depth = new int[n];
        Arrays.fill(parent, -2); // -2: unvisited, -1: root
        int head = 0;
        int tail = 0;
        for (int root = 0; root < n; root++) {
            if (parent[root] != -2) {
                continue;
            }
            parent[root] = -1;
            order[tail++] = root;
            while (head < tail) {
                int u = order[head++];
                for (int k = g.offset(u), end = g.offset(u + 1); k < end; k++) {
                    int w = g.adjacency()[k];
                    if (parent[w] == -2) {
                        parent[w] = u;
                        depth[w] = depth[u] + 1;
                        order[tail++] = w;
                    }
                }
            }
        }
        // children lists (CSR) in BFS order
        int[] childStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                childStart[parent[i] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        int[] children = new int[n];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int k = 0; k < n; k++) {
            int v = order[k];
            if (parent[v] >= 0) {
                children[fill[parent[v]]++] = v;
            }
        }
        // leaves get consecutive columns in depth-first (pre-)order: an explicit stack, children pushed reversed
        int[] stack = new int[n];
        int column = 0;
        for (int k = 0; k < n; k++) {
            int root = order[k];
            if (parent[root] != -1) {
                continue;
            }
            int sp = 0;
            stack[sp++] = root;
            while (sp > 0) {
                int u = stack[--sp];
                if (childStart[u] == childStart[u + 1]) {
                    x[u] = column++ * SPACING;
                }
                for (int c = childStart[u + 1] - 1; c >= childStart[u]; c--) {
                    stack[sp++] = children[c];
                }
            }
        }
        // inner nodes: centred over first and last child, deepest first (reverse BFS order)
        for (int k = n - 1; k >= 0; k--) {
            int u = order[k];
            if (childStart[u] < childStart[u + 1]) {
                x[u] = (x[children[childStart[u]]] + x[children[childStart[u + 1] - 1]]) / 2;
            }
            y[u] = depth[u] * LAYER_GAP;
        }
        double shift = (column - 1) * SPACING / 2;
        for (int i = 0; i < n; i++) {
            x[i] -= shift;
        }
        return new double[][] {x, y};
    }

    // ---------------------------------------------------------------- force-directed

    /** Largest attraction of one link in {@link #force}, in units of k (FR's d^2/k up to d = 2k). */
    private static final double MAX_PULL = 4;

    /** Above this many nodes {@link #force} falls back to {@link #bfsGrid} (see there). */
    public static final int FORCE_MAX_NODES = 20_000;

    /**
     * Seeded force-directed layout after Fruchterman and Reingold (Graph drawing by force-directed placement,
     * Software: Practice and Experience 21(11), 1991), with their grid variant of the repulsion: nodes start
     * uniformly in a square of side {@code SPACING * sqrt(n)}; the ideal link length is k = {@link #SPACING};
     * linked nodes attract with d^2/k, nodes closer than 2k repel with k^2/d, found through cells of side 2k;
     * each node moves at most the temperature, which cools linearly from side/10 over
     * {@link #forceIterations(int)} iterations (300 up to 1,000 nodes, fewer above, at least 50).
     *
     * <p>Two additions to FR, both to keep an iteration O(n + m):
     * <ul>
     * <li>The cells are hashed into about 2n buckets rather than laid over the bounding box, so a few far-away
     * nodes cannot make the cells coarse. Two cells sharing a bucket only add candidates that the distance
     * test rejects.</li>
     * <li>Cut-off repulsion cannot hold apart a graph whose links pull every region towards every other
     * (random graphs, scale-free graphs, large hypercubes): the drawing shrinks into a clump where each node
     * has hundreds of others within reach and the iteration becomes O(n^2). Two measures keep the density
     * near one node per k^2: the pull of one link is capped at 4k (FR's d^2/k up to
     * d = 2k, so links of a settled drawing are unaffected; long random links no longer dominate everything
     * else), and the repulsion's strength follows the density: each iteration it is multiplied by the mean
     * number of other nodes within 2k (which the repulsion pass counts anyway) over 4 pi, its value at the
     * target density (factor clamped to [0.8, 2]), and never drops below FR's own 1. This acts only where
     * nodes crowd, so graphs that spread by themselves (trees, lattices, rings) get plain FR and isolated
     * nodes are left alone. Measured: about 40 candidate pairs per node per iteration throughout, for random
     * graphs as for lattices.</li>
     * </ul>
     * So the drawing spans about SPACING * sqrt(n) in each direction (more for graphs that spread by
     * themselves). For n &gt; {@link #FORCE_MAX_NODES} it returns {@link #bfsGrid} instead: tens of thousands
     * of nodes would take seconds for a picture that is a hairball at that size anyway.
     * Deterministic for a given graph and seed.
     */
    public static double[][] force(IndexedGraph g, long seed) {
        int n = g.nodeCount();
        if (n > FORCE_MAX_NODES) {
            return bfsGrid(g);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        if (n <= 1) {
            return new double[][] {x, y};
        }
        double k = SPACING;
        double side = SPACING * Math.sqrt(n);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = (rng.nextDouble() - 0.5) * side;
            y[i] = (rng.nextDouble() - 0.5) * side;
        }
        double[] dx = new double[n];
        double[] dy = new double[n];
        int buckets = Integer.highestOneBit(2 * n - 1) << 1;
        int mask = buckets - 1;
        int[] bucketOf = new int[n];
        int[] start = new int[buckets + 1];
        int[] members = new int[n];
        int[] near = new int[9];
        double[] px = new double[n]; // coordinates and forces in bucket order
        double[] py = new double[n];
        double[] fx = new double[n];
        double[] fy = new double[n];
        int iterations = forceIterations(n);
        double t0 = Math.max(side / 10, k);
        double cut = 2 * k;
        double cut2 = cut * cut;
        double k2 = k * k;
        double uniformNeighbours = 4 * Math.PI; // others within 2k at one node per k^2
        double strength = 1; // repulsion multiplier set by the density feedback
        int m = g.linkCount();
        for (int it = 0; it < iterations; it++) {
            double temperature = t0 * (1 - (double) it / iterations) + k / 100;
            // counting sort of the nodes by the hash bucket of their cell
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                bucketOf[i] = bucket((long) Math.floor(x[i] / cut), (long) Math.floor(y[i] / cut), mask);
                start[bucketOf[i] + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = Arrays.copyOf(start, buckets);
            for (int i = 0; i < n; i++) {
                members[fill[bucketOf[i]]++] = i;
            }
            // repulsion between pairs closer than cut, in bucket order over copies of the coordinates so the
            // inner loop reads contiguous memory; each pair once, from its lower slot (a true close pair's cells
            // are adjacent both ways; a pair met only through a bucket collision is farther than cut)
            for (int q = 0; q < n; q++) {
                px[q] = x[members[q]];
                py[q] = y[members[q]];
            }
            Arrays.fill(fx, 0);
            Arrays.fill(fy, 0);
            long closePairs = 0;
            for (int a = 0; a < n; a++) {
                double xa = px[a];
                double ya = py[a];
                long cx = (long) Math.floor(xa / cut);
                long cy = (long) Math.floor(ya / cut);
                int nb = 0;
                for (long yy = cy - 1; yy <= cy + 1; yy++) {
                    for (long xx = cx - 1; xx <= cx + 1; xx++) {
                        int b = bucket(xx, yy, mask);
                        boolean dup = false;
                        for (int q = 0; q < nb; q++) {
                            dup |= near[q] == b;
                        }
                        if (!dup) {
                            near[nb++] = b;
                        }
                    }
                }
                double fxa = 0;
                double fya = 0;
                for (int q = 0; q < nb; q++) {
                    for (int b = Math.max(a + 1, start[near[q]]), end = start[near[q] + 1]; b < end; b++) {
                        double ex = xa - px[b];
                        double ey = ya - py[b];
                        double d2 = ex * ex + ey * ey;
                        if (d2 >= cut2) {
                            continue;
                        }
                        closePairs++;
                        if (d2 < 1e-9) { // coincident: push apart along a direction fixed by the pair
                            double angle = (members[a] * 31 + members[b]) * 2.399963229728653; // golden angle
                            ex = Math.cos(angle) * 1e-3;
                            ey = Math.sin(angle) * 1e-3;
                            d2 = 1e-6;
                        }
                        double f = strength * k2 / d2; // strength * (k^2 / d) along the unit vector (ex, ey) / d
                        fxa += ex * f;
                        fya += ey * f;
                        fx[b] -= ex * f;
                        fy[b] -= ey * f;
                    }
                }
                fx[a] += fxa;
                fy[a] += fya;
            }
            for (int q = 0; q < n; q++) {
                dx[members[q]] = fx[q];
                dy[members[q]] = fy[q];
            }
            // attraction along links
            for (int e = 0; e < m; e++) {
                int u = g.linkSource(e);
                int v = g.linkTarget(e);
                double ex = x[u] - x[v];
                double ey = y[u] - y[v];
                double d = Math.sqrt(ex * ex + ey * ey);
                // (d^2 / k) along the unit vector, capped at MAX_PULL * k (reached at d = 2k)
                double f = d <= 2 * k ? d / k : MAX_PULL * k / d;
                dx[u] -= ex * f;
                dy[u] -= ey * f;
                dx[v] += ex * f;
                dy[v] += ey * f;
            }
            // move, at most the temperature
            for (int i = 0; i < n; i++) {
                double len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (len > 0) {
                    double s = Math.min(len, temperature) / len;
                    x[i] += dx[i] * s;
                    y[i] += dy[i] * s;
                }
            }
            // density feedback: more close pairs than at one node per k^2 means the drawing is collapsing, so
            // strengthen the repulsion; relax it back towards FR's own strength (1) when it is sparser
            double ratio = 2.0 * closePairs / n / uniformNeighbours;
            if (ratio > 0) {
                strength = Math.max(1, strength * Math.max(0.8, Math.min(2, ratio)));
            }
        }
        return new double[][] {x, y};
    }

    /** Hash bucket of grid cell (cx, cy); collisions only add candidates that the distance test rejects. */
    private static int bucket(long cx, long cy, int mask) {
        long h = cx * 0x9E3779B97F4A7C15L + cy * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        return (int) h & mask;
    }

    /** Iterations of {@link #force} for n nodes: 300 up to 1,000 nodes, then 300,000 / n, at least 50. */
    public static int forceIterations(int n) {
        return n <= 1000 ? 300 : Math.max(50, 300_000 / n);
    }

    /**
     * Cheap stand-in for a force layout of a large graph: nodes in breadth-first order from n0 (further
     * components from their smallest unvisited index) laid row by row on a square grid of ceil(sqrt(n))
     * columns, {@link #SPACING} apart, alternate rows right to left ("snake"), so consecutive nodes of the
     * order are always adjacent and a node's neighbours are usually within a few rows. O(n + m).
     */
    public static double[][] bfsGrid(IndexedGraph g) {
        int n = g.nodeCount();
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int head = 0;
        int tail = 0;
        for (int root = 0; root < n; root++) {
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            order[tail++] = root;
            while (head < tail) {
                int u = order[head++];
                for (int k = g.offset(u), end = g.offset(u + 1); k < end; k++) {
                    int w = g.adjacency()[k];
                    if (!seen[w]) {
                        seen[w] = true;
                        order[tail++] = w;
                    }
                }
            }
        }
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            int row = k / cols;
            int col = k % cols;
            if (row % 2 == 1) {
                col = cols - 1 - col;
            }
            x[order[k]] = col * SPACING;
            y[order[k]] = row * SPACING;
        }
        return new double[][] {x, y};
    }
}
