package org.edgeai.plugins.algorithms.decentralized;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Row-parallel loops on the common fork-join pool. Rows [0, n) are cut into a number of contiguous parts that
 * depends on n only ({@link #parts(int)}), and the parts are shared out among up to {@code threads} threads
 * (the calling thread takes the first group). Each part runs on one thread, in row order, and callers combine
 * per-part results in part order, so every result, sums included, is the same for every thread count.
 */
final class Parallel {

    /** Rows per part at least (below, one part). */
    static final int MIN_ROWS_PER_PART = 64;
    /** Parts at most. */
    static final int MAX_PARTS = 8;

    /** Work on rows [lo, hi) as part {@code part} (0 .. parts − 1). */
    @FunctionalInterface
    interface Range {
        void run(int part, int lo, int hi);
    }

    private Parallel() {
    }

    /** The number of parts of n rows: n / 64 clamped to [1, 8]. */
    static int parts(int n) {
        return Math.max(1, Math.min(MAX_PARTS, n / MIN_ROWS_PER_PART));
    }

    /** Runs {@code body} over the {@link #parts} of [0, n) on up to {@code threads} threads. O(parts) allocation. */
    static void rows(int n, int threads, Range body) {
        int parts = parts(n);
        int t = Math.max(1, Math.min(threads, parts));
        if (t == 1) {
            runParts(n, parts, 0, parts, body);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[t - 1];
        for (int q = 1; q < t; q++) {
            int from = parts * q / t;
            int to = parts * (q + 1) / t;
            tasks[q - 1] = ForkJoinPool.commonPool().submit(() -> runParts(n, parts, from, to, body));
        }
        runParts(n, parts, 0, parts / t, body);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    private static void runParts(int n, int parts, int from, int to, Range body) {
        for (int p = from; p < to; p++) {
            body.run(p, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts));
        }
    }
}
