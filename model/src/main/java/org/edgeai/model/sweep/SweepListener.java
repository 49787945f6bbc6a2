package org.edgeai.model.sweep;

import org.edgeai.model.run.RunSummary;

/**
 * Hears about a sweep's progress ({@link SweepRunner}). Called from the worker threads (with {@code jobs > 1}
 * from several at once): implementations must be thread-safe and quick. Every method does nothing by default.
 */
public interface SweepListener {

    /**
     * Counts of one invocation of the runner, over the points of its shard.
     *
     * @param total    points in the shard
     * @param skipped  points already complete when the runner started (not run again)
     * @param finished points run to completion by this invocation so far
     * @param failed   points whose run failed so far
     * @param running  points running now
     */
    record Counts(int total, int skipped, int finished, int failed, int running) {

        /** Points done one way or another: skipped, finished or failed. */
        public int done() {
            return skipped + finished + failed;
        }
    }

    /** A point's run starts (its folder has just been prepared). */
    default void pointStarted(SweepPoint point, Counts counts) {
    }

    /** A point's run finished and its {@code summary.json} is written. */
    default void pointFinished(SweepPoint point, RunSummary summary, Counts counts) {
    }

    /** A point's run failed; the sweep goes on with the other points and the point stays incomplete. */
    default void pointFailed(SweepPoint point, RuntimeException error, Counts counts) {
    }

    /** A point's run was stopped by the cancel flag; it stays incomplete and runs again on resume. */
    default void pointCancelled(SweepPoint point, Counts counts) {
    }
}
