package org.edgeai.model.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.experiment.PrettyJson;

/**
 * Writes {@code metrics.csv}, one row per round, each row flushed as soon as it is added (so a run that is
 * stopped or killed leaves a readable file for the rounds done).
 *
 * <h2>Format (stable; scripts rely on it)</h2>
 * <ul>
 *   <li>UTF-8, {@code \n} line ends, no byte-order mark;</li>
 *   <li>header: {@value #HEADER}, then one column per extra metric the algorithm reports, in the order the
 *       keys were first seen (when a key first appears after rows were written, the file is rewritten with
 *       the new column, earlier rows having an empty cell there);</li>
 *   <li>{@code round}: 0 for the initial state, then 1, 2, ...; {@code bits_sent}: a decimal integer;</li>
 *   <li>{@code sim_time_s}: as {@link MessageTraceCsv#formatSeconds} writes times (whole nanoseconds, plain
 *       decimal), so it compares with {@code messages.csv};</li>
 *   <li>metric values: {@link #number(double)} (shortest text that reads back as the same double); an empty
 *       cell for NaN or a metric not reported in that round.</li>
 * </ul>
 * Not thread-safe.
 */
public final class MetricsCsv implements AutoCloseable {

    /** The fixed columns, exactly. */
    public static final String HEADER = "round,sim_time_s,bits_sent,loss,accuracy,consensus_error";
    /** The metric keys of the fixed columns. */
    public static final List<String> FIXED_METRICS = List.of(RunSetup.LOSS, RunSetup.ACCURACY, RunSetup.CONSENSUS_ERROR);

    private record Row(long round, double timeS, long bits, Map<String, Double> values) {
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private BufferedWriter out;

    private MetricsCsv(Path file) {
        this.file = file;
    }

    /** Creates (or truncates) {@code file} and writes the header. */
    public static MetricsCsv open(Path file) {
        MetricsCsv m = new MetricsCsv(file);
        m.rewrite();
        return m;
    }

    /**
     * Adds and flushes one row.
     *
     * @param round  the file's round number
     * @param timeS  virtual time, seconds (finite)
     * @param bits   cumulative bits over links
     * @param values metrics by name; keys beyond {@link #FIXED_METRICS} become extra columns
     */
    public void add(long round, double timeS, long bits, Map<String, Double> values) {
        Row r = new Row(round, timeS, bits, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        boolean newColumn = false;
        for (String k : values.keySet()) {
            if (!FIXED_METRICS.contains(k) && !extras.contains(k)) {
                checkName(k);
                newColumn = true;
            }
        }
        rows.add(r);
        if (newColumn) {
            for (String k : values.keySet()) {
                if (!FIXED_METRICS.contains(k) && !extras.contains(k)) {
                    extras.add(k);
                }
            }
        }
        if (newColumn) {
            rewrite();
            return;
        }
        try {
            writeRow(r);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The extra metric columns so far, in order. */
    public List<String> extraColumns() {
        return List.copyOf(extras);
    }

    /** Rows written. */
    public int rows() {
        return rows.size();
    }

    /** The whole header line for the columns so far (without line end). */
    public String header() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String k : extras) {
            sb.append(',').append(k);
        }
        return sb.toString();
    }

    private void rewrite() {
        try {
            if (out != null) {
                out.close();
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(header());
            out.write('\n');
            for (Row r : rows) {
                writeRow(r);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeRow(Row r) throws IOException {
        StringBuilder sb = new StringBuilder(96);
        sb.append(r.round).append(',').append(MessageTraceCsv.formatSeconds(r.timeS)).append(',').append(r.bits);
        for (String k : FIXED_METRICS) {
            sb.append(',').append(cell(r.values.get(k)));
        }
        for (String k : extras) {
            sb.append(',').append(cell(r.values.get(k)));
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    private static String cell(Double v) {
        return v == null ? "" : number(v);
    }

    /**
     * The CSV text of a metric: empty for NaN, {@code inf} / {@code -inf} for infinities, else the shortest
     * decimal that reads back as the same double, with a lower-case exponent where {@link Double#toString}
     * uses one ({@code 0.25}, {@code 2.302585092994046}, {@code 1e-5}, {@code 4.0}). Locale-independent.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return PrettyJson.formatDouble(v);
    }

    private static void checkName(String k) {
        if (k.isEmpty() || k.indexOf(',') >= 0 || k.indexOf('"') >= 0 || k.indexOf('\n') >= 0 || k.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("metric name must be non-empty without comma, quote or line break, got \""
                    + k + "\"");
        }
    }

    /** Flushes and closes the file. Idempotent. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            out = null;
        }
    }
}
