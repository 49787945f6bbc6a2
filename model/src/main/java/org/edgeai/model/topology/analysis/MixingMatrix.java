package org.edgeai.model.topology.analysis;

import java.util.Objects;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;

/**
 * The mixing (gossip) matrix W of a topology: sparse, symmetric, doubly stochastic, with nonnegative
 * entries; W_ij &gt; 0 only for neighbours i, j (or i = j). One consensus round is x &larr; W x.
 *
 * <p>Stored in compressed sparse row form over the {@link IndexedGraph}'s adjacency (the off-diagonal
 * value at position k of row i belongs to neighbour {@code graph.neighbour(i, k)}) plus a separate diagonal,
 * so memory is O(n + m) doubles and {@link #multiply} costs O(n + m). Immutable.
 *
 * <p>Rules ({@link MixingRule}):
 * <ul>
 *   <li>{@code metropolis}: W_ij = 1 / (1 + max(deg_i, deg_j)) for neighbours;</li>
 *   <li>{@code max-degree}: W_ij = 1 / (1 + d_max) for neighbours, d_max the largest degree;</li>
 *   <li>{@code custom}: W_ij = the link's {@link Link#weight() weight};</li>
 * </ul>
 * and in every rule W_ii = 1 − &Sigma;_{j&ne;i} W_ij. Metropolis and max-degree are always valid (W_ii &ge;
 * 1/(1 + deg_i) &gt; 0); custom weights are checked: every link needs one, weights must be &ge; 0 and no row
 * may sum to more than 1 (a diagonal within {@value #DIAGONAL_TOLERANCE} of zero, the rounding of weights
 * meant to sum to 1, is set to exactly 0). Symmetry holds by construction (one weight per undirected link),
 * so rows and columns both sum to 1.
 */
public final class MixingMatrix {

    /** A diagonal in [−tolerance, tolerance] is rounding of a row meant to sum to exactly 1, and is set to 0. */
    public static final double DIAGONAL_TOLERANCE = 1e-12;

    private final IndexedGraph graph;
    private final MixingRule rule;
    private final int n;
    private final int[] rowStart;   // n + 1 entries
    private final int[] columns;    // 2m entries (the graph's adjacency)
    private final double[] values;  // 2m entries, parallel to columns
    private final double[] diagonal;

