package org.edgeai.model.learning;

import java.util.SplittableRandom;

/**
 * Per-node minibatch draws from the node's shard (ALGORITHMS.md: "a minibatch of batchSize samples drawn
 * from its shard, with replacement when the shard is smaller").
 *
 * <p>Each node has its own stream, seeded {@code Seeds.derive(seed, node)}, so a node's batches do not
 * depend on which other nodes drew, nor in what order. When the shard holds at least {@code batchSize}
 * samples the batch is drawn without replacement (a partial Fisher–Yates shuffle of the node's own copy
 * of the shard, O(batchSize)); otherwise with replacement. A node without samples gets empty batches.
 * Not thread-safe for the same node; different nodes may draw concurrently.
 */
public final class Minibatches {

    private final int batchSize;
    private final int[][] pool;
    private final SplittableRandom[] rng;
    private final int[][] batch;
    private final int[] length;

    /**
     * @param shards    per node the sample indices it holds (copied)
     * @param batchSize samples per batch, &gt;= 1
     * @param seed      seed of the draws
     */
    public Minibatches(int[][] shards, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected an integer >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        int n = shards.length;
        pool = new int[n][];
        rng = new SplittableRandom[n];
        batch = new int[n][batchSize];
        length = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = shards[i].clone();
            rng[i] = new SplittableRandom(Seeds.derive(seed, i));
        }
    }

    public int nodes() {
        return pool.length;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Samples in node {@code i}'s shard. */
    public int shardSize(int i) {
        return pool[i].length;
    }

    /** Draws node {@code i}'s next batch; returns its length ({@code batchSize}, or 0 for an empty shard). */
    public int draw(int i) {
        int[] p = pool[i];
        int[] out = batch[i];
        SplittableRandom r = rng[i];
        int n = p.length;
        if (n == 0) {
            length[i] = 0;
            return 0;
        }
        if (n >= batchSize) {
            for (int b = 0; b < batchSize; b++) {
                int j = b + r.nextInt(n - b);
                int t = p[b];
                p[b] = p[j];
                p[j] = t;
                out[b] = p[b];
            }
        } else {
            for (int b = 0; b < batchSize; b++) {
                out[b] = p[r.nextInt(n)];
            }
        }
        length[i] = batchSize;
        return batchSize;
    }

    /** Node {@code i}'s current batch (valid up to {@link #length(int)}); do not modify. */
    public int[] batch(int i) {
        return batch[i];
    }

    /** Length of node {@code i}'s current batch (0 before its first draw). */
    public int length(int i) {
        return length[i];
    }
}
