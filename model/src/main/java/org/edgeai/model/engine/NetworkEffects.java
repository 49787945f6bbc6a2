package org.edgeai.model.engine;

import java.util.List;

/**
 * Heterogeneity and faults of a run: the experiment file's {@code "network"} section (DESIGN.md), with its
 * defaults in {@link #DEFAULTS}.
 *
 * @param computeSpread        σ of the lognormal (median 1) per-node compute speed factor, drawn once per
 *                             node; 0 (default) means every factor is exactly 1; finite, &ge; 0
 * @param stragglerProbability probability that a device straggles in a round, in [0, 1]; default 0
 * @param stragglerSlowdown    factor by which a straggler's compute time is multiplied, finite, &ge; 1;
 *                             default 4
 * @param dropoutProbability   probability that a device drops out of a round, in [0, 1]; default 0
 * @param roundDeadlineS       per-round deadline for synchronous algorithms, seconds after the round's start,
 *                             &gt; 0, or {@code null} (default) for none
 * @param linkEvents           link down/up events, in file order (equal times apply in this order)
 */
public record NetworkEffects(double computeSpread, double stragglerProbability, double stragglerSlowdown,
                             double dropoutProbability, Double roundDeadlineS, List<LinkEvent> linkEvents) {

    /** No heterogeneity, no faults, slowdown 4. */
    public static final NetworkEffects DEFAULTS = new NetworkEffects(0.0, 0.0, 4.0, 0.0, null, List.of());

    public NetworkEffects {
        if (!(computeSpread >= 0) || Double.isInfinite(computeSpread)) {
            throw new IllegalArgumentException("network.computeSpread: expected a finite number >= 0, got " + computeSpread);
        }
        if (!(stragglerProbability >= 0 && stragglerProbability <= 1)) {
            throw new IllegalArgumentException("network.stragglerProbability: expected a number in [0, 1], got "
                    + stragglerProbability);
        }
        if (!(stragglerSlowdown >= 1) || Double.isInfinite(stragglerSlowdown)) {
            throw new IllegalArgumentException("network.stragglerSlowdown: expected a finite number >= 1, got "
                    + stragglerSlowdown);
        }
        if (!(dropoutProbability >= 0 && dropoutProbability <= 1)) {
            throw new IllegalArgumentException("network.dropoutProbability: expected a number in [0, 1], got "
                    + dropoutProbability);
        }
        if (roundDeadlineS != null && (!(roundDeadlineS > 0) || roundDeadlineS.isInfinite())) {
            throw new IllegalArgumentException("network.roundDeadlineS: expected a finite number > 0 or null, got "
                    + roundDeadlineS);
        }
        linkEvents = linkEvents == null ? List.of() : List.copyOf(linkEvents);
    }

    public NetworkEffects withComputeSpread(double v) {
        return new NetworkEffects(v, stragglerProbability, stragglerSlowdown, dropoutProbability, roundDeadlineS, linkEvents);
    }

    public NetworkEffects withStragglers(double probability, double slowdown) {
        return new NetworkEffects(computeSpread, probability, slowdown, dropoutProbability, roundDeadlineS, linkEvents);
    }

    public NetworkEffects withDropout(double probability) {
        return new NetworkEffects(computeSpread, stragglerProbability, stragglerSlowdown, probability, roundDeadlineS, linkEvents);
    }

    public NetworkEffects withRoundDeadline(Double seconds) {
        return new NetworkEffects(computeSpread, stragglerProbability, stragglerSlowdown, dropoutProbability, seconds, linkEvents);
    }

    public NetworkEffects withLinkEvents(List<LinkEvent> events) {
        return new NetworkEffects(computeSpread, stragglerProbability, stragglerSlowdown, dropoutProbability, roundDeadlineS, events);
    }
}
