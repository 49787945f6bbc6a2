package org.edgeai.model.pipeline.split;

/**
 * The best cut at one bandwidth of the sweep.
 *
 * @param bandwidthMbps    bandwidth given to every link of the route
 * @param best             the best cut's row at that bandwidth
 * @param deviceOnlySeconds latency with everything on the device
 * @param serverOnlySeconds latency with everything on the server (cut 0)
 */
public record SweepPoint(double bandwidthMbps, SplitRow best, double deviceOnlySeconds, double serverOnlySeconds) {
}
