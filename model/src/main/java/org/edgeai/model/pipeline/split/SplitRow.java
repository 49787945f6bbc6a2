package org.edgeai.model.pipeline.split;

/**
 * End-to-end latency of one cut point (expected values over requests when there is an early exit).
 *
 * @param cutAfterLayer layers run on the device: 0 (send the raw input) .. L (all on the device)
 * @param deviceSeconds device computation
 * @param transferSeconds upload of the cut activations (or raw input) plus return of the result, each stored
 *                        and forwarded along the route: per hop bits / bandwidth + latency
 * @param serverSeconds server computation
 * @param totalSeconds  the sum
 * @param bits          bits sent (up and back)
 */
public record SplitRow(int cutAfterLayer, double deviceSeconds, double transferSeconds, double serverSeconds,
                       double totalSeconds, double bits) {
}
