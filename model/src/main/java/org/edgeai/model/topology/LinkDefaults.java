package org.edgeai.model.topology;

/** Default bandwidth (per direction) and latency of a link. */
public record LinkDefaults(double bandwidthMbps, double latencyMs) {
    public LinkDefaults {
        if (!(bandwidthMbps > 0) || !(latencyMs >= 0)) {
            throw new IllegalArgumentException("link defaults must have bandwidthMbps > 0 and latencyMs >= 0, got "
                    + bandwidthMbps + ", " + latencyMs);
        }
    }
}
