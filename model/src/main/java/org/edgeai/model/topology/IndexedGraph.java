package org.edgeai.model.topology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, index-based snapshot of a {@link Topology} in compressed sparse row form: node i is the
 * i-th node in the topology's order, link e the e-th link. Neighbours of a node are listed in link order.
 * Memory is O(n + m) primitives, so analysis and simulation scale to millions of nodes.
 */
public final class IndexedGraph {

    private final String[] ids;
    private final NodeKind[] kinds;
    private final Map<String, Integer> indexOf;
    private final int[] linkU;
    private final int[] linkV;
    private final int[] offsets;   // n + 1 entries
    private final int[] adjacent;  // 2m entries: neighbour index
    private final int[] adjacentLink; // 2m entries: link index of that adjacency

    private IndexedGraph(String[] ids, NodeKind[] kinds, int[] linkU, int[] linkV) {
        this.ids = ids;
        this.kinds = kinds;
        this.linkU = linkU;
        this.linkV = linkV;
        int n = ids.length;
        this.indexOf = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            indexOf.put(ids[i], i);
        }
        int m = linkU.length;
        int[] deg = new int[n];
        for (int e = 0; e < m; e++) {
            deg[linkU[e]]++;
            deg[linkV[e]]++;
        }
        offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + deg[i];
        }
        adjacent = new int[2 * m];
        adjacentLink = new int[2 * m];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int e = 0; e < m; e++) {
            int u = linkU[e];
            int v = linkV[e];
            adjacent[fill[u]] = v;
            adjacentLink[fill[u]++] = e;
            adjacent[fill[v]] = u;
            adjacentLink[fill[v]++] = e;
        }
    }

    static IndexedGraph of(Topology t) {
        int n = t.nodeCount();
        String[] ids = new String[n];
        NodeKind[] kinds = new NodeKind[n];
        Map<String, Integer> index = new HashMap<>(Math.max(16, n * 2));
        int i = 0;
        for (Node node : t.nodes()) {
            ids[i] = node.id();
            kinds[i] = node.kind();
            index.put(node.id(), i++);
        }
        int m = t.linkCount();
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        for (Link l : t.links()) {
            u[e] = index.get(l.source());
            v[e++] = index.get(l.target());
        }
        return new IndexedGraph(ids, kinds, u, v);
    }

    /** A graph of {@code n} anonymous device nodes named n0..n(n-1) and the given edges (for tests and analysis). */
    public static IndexedGraph ofEdges(int n, int[] u, int[] v) {
        if (u.length != v.length) {
            throw new IllegalArgumentException("edge arrays differ in length: " + u.length + " vs " + v.length);
        }
        String[] ids = new String[n];
        NodeKind[] kinds = new NodeKind[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "n" + i;
            kinds[i] = NodeKind.DEVICE;
        }
        return new IndexedGraph(ids, kinds, u.clone(), v.clone());
    }

    public int nodeCount() {
        return ids.length;
    }

    public int linkCount() {
        return linkU.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public NodeKind kind(int i) {
        return kinds[i];
    }

    /** @return the index of node {@code id}, or -1 */
    public int indexOf(String id) {
        Integer i = indexOf.get(id);
        return i == null ? -1 : i;
    }

    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Start of node i's neighbours in {@link #adjacency()}; they run to {@code offset(i + 1)}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** The neighbour of node i at position k (0 &le; k &lt; degree(i)). */
    public int neighbour(int i, int k) {
        return adjacent[offsets[i] + k];
    }

    /** The link index joining node i to its k-th neighbour. */
    public int neighbourLink(int i, int k) {
        return adjacentLink[offsets[i] + k];
    }

    /** Flat neighbour array, indexed by {@link #offset(int)}; do not modify. */
    public int[] adjacency() {
        return adjacent;
    }

    /** Flat link-index array parallel to {@link #adjacency()}; do not modify. */
    public int[] adjacencyLinks() {
        return adjacentLink;
    }

    public int linkSource(int e) {
        return linkU[e];
    }

    public int linkTarget(int e) {
        return linkV[e];
    }

    public List<String> ids() {
        return List.of(ids);
    }
}
