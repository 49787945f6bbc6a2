package org.edgeai.model.learning.partition;

import java.util.Arrays;

/**
 * An assignment of training samples to the data-holding nodes: node {@code i} holds the sample indices
 * {@code shard(i)}, increasing. A node may hold no sample (possible with a skewed Dirichlet draw); a
 * sample may be held by no node (by-label when the nodes' classes do not cover every class).
 */
public final class Partition {

    private final String description;
    private final int[][] shards;
    private final int samples;

    /**
     * @param description e.g. {@code dirichlet(alpha=0.5)}
     * @param shards      per node the sample indices (kept; each is sorted here)
     * @param samples     number of samples of the partitioned set
     */
    public Partition(String description, int[][] shards, int samples) {
        this.description = description;
        this.shards = shards;
        this.samples = samples;
        for (int[] s : shards) {
            Arrays.sort(s);
        }
    }

    public String description() {
        return description;
    }

    /** Number of nodes. */
    public int nodes() {
        return shards.length;
    }

    /** The training-sample indices of node {@code i}, increasing. Do not modify. */
    public int[] shard(int i) {
        return shards[i];
    }

    /** Samples held by node {@code i}. */
    public int size(int i) {
        return shards[i].length;
    }

    /** Number of samples of the partitioned set. */
    public int samples() {
        return samples;
    }

    /** Total samples held over all nodes. */
    public int assigned() {
        int s = 0;
        for (int[] sh : shards) {
            s += sh.length;
        }
        return s;
    }

    /** Per node the number of samples of each class: {@code [node][class]}. O(n). */
    public int[][] classCounts(int[] labels, int classes) {
        int[][] c = new int[shards.length][classes];
        for (int i = 0; i < shards.length; i++) {
            for (int s : shards[i]) {
                c[i][labels[s]]++;
            }
        }
        return c;
    }

    /**
     * The mean over nodes that hold data of the Shannon entropy (in nats) of the node's label
     * distribution: ln(classes) when every node sees all classes equally, 0 when every node sees one
     * class. A measure of how non-IID the partition is. O(n + nodes · classes).
     */
    public double meanLabelEntropy(int[] labels, int classes) {
        int[][] counts = classCounts(labels, classes);
        double sum = 0;
        int holders = 0;
        for (int[] row : counts) {
            int total = 0;
            for (int c : row) {
                total += c;
            }
            if (total == 0) {
                continue;
            }
            holders++;
            double h = 0;
            for (int c : row) {
                if (c > 0) {
                    double p = (double) c / total;
                    h -= p * Math.log(p);
                }
            }
            sum += h;
        }
        return holders == 0 ? 0 : sum / holders;
    }

    @Override
    public String toString() {
        return description + " over " + shards.length + " nodes, " + assigned() + " of " + samples + " samples";
    }
}
