package org.edgeai.model.learning.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.edgeai.model.learning.Seeds;

/**
 * The data partitions of ALGORITHMS.md ("Data partitions"). Each is deterministic in its arguments and
 * seed, runs in O(n + nodes · classes) time (plus O(n log n) for shards' sort) and returns per node the
 * training-sample indices, increasing.
 */
public final class Partitions {

    /** The partition types, in the order the GUI lists them. */
    public static final List<String> TYPES = List.of("iid", "dirichlet", "shards", "by-label");

    private Partitions() {
    }

    /**
     * iid: a seeded shuffle of the samples dealt round-robin, so node sizes differ by at most one.
     * Every sample is assigned exactly once.
     */
    public static Partition iid(int samples, int nodes, long seed) {
        checkNodes(nodes);
        int[] p = Seeds.permutation(samples, new SplittableRandom(seed));
        int[][] out = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            out[i] = new int[samples / nodes + (i < samples % nodes ? 1 : 0)];
        }
        for (int k = 0; k < samples; k++) {
            out[k % nodes][k / nodes] = p[k];
        }
        return new Partition("iid", out, samples);
    }

    /**
     * dirichlet(α): for each class in turn, proportions over the nodes are drawn from Dir(α · 1); the
     * class's samples, shuffled, are cut at {@code round(count · cumulative proportion)}. Every sample is
     * assigned exactly once; small α gives skewed nodes (some may hold nothing), large α nearly iid.
     *
     * @param alpha concentration &gt; 0
     */
    public static Partition dirichlet(int[] labels, int classes, int nodes, double alpha, long seed) {
        checkNodes(nodes);
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("partition.alpha: expected a finite number > 0, got " + alpha);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] byClass = byClass(labels, classes);
        List<List<Integer>> acc = lists(nodes);
        for (int c = 0; c < classes; c++) {
            double[] p = GammaSampler.dirichlet(alpha, nodes, rng);
            int[] members = byClass[c];
            Seeds.shuffle(members, rng);
            int n = members.length;
            double cum = 0;
            int from = 0;
            for (int j = 0; j < nodes; j++) {
                cum += p[j];
                int to = j == nodes - 1 ? n : (int) Math.min(n, Math.round(n * cum));
                for (int k = from; k < to; k++) {
                    acc.get(j).add(members[k]);
                }
                from = Math.max(from, to);
            }
        }
        return new Partition("dirichlet(alpha=" + alpha + ")", toArrays(acc), labels.length);
    }

    /**
     * shards(s): the samples sorted by label (ties by index) are cut into {@code s · nodes} contiguous
     * shards whose sizes differ by at most one; a seeded permutation deals {@code s} shards to each node.
     * Every sample is assigned exactly once.
     *
     * @throws IllegalArgumentException when there are fewer samples than shards
     */
    public static Partition shards(int[] labels, int classes, int nodes, int shardsPerNode, long seed) {
        checkNodes(nodes);
        if (shardsPerNode < 1) {
            throw new IllegalArgumentException("partition.shardsPerNode: expected an integer >= 1, got " + shardsPerNode);
        }
        int n = labels.length;
        long total = (long) shardsPerNode * nodes;
        if (total > n) {
            throw new IllegalArgumentException("partition.shardsPerNode: " + shardsPerNode + " shards per node x "
                    + nodes + " nodes = " + total + " shards, more than the " + n + " training samples");
        }
        int s = (int) total;
        int[] sorted = new int[n];
        int k = 0;
        for (int[] members : byClass(labels, classes)) {
            for (int m : members) {
                sorted[k++] = m;
            }
        }
        int[] perm = Seeds.permutation(s, new SplittableRandom(seed));
        int[][] out = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            int size = 0;
            for (int t = 0; t < shardsPerNode; t++) {
                int sh = perm[i * shardsPerNode + t];
                size += shardEnd(sh, n, s) - shardEnd(sh - 1, n, s);
            }
            out[i] = new int[size];
            int w = 0;
            for (int t = 0; t < shardsPerNode; t++) {
                int sh = perm[i * shardsPerNode + t];
                for (int q = shardEnd(sh - 1, n, s); q < shardEnd(sh, n, s); q++) {
                    out[i][w++] = sorted[q];
                }
            }
        }
        return new Partition("shards(shardsPerNode=" + shardsPerNode + ")", out, n);
    }

    /** End (exclusive) of shard {@code k} when {@code n} items are cut into {@code s} near-equal shards. */
    private static int shardEnd(int k, int n, int s) {
        return (int) ((long) (k + 1) * n / s);
    }

    /**
     * by-label(c): a seeded permutation orders the classes; node i gets the classes at positions
     * {@code i·c, i·c + 1, ..., i·c + c − 1} (mod the number of classes) of that order; each class's
     * samples, shuffled, are shared among the nodes holding it in parts whose sizes differ by at most one
     * (lower node index first). Every sample of a class held by some node is assigned exactly once;
     * when {@code nodes · c} &lt; classes, the remaining classes' samples are held by no node.
     *
     * @throws IllegalArgumentException when c exceeds the number of classes
     */
    public static Partition byLabel(int[] labels, int classes, int nodes, int labelsPerNode, long seed) {
        checkNodes(nodes);
        if (labelsPerNode < 1 || labelsPerNode > classes) {
            throw new IllegalArgumentException("partition.labelsPerNode: expected an integer in [1, " + classes
                    + "] (the number of classes), got " + labelsPerNode);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = Seeds.permutation(classes, rng);
        List<List<Integer>> holders = lists(classes);
        for (int i = 0; i < nodes; i++) {
            for (int t = 0; t < labelsPerNode; t++) {
                holders.get(order[(int) (((long) i * labelsPerNode + t) % classes)]).add(i);
            }
        }
        int[][] byClass = byClass(labels, classes);
        List<List<Integer>> acc = lists(nodes);
        for (int c = 0; c < classes; c++) {
            int[] members = byClass[c];
            Seeds.shuffle(members, rng);
            List<Integer> h = holders.get(c);
            int m = h.size();
            if (m == 0) {
                continue;
            }
            int from = 0;
            for (int j = 0; j < m; j++) {
                int size = members.length / m + (j < members.length % m ? 1 : 0);
                for (int k = from; k < from + size; k++) {
                    acc.get(h.get(j)).add(members[k]);
                }
                from += size;
            }
        }
        return new Partition("by-label(labelsPerNode=" + labelsPerNode + ")", toArrays(acc), labels.length);
    }

    private static void checkNodes(int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("partition: expected at least 1 data-holding node, got " + nodes);
        }
    }

    private static int[][] byClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int y : labels) {
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("partition: label " + y + " outside [0, " + classes + ")");
            }
            counts[y]++;
        }
        int[][] out = new int[classes][];
        for (int c = 0; c < classes; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            out[labels[i]][fill[labels[i]]++] = i;
        }
        return out;
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    private static int[][] toArrays(List<List<Integer>> acc) {
        int[][] out = new int[acc.size()][];
        for (int i = 0; i < out.length; i++) {
            List<Integer> l = acc.get(i);
            out[i] = new int[l.size()];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = l.get(k);
            }
        }
        return out;
    }
}
