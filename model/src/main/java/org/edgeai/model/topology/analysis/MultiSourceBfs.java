package org.edgeai.model.topology.analysis;

/**
 * Up to 64 breadth-first searches at once, one bit per source in a {@code long} per node (multi-source BFS,
 * Then et al., VLDB 2014), over a frontier list. Each (source, node) discovery happens once, so a batch
 * never costs much more than 64 single searches, and on small-world graphs (small diameter, the frontiers
 * of the sources overlap) it costs about as little as a few. Memory: 3 longs and 3 ints per node.
 * Not thread-safe; one instance per thread.
 */
final class MultiSourceBfs {

    private final int n;
    private final int[] off;
    private final int[] adj;
    private final long[] seen;
    private final long[] visit;
    private final long[] next;
    private int[] frontier;
    private int[] nextFrontier;
    private final int[] touched;
    private int touchedCount;

    /** Eccentricity of source i of the last batch (within its component). */
    final int[] ecc = new int[64];
    /** Sum of distances from source i to the nodes it reaches (filled only when asked per source). */
    final long[] sum = new long[64];
    /** Sum of the distances from every source of the last batch. */
    long totalSum;
    /** Node and edge visits so far (frontier nodes and their adjacency), a measure of the work done. */
    long work;

    MultiSourceBfs(int n, int[] off, int[] adj) {
        this.n = n;
        this.off = off;
        this.adj = adj;
        seen = new long[n];
        visit = new long[n];
        next = new long[n];
        frontier = new int[n];
        nextFrontier = new int[n];
        touched = new int[n];
    }

    /**
     * Searches from {@code sources[from .. from + count)} (distinct nodes, count &le; 64).
     *
     * @param perSource also fill {@link #sum} per source (costs one step per (source, node) discovery)
     */
    void run(int[] sources, int from, int count, boolean perSource) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("a batch holds 1 to 64 sources, got " + count);
        }
        for (int t = 0; t < touchedCount; t++) {
            seen[touched[t]] = 0;
        }
        touchedCount = 0;
        java.util.Arrays.fill(ecc, 0);
        java.util.Arrays.fill(sum, 0);
        totalSum = 0;
        int size = 0;
        for (int i = 0; i < count; i++) {
            int s = sources[from + i];
            long bit = 1L << i;
            if (seen[s] == 0) {
                touched[touchedCount++] = s;
                frontier[size++] = s;
            }
            seen[s] |= bit;
            visit[s] |= bit;
        }
        int level = 0;
        while (size > 0) {
            level++;
            int nextSize = 0;
            for (int f = 0; f < size; f++) {
                int v = frontier[f];
                long x = visit[v];
                work += 1 + off[v + 1] - off[v];
                for (int k = off[v], end = off[v + 1]; k < end; k++) {
                    int w = adj[k];
                    if ((x & ~seen[w]) != 0) {
                        if (next[w] == 0) {
                            nextFrontier[nextSize++] = w;
                        }
                        next[w] |= x;
                    }
                }
            }
            for (int f = 0; f < size; f++) {
                visit[frontier[f]] = 0;
            }
            long levelMask = 0;
            long discovered = 0;
            for (int f = 0; f < nextSize; f++) {
                int w = nextFrontier[f];
                long fresh = next[w] & ~seen[w];
                next[w] = 0;
                if (seen[w] == 0) {
                    touched[touchedCount++] = w;
                }
                seen[w] |= fresh;
                visit[w] = fresh;
                levelMask |= fresh;
                discovered += Long.bitCount(fresh);
                if (perSource) {
                    for (long b = fresh; b != 0; b &= b - 1) {
                        sum[Long.numberOfTrailingZeros(b)] += level;
                    }
                }
            }
            totalSum += discovered * level;
            for (long b = levelMask; b != 0; b &= b - 1) {
                ecc[Long.numberOfTrailingZeros(b)] = level;
            }
            int[] t = frontier;
            frontier = nextFrontier;
            nextFrontier = t;
            size = nextSize;
        }
    }
}
