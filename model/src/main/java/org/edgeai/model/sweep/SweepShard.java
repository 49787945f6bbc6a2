package org.edgeai.model.sweep;

/**
 * One of {@code count} disjoint slices of a sweep ({@code --shard index/count}): point k belongs to shard
 * {@code (k mod count) + 1}, round-robin, so every shard gets a similar mix of the grid and together the
 * shards hold every point exactly once.
 *
 * @param index 1-based, in [1, count]
 * @param count number of shards, at least 1
 */
public record SweepShard(int index, int count) {

    /** The whole sweep: shard 1 of 1. */
    public static final SweepShard ALL = new SweepShard(1, 1);

    public SweepShard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count: expected an integer >= 1, got " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("shard index: expected an integer in [1, " + count + "], got " + index);
        }
    }

    /**
     * Reads {@code I/N}, e.g. {@code 2/3}.
     *
     * @throws IllegalArgumentException naming the text when it is not two integers with 1 <= I <= N
     */
    public static SweepShard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N (e.g. 2/3), got '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(t.substring(0, slash).trim());
            n = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard: expected I/N with integers 1 <= I <= N (e.g. 2/3), got '" + text + "'");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N (e.g. 2/3), got '" + text + "'");
        }
        return new SweepShard(i, n);
    }

    /** True when point {@code k} (0-based) belongs to this shard. */
    public boolean contains(int k) {
        return k % count + 1 == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
