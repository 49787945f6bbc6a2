package org.edgeai.model.run;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run reports at its end, and the content of {@code summary.json}.
 *
 * @param rounds              rounds completed (rows of {@code metrics.csv} minus the initial one)
 * @param roundsPlanned       {@code run.rounds}
 * @param status              how the run ended
 * @param simTimeS            virtual time at which the last completed round finished, seconds (0 when none)
 * @param bitsSent            bits carried by links up to then, each hop counted (cumulative)
 * @param finalLoss           the last row's loss, NaN when absent
 * @param finalAccuracy       the last row's accuracy, NaN when absent
 * @param finalConsensusError the last row's consensus error, NaN when absent
 * @param fingerprint         lowercase hex SHA-256 of {@code messages.csv} (of {@code metrics.csv} under
 *                            {@code --trace none})
 * @param wallTimeS           wall-clock seconds of the simulation loop alone (0 when the run had no clock)
 * @param trace               what was traced
 */
public record RunSummary(int rounds, int roundsPlanned, Status status, double simTimeS, long bitsSent, double finalLoss,
                         double finalAccuracy, double finalConsensusError, String fingerprint, double wallTimeS,
                         TraceMode trace) {

    /** How a run ended. */
    public enum Status {
        /** Every planned round ran. */
        COMPLETED,
        /** The stop flag (or the algorithm) ended it early, at a round boundary. */
        STOPPED,
        /** Nothing was left to happen although rounds were due (e.g. an algorithm waiting for a dropped device). */
        STALLED;

        /** {@code completed}, {@code stopped} or {@code stalled}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RunSummary {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(trace, "trace");
    }

    /**
     * {@code summary.json}: {@code rounds, sim_time_s, bits_sent, final_loss, final_accuracy,
     * final_consensus_error, fingerprint, wall_time_s, status, rounds_planned, trace, experiment}, in this order;
     * NaN values are {@code null}.
     *
     * @param experiment the experiment as run, every default filled in ({@link RunPlan#filledExperiment()})
     */
    public ObjectNode toJson(ObjectNode experiment) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rounds", rounds);
        o.set("sim_time_s", DoubleNode.valueOf(simTimeS));
        o.put("bits_sent", bitsSent);
        putMetric(o, "final_loss", finalLoss);
        putMetric(o, "final_accuracy", finalAccuracy);
        putMetric(o, "final_consensus_error", finalConsensusError);
        o.put("fingerprint", fingerprint);
        o.set("wall_time_s", DoubleNode.valueOf(wallTimeS));
        o.put("status", status.id());
        o.put("rounds_planned", roundsPlanned);
        o.put("trace", trace.id());
        o.set("experiment", experiment);
        return o;
    }

    private static void putMetric(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.set(key, DoubleNode.valueOf(v));
        } else {
            o.putNull(key); // JSON has no NaN or infinity
        }
    }

    /**
     * The one-line result the command line prints for a run of {@code file} into {@code out}, and the workbench
     * logs for its own runs: status, rounds, simulated time, bits, the final metrics there are, the fingerprint.
     */
    public String resultLine(String file, java.nio.file.Path out) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(status.id()).append(", ").append(rounds).append('/').append(roundsPlanned)
                .append(" rounds, ")
                .append(String.format(Locale.ROOT, "sim time %.6g s, %s sent", simTimeS, size(bitsSent)));
        if (!Double.isNaN(finalLoss)) {
            sb.append(String.format(Locale.ROOT, ", loss %.4g", finalLoss));
        }
        if (!Double.isNaN(finalAccuracy)) {
            sb.append(String.format(Locale.ROOT, ", accuracy %.4f", finalAccuracy));
        }
        if (!Double.isNaN(finalConsensusError)) {
            sb.append(String.format(Locale.ROOT, ", consensus error %.4g", finalConsensusError));
        }
        sb.append(" -> ").append(out).append(" (fingerprint ").append(fingerprint, 0, Math.min(12, fingerprint.length()))
                .append(")");
        return sb.toString();
    }

    /** Bits as bytes with a unit, three significant digits ("1.54 MB"); under 8,000 bits as bits ("123 bits"). */
    public static String size(long bits) {
        if (bits < 8_000) {
            return bits + " bits";
        }
        double v = bits / 8.0;
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }
}
