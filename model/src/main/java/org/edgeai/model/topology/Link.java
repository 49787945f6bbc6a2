package org.edgeai.model.topology;

import java.util.Objects;

/**
 * An undirected, full-duplex link: immutable; edits replace it ({@link Topology#putLink}).
 *
 * @param source        one endpoint's id (the order is the one given when the link was made; it carries no meaning)
 * @param target        the other endpoint's id, different from {@code source}
 * @param bandwidthMbps capacity of each direction in Mbit/s (1e6 bit/s), &gt; 0
 * @param latencyMs     propagation latency in ms, &ge; 0
 * @param weight        the user's mixing weight for the {@code custom} mixing rule, or {@code null}
 */
public record Link(String source, String target, double bandwidthMbps, double latencyMs, Double weight) {

    public Link {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("link " + source + " -- " + target + ": a link must join two different nodes");
        }
        if (!(bandwidthMbps > 0) || Double.isInfinite(bandwidthMbps)) {
            throw new IllegalArgumentException("link " + source + " -- " + target
                    + ": bandwidthMbps must be a finite number > 0, got " + bandwidthMbps);
        }
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("link " + source + " -- " + target
                    + ": latencyMs must be a finite number >= 0, got " + latencyMs);
        }
        if (weight != null && !Double.isFinite(weight)) {
            throw new IllegalArgumentException("link " + source + " -- " + target + ": weight must be finite, got " + weight);
        }
    }

    public static Link of(String source, String target, TopologyDefaults defaults) {
        LinkDefaults d = defaults.link();
        return new Link(source, target, d.bandwidthMbps(), d.latencyMs(), null);
    }

    /** The unordered pair of endpoints, the link's identity in a topology. */
    public LinkKey key() {
        return LinkKey.of(source, target);
    }

    /** True when this link has {@code nodeId} as an endpoint. */
    public boolean touches(String nodeId) {
        return source.equals(nodeId) || target.equals(nodeId);
    }

    /** The endpoint that is not {@code nodeId}. */
    public String opposite(String nodeId) {
        if (source.equals(nodeId)) {
            return target;
        }
        if (target.equals(nodeId)) {
            return source;
        }
        throw new IllegalArgumentException(nodeId + " is not an endpoint of " + source + " -- " + target);
    }

    public Link withBandwidth(double mbps) {
        return new Link(source, target, mbps, latencyMs, weight);
    }

    public Link withLatency(double ms) {
        return new Link(source, target, bandwidthMbps, ms, weight);
    }

    public Link withWeight(Double w) {
        return new Link(source, target, bandwidthMbps, latencyMs, w);
    }

    /** Bandwidth of one direction in bit/s. */
    public double bitsPerSecond() {
        return bandwidthMbps * 1e6;
    }

    /** Latency in seconds. */
    public double latencySeconds() {
        return latencyMs / 1e3;
    }
}
