package org.edgeai.model.pipeline.schedule;

/**
 * What one stage did over a run (replicas combined: sums of time, maxima of memory and versions).
 *
 * @param computeSeconds      busy time of the stage's node(s): forward, backward, recompute and update
 * @param weightBytes         one copy of the stage's weights
 * @param peakActivationBytes most activation bytes held at once (stashed for backward)
 * @param peakMemoryBytes     most bytes held at once: weight versions x weightBytes + activations
 * @param weightVersions      most weight versions held at once (1 unless pipedream)
 * @param peakInFlight        most micro-batches between forward start and backward end at once
 * @param maxStaleness        pipedream: most updates between a micro-batch's forward and its own update
 * @param meanStaleness       the mean of that over the run's micro-batches (0 for flushing schedules)
 */
public record StageStats(double computeSeconds, long weightBytes, long peakActivationBytes, long peakMemoryBytes,
                         int weightVersions, int peakInFlight, int maxStaleness, double meanStaleness) {
}
