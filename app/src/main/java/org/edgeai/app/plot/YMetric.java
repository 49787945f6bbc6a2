package org.edgeai.app.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The quantity on the y axis: one of the fixed metric columns of {@code metrics.csv}. */
public enum YMetric {
    /** {@code loss}: training loss of the average model (cross-entropy for classification, MSE for least squares). */
    LOSS("loss", "Loss"),
    /** {@code accuracy}: test accuracy of the average model, a fraction in [0, 1]. */
    ACCURACY("accuracy", "Test accuracy"),
    /** {@code consensus_error}: (1/N) sum_i ||x_i - x̄||², in squared parameter units. */
    CONSENSUS_ERROR("consensus_error", "Consensus error");

    private final String column;
    private final String axisLabel;

    YMetric(String column, String axisLabel) {
        this.column = column;
        this.axisLabel = axisLabel;
    }

    /** The command-line id, which is also the {@code metrics.csv} column: {@code loss}, {@code accuracy}, {@code consensus_error}. */
    public String id() {
        return column;
    }

    /** The column of {@code metrics.csv} that holds the metric. */
    public String column() {
        return column;
    }

    /** The axis label ("Loss", "Test accuracy", "Consensus error"). */
    public String axisLabel() {
        return axisLabel;
    }

    /** The metric with this id (case-insensitive; {@code consensus-error} accepted too). */
    public static YMetric byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (YMetric m : values()) {
            if (m.column.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--y: unknown metric \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(YMetric::id).collect(Collectors.joining(", ")));
    }
}
