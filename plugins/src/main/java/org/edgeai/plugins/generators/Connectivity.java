package org.edgeai.plugins.generators;

/** Connectivity by union-find with path halving and union by size: O((n + m) alpha(n)). */
final class Connectivity {

    private Connectivity() {
    }

    /** True when the graph of {@code n} nodes and the first {@code m} edges of {@code edges} is connected. */
    static boolean isConnected(int n, EdgeList edges) {
        if (n <= 1) {
            return true;
        }
        if (edges.size() < n - 1) {
            return false; // a connected graph needs at least n - 1 edges
        }
        int[] parent = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        int components = n;
        for (int e = 0; e < edges.size() && components > 1; e++) {
            int a = find(parent, edges.u(e));
            int b = find(parent, edges.v(e));
            if (a != b) {
                if (size[a] < size[b]) {
                    int t = a;
                    a = b;
                    b = t;
                }
                parent[b] = a;
                size[a] += size[b];
                components--;
            }
        }
        return components == 1;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
