package org.edgeai.model.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.Section;

/**
 * A level a sweep's runs are measured against ({@code "sweep": { "target": { "accuracy": 0.8 } }}): the index
 * then says for each point in which round, and after how many bits on links, the run first reached it, which is
 * how the survey compares topologies and compressors ("rounds and bits to a target accuracy").
 *
 * @param metric {@code accuracy} (reached when at least the value), {@code loss} or {@code consensus_error}
 *               (reached when at most the value): a column of {@code metrics.csv}
 * @param value  the level
 */
public record SweepTarget(String metric, double value) {

    /** The metrics a target can name. */
    public static final List<String> METRICS = List.of("accuracy", "loss", "consensus_error");

    /** The columns the index gains. */
    public static final String COLUMNS = "rounds_to_target,bits_to_target";

    /** Whether a metric value reaches the target. */
    public boolean reached(double v) {
        return metric.equals("accuracy") ? v >= value : v <= value;
    }

    /**
     * Reads {@code sweep.target}, or null when absent.
     *
     * @throws ExperimentFileException located, for anything but one known metric with a finite number
     */
    static SweepTarget read(Section sweep) {
        if (!sweep.has("target")) {
            return null;
        }
        Section t = sweep.requireSection("target");
        t.checkKeys(METRICS);
        if (t.keys().size() != 1) {
            throw t.error("expected exactly one metric, e.g. \"target\": { \"accuracy\": 0.8 }; metrics: "
                    + String.join(", ", METRICS));
        }
        String m = t.keys().get(0);
        double v = m.equals("accuracy") ? t.number(m, null, 0, 1) : t.number(m, null, 0, Double.MAX_VALUE);
        return new SweepTarget(m, v);
    }

    /**
     * The first row of a run's {@code metrics.csv} that reaches the target, as the index's two cells
     * ({@code round,bits_sent}), or two empty cells when the run never reached it. O(rows).
     */
    String cells(Path metricsCsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsCsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metricsCsv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return ",";
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int col = header.indexOf(metric);
        int round = header.indexOf("round");
        int bits = header.indexOf("bits_sent");
        if (col < 0 || round < 0 || bits < 0) {
            return ",";
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (col < f.length && !f[col].isEmpty() && reached(Double.parseDouble(f[col]))) {
                return f[round] + "," + f[bits];
            }
        }
        return ",";
    }
}
