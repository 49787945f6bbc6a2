package org.edgeai.model.engine.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of per-round metrics: what the engine counts (cumulative since the start of the run) plus the
 * values the algorithm reports (loss, accuracy, consensus_error, ...), in the order it reported them.
 * Immutable.
 *
 * @param round          the round that finished, 0-based
 * @param timeS          virtual time at which it finished, seconds
 * @param messages       messages sent so far (end to end; a routed message counts once)
 * @param messageBits    bits of those messages (each counted once, whatever its number of hops)
 * @param hops           hops transmitted so far (rows of {@code messages.csv}, including hops still in flight)
 * @param linkBits       bits carried by links so far (a message of b bits over h hops counts h·b)
 * @param computeSeconds compute time requested so far, summed over nodes, seconds
 * @param values         the algorithm's metrics by name (insertion order kept), unmodifiable
 */
public record RoundMetrics(int round, double timeS, long messages, long messageBits, long hops, long linkBits,
                           double computeSeconds, Map<String, Double> values) {

    public RoundMetrics {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
