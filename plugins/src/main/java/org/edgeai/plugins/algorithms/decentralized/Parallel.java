package org.edgeai.plugins.algorithms.decentralized;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Row-parallel loops on the common fork-join pool: rows [0, n) cut into {@code threads} contiguous parts,
 * the first run on the calling thread. Rows are independent, so results do not depend on the thread count.
 */
final class Parallel {

    /** Below this many rows per part a loop runs on the calling thread only. */
    static final int MIN_ROWS_PER_THREAD = 64;

    /** Work on rows [lo, hi). */
    @FunctionalInterface
    interface Range {
        void run(int lo, int hi);
    }

    private Parallel() {
    }

    /** Runs {@code body} over [0, n) on up to {@code threads} threads. Allocates O(threads) per call. */
    static void rows(int n, int threads, Range body) {
        int t = Math.min(threads, n / MIN_ROWS_PER_THREAD);
        if (t <= 1) {
            body.run(0, n);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[t - 1];
        for (int p = 1; p < t; p++) {
            int lo = (int) ((long) n * p / t);
            int hi = (int) ((long) n * (p + 1) / t);
            tasks[p - 1] = ForkJoinPool.commonPool().submit(() -> body.run(lo, hi));
        }
        body.run(0, (int) ((long) n / t));
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }
}
