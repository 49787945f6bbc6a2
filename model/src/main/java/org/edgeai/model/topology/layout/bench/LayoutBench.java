package org.edgeai.model.topology.layout.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.layout.Layouts;

/**
 * Benchmark of the drawing layouts (not a unit test; wall-clock timing is confined to this package): the
 * force layout on random graphs of mean degree 4 with 1,000 nodes (target: well under a second) and at its
 * limit of {@link Layouts#FORCE_MAX_NODES} nodes, and the tree layout of a binary tree of 1,000,000 nodes.
 * Each case runs {@code warmup} times unmeasured, then {@code reps} times; figures are median seconds.
 */
public final class LayoutBench {

    /** One measured case: what, and its median seconds over {@code reps}. */
    public record Figure(String name, int nodes, int links, double medianS, int reps) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s nodes=%-8d links=%-8d %.4f s (median of %d)", name, nodes, links, medianS, reps);
        }
    }

    private LayoutBench() {
    }

    /** Runs the three cases, prints and returns them. */
    public static Figure[] run(int warmup, int reps) {
        IndexedGraph small = randomGraph(1_000, 2_000, 1);
        IndexedGraph limit = randomGraph(Layouts.FORCE_MAX_NODES, 2 * Layouts.FORCE_MAX_NODES, 2);
        int n = 1_000_000;
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int c = 1; c < n; c++) {
            u[c - 1] = (c - 1) / 2;
            v[c - 1] = c;
        }
        IndexedGraph tree = IndexedGraph.ofEdges(n, u, v);
        Figure[] out = {
            time("force, random graph", small, () -> Layouts.force(small, 7), warmup, reps),
            time("force, random graph at the limit", limit, () -> Layouts.force(limit, 7), warmup, reps),
            time("tree, binary tree", tree, () -> Layouts.tree(tree), warmup, reps),
        };
        for (Figure f : out) {
            System.out.println(f);
        }
        return out;
    }

    private static Figure time(String name, IndexedGraph g, Runnable r, int warmup, int reps) {
        double[] t = new double[reps];
        for (int i = -warmup; i < reps; i++) {
            long t0 = System.nanoTime(); // wall-clock ok: benchmark
            r.run();
            if (i >= 0) {
                t[i] = (System.nanoTime() - t0) / 1e9; // wall-clock ok: benchmark
            }
        }
        Arrays.sort(t);
        return new Figure(name, g.nodeCount(), g.linkCount(), t[reps / 2], reps);
    }

    /** m distinct random pairs over n nodes (a seeded G(n, m)). */
    private static IndexedGraph randomGraph(int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        while (e < m) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a != b && seen.add((long) Math.min(a, b) * n + Math.max(a, b))) {
                u[e] = a;
                v[e++] = b;
            }
        }
        return IndexedGraph.ofEdges(n, u, v);
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 2, args.length > 1 ? Integer.parseInt(args[1]) : 5);
    }
}