    private MixingMatrix(IndexedGraph graph, MixingRule rule, double[] linkWeight) {
        this.graph = graph;
        this.rule = rule;
        this.n = graph.nodeCount();
        this.rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = graph.offset(i) + graph.degree(i);
        }
        this.columns = graph.adjacency();
        int[] adjLink = graph.adjacencyLinks();
        this.values = new double[columns.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = linkWeight[adjLink[k]];
        }
        this.diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sum += values[k];
            }
            double d = 1.0 - sum;
            if (d < -DIAGONAL_TOLERANCE) {
                throw new IllegalArgumentException(rule.id() + " mixing: node " + graph.id(i)
                        + " has link weights summing to " + sum + " > 1, so W_ii = 1 - " + sum + " = " + d
                        + " < 0; W must be doubly stochastic with nonnegative entries (each node's link weights"
                        + " must sum to at most 1)");
            }
            diagonal[i] = Math.abs(d) <= DIAGONAL_TOLERANCE ? 0.0 : d;
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * The mixing matrix of a topology under {@code rule}; node i is the i-th node of the topology, and the
     * {@code custom} rule reads {@link Link#weight()} of every link. O(n + m).
     *
     * @throws IllegalArgumentException for a custom rule with a missing or negative weight, or a row of
     *                                  weights summing to more than 1 (the message names the link or node)
     */
    public static MixingMatrix of(Topology topology, MixingRule rule) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(rule, "rule");
        IndexedGraph g = topology.indexed();
        if (rule != MixingRule.CUSTOM) {
            return of(g, rule);
        }
        double[] w = new double[g.linkCount()];
        int e = 0;
        for (Link l : topology.links()) { // same order as the indexed graph's links
            w[e++] = l.weight() == null ? Double.NaN : l.weight();
        }
        return custom(g, w);
    }

    /**
     * The mixing matrix of an indexed graph under {@code metropolis} or {@code max-degree}. O(n + m).
     *
     * @throws IllegalArgumentException for {@code custom}, which needs link weights ({@link #custom})
     */
    public static MixingMatrix of(IndexedGraph graph, MixingRule rule) {
        Objects.requireNonNull(rule, "rule");
        switch (rule) {
            case METROPOLIS:
                return metropolis(graph);
            case MAX_DEGREE:
                return maxDegree(graph);
            default:
                throw new IllegalArgumentException("mixing rule 'custom' needs link weights: use"
                        + " MixingMatrix.of(Topology, CUSTOM) or MixingMatrix.custom(graph, weights)");
        }
    }

    /** Metropolis weights W_ij = 1 / (1 + max(deg_i, deg_j)). O(n + m). */
    public static MixingMatrix metropolis(IndexedGraph graph) {
        checkSimple(graph);
        double[] w = new double[graph.linkCount()];
        for (int e = 0; e < w.length; e++) {
            int du = graph.degree(graph.linkSource(e));
            int dv = graph.degree(graph.linkTarget(e));
            w[e] = 1.0 / (1 + Math.max(du, dv));
        }
        return new MixingMatrix(graph, MixingRule.METROPOLIS, w);
    }

    /** Max-degree weights W_ij = 1 / (1 + d_max). O(n + m). */
    public static MixingMatrix maxDegree(IndexedGraph graph) {
        checkSimple(graph);
        int dMax = 0;
        for (int i = 0; i < graph.nodeCount(); i++) {
            dMax = Math.max(dMax, graph.degree(i));
        }
        double[] w = new double[graph.linkCount()];
        java.util.Arrays.fill(w, 1.0 / (1 + dMax));
        return new MixingMatrix(graph, MixingRule.MAX_DEGREE, w);
    }

    /**
     * User weights: W_ij = {@code linkWeights[e]} for link e = (i, j) of the graph. O(n + m).
     *
     * @param linkWeights one weight per link in the graph's link order; {@code NaN} marks a missing weight
     * @throws IllegalArgumentException naming the link for a missing or negative weight, or the node and its
     *                                  row sum when the weights at a node sum to more than 1
     */
    public static MixingMatrix custom(IndexedGraph graph, double[] linkWeights) {
        checkSimple(graph);
        Objects.requireNonNull(linkWeights, "linkWeights");
        if (linkWeights.length != graph.linkCount()) {
            throw new IllegalArgumentException("custom mixing: expected one weight per link (" + graph.linkCount()
                    + "), got " + linkWeights.length);
        }
        for (int e = 0; e < linkWeights.length; e++) {
            double w = linkWeights[e];
            if (Double.isNaN(w)) {
                throw new IllegalArgumentException("custom mixing: link " + linkName(graph, e)
                        + " has no weight; the custom rule needs a weight on every link");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("custom mixing: link " + linkName(graph, e)
                        + " has weight " + w + "; weights must be finite and >= 0");
            }
        }
        return new MixingMatrix(graph, MixingRule.CUSTOM, linkWeights.clone());
    }

    private static String linkName(IndexedGraph g, int e) {
        return g.id(g.linkSource(e)) + " -- " + g.id(g.linkTarget(e));
    }

    /** Rejects self-loops and repeated links (possible through {@link IndexedGraph#ofEdges}). O(n + m). */
    private static void checkSimple(IndexedGraph g) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < g.degree(i); k++) {
                int j = g.neighbour(i, k);
                if (j == i) {
                    throw new IllegalArgumentException("mixing matrix: link " + g.id(i) + " -- " + g.id(i)
                            + " is a self-loop; links must join two different nodes");
                }
                if (mark[j] == i) {
                    throw new IllegalArgumentException("mixing matrix: link " + g.id(i) + " -- " + g.id(j)
                            + " appears more than once; at most one link may join two nodes");
                }
                mark[j] = i;
            }
        }
    }

    // ------------------------------------------------------------------ access

    /** The number of nodes n (W is n &times; n). */
    public int size() {
        return n;
    }

    public MixingRule rule() {
        return rule;
    }

    /** The graph whose adjacency this matrix is stored over. */
    public IndexedGraph graph() {
        return graph;
    }

    /** W_ii. */
    public double diagonal(int i) {
        return diagonal[i];
    }

    /** The off-diagonal entry W_ij for j = {@code graph().neighbour(i, k)}, 0 &le; k &lt; degree(i). O(1). */
    public double weight(int i, int k) {
        int d = rowStart[i + 1] - rowStart[i];
        if (k < 0 || k >= d) {
            throw new IndexOutOfBoundsException("neighbour position " + k + " of node " + i + " (degree " + d + ")");
        }
        return values[rowStart[i] + k];
    }

    /** W_ij (0 for non-neighbours). O(deg_i). */
    public double get(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        if (i == j) {
            return diagonal[i];
        }
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
            if (columns[k] == j) {
                return values[k];
            }
        }
        return 0.0;
    }

    /**
     * {@code out = W x}. O(n + m), no allocation.
     *
     * @param x   length n, not modified
     * @param out length n, a different array from {@code x}
     */
    public void multiply(double[] x, double[] out) {
        if (x.length != n || out.length != n) {
            throw new IllegalArgumentException("multiply: vectors must have length " + n + ", got x " + x.length
                    + " and out " + out.length);
        }
        if (x == out) {
            throw new IllegalArgumentException("multiply: x and out must be different arrays");
        }
        for (int i = 0; i < n; i++) {
            double s = diagonal[i] * x[i];
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                s += values[k] * x[columns[k]];
            }
            out[i] = s;
        }
    }

    /** W as a dense n &times; n array (a new copy). O(n^2) memory. */
    public double[][] toDense() {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = diagonal[i];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                a[i][columns[k]] = values[k];
            }
        }
        return a;
    }

    /** W as a dense row-major array of n^2 entries, W_ij at {@code i * n + j} (a new copy). */
    public double[] toDenseRowMajor() {
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + n + " nodes is too large for a dense array");
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = diagonal[i];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                a[i * n + columns[k]] = values[k];
            }
        }
        return a;
    }

    /**
     * Whether the support graph (links with W_ij &gt; 0) is connected, and whether it is bipartite with a zero
     * diagonal everywhere: together they decide exactly whether W has a second eigenvalue of modulus 1
     * (Perron–Frobenius). O(n + m).
     */
    StructuralUnitEigen unitModulusStructure() {
        int[] colour = new int[n];
        java.util.Arrays.fill(colour, -1);
        int[] queue = new int[n];
        int components = 0;
        boolean bipartite = true;
        for (int s = 0; s < n; s++) {
            if (colour[s] >= 0) {
                continue;
            }
            components++;
            colour[s] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
                    if (!(values[k] > 0)) {
                        continue;
                    }
                    int v = columns[k];
                    if (colour[v] < 0) {
                        colour[v] = 1 - colour[u];
                        queue[tail++] = v;
                    } else if (colour[v] == colour[u]) {
                        bipartite = false;
                    }
                }
            }
        }
        boolean zeroDiagonal = true;
        for (int i = 0; i < n; i++) {
            if (diagonal[i] != 0.0) {
                zeroDiagonal = false;
                break;
            }
        }
        return new StructuralUnitEigen(components, n >= 2 && bipartite && zeroDiagonal);
    }

    /**
     * @param supportComponents connected components of the graph of positive off-diagonal entries
     * @param minusOne          true when −1 is an eigenvalue (support bipartite, diagonal all zero)
     */
    record StructuralUnitEigen(int supportComponents, boolean minusOne) {
        /** True when W has an eigenvalue of modulus 1 besides the one of the all-ones vector. */
        boolean rhoIsOne() {
            return supportComponents > 1 || minusOne;
        }
    }
}
