package org.edgeai.model.run;

import java.util.Map;

/**
 * One finished round as a run reports it to its {@link RunListener}: the row just written to
 * {@code metrics.csv}.
 *
 * @param round     the file's round number, 1-based (round 0 is the initial state and is not reported)
 * @param rounds    the number of rounds the run is to have
 * @param simTimeS  virtual time at which the round finished, seconds
 * @param bitsSent  bits carried by links so far (a message over h hops counts h times), cumulative
 * @param values    the algorithm's metrics by name (loss, accuracy, consensus_error, extras), in the order
 *                  reported, unmodifiable
 */
public record RunProgress(int round, int rounds, double simTimeS, long bitsSent, Map<String, Double> values) {

    public RunProgress {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The reported loss, or NaN. */
    public double loss() {
        return value(RunSetup.LOSS);
    }

    /** The reported accuracy, or NaN. */
    public double accuracy() {
        return value(RunSetup.ACCURACY);
    }

    /** The reported consensus error, or NaN. */
    public double consensusError() {
        return value(RunSetup.CONSENSUS_ERROR);
    }

    private double value(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
