package org.edgeai.app.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the folders {@code run} and {@code sweep} write and turns them into lines ({@link PlotSeries}).
 *
 * <h2>A run folder</h2>
 * {@code metrics.csv} (header {@code round,sim_time_s,bits_sent,loss,accuracy,consensus_error[,extra...]}, round
 * 0 the initial state, an empty cell = no value) and, optionally, {@code summary.json}, whose
 * {@code experiment.name} labels the line (else the folder name). Rows whose y value is empty (or not finite) are
 * left out of the line.
 *
 * <h2>A sweep folder</h2>
 * {@code index.csv} (header {@code point_id,<swept JSON paths...>,status,...}, one row per point) and
 * {@code runs/<point_id>/} run folders. A swept path named exactly {@code seed} is the repetition axis: points
 * with equal values on every other swept path form one line, the mean over their seeds, with a band
 * ({@link BandKind}). Lines come in the order of their first point in {@code index.csv}; a line is labelled by the
 * values of the swept paths that vary between lines ({@code topology.generator.type=ring,
 * algorithm.type=dsgd} becomes {@code ring, dsgd}; a number or boolean keeps its key's last segment:
 * {@code learningRate=0.05}); a sweep with one line is labelled like a run.
 *
 * <p>Averaging: rows are matched by {@code round}. At each round the line's y is the mean of the seeds that
 * have a value there, and its x is the mean x of the same seeds: for {@code --x round} that is the round itself;
 * for {@code bits} and {@code time}, which differ between seeds, it is the mean bits (or time) at that round.
 * The number of seeds averaged is kept per point ({@link PlotSeries#count}); where only one seed has a value the
 * band has zero width.
 *
 * <p>Errors are {@link IllegalArgumentException}s naming the file, the line and what was expected.
 */
public final class RunFolders {

    /** The file of a run's metrics. */
    public static final String METRICS = "metrics.csv";
    /** The file of a run's summary. */
    public static final String SUMMARY = "summary.json";
    /** The file listing a sweep's points. */
    public static final String INDEX = "index.csv";
    /** The sub-folder of a sweep holding one run folder per point. */
    public static final String RUNS = "runs";
    /** The swept path that is the repetition axis. */
    public static final String SEED = "seed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolders() {
    }

    /** The columns of one run's {@code metrics.csv}. */
    public record RunMetrics(Path dir, String name, List<String> columns, double[][] values) {

        /** The values of a column (NaN where the cell is empty); one per data row. */
        public double[] column(String c) {
            int i = columns.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException(dir.resolve(METRICS) + ": no column \"" + c + "\"; columns are "
                        + String.join(", ", columns));
            }
            return values[i].clone();
        }

        /** Number of data rows. */
        public int rows() {
            return values.length == 0 ? 0 : values[0].length;
        }
    }

    /** True when {@code dir} is a sweep folder (it holds {@code index.csv}). */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(INDEX));
    }

    /**
     * Reads every folder and returns the lines, in folder order (a sweep adding its lines in place).
     *
     * @param dirs run or sweep folders, at least one
     * @param band the band of lines averaged over seeds; null means {@link BandKind#SD}
     */
    public static PlotData read(List<Path> dirs, YMetric y, XAxisKind x, BandKind band) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("expected at least one run or sweep folder");
        }
        BandKind b = band == null ? BandKind.SD : band;
        List<PlotSeries> lines = new ArrayList<>();
        for (Path d : dirs) {
            lines.addAll(lines(d, y, x, b));
        }
        boolean anyBand = lines.stream().anyMatch(PlotSeries::hasBand);
        return new PlotData(y, x, anyBand ? b : BandKind.NONE, lines);
    }

    /** The lines of one folder: one for a run folder, one per setting for a sweep folder. */
    public static List<PlotSeries> lines(Path dir, YMetric y, XAxisKind x, BandKind band) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder (expected a run folder holding " + METRICS
                    + " or a sweep folder holding " + INDEX + ")");
        }
        if (isSweep(dir)) {
            return sweepLines(dir, y, x, band);
        }
        if (!Files.isRegularFile(dir.resolve(METRICS))) {
            throw new IllegalArgumentException(dir + ": neither a run folder (no " + METRICS + ") nor a sweep folder (no "
                    + INDEX + ")");
        }
        RunMetrics m = readRun(dir);
        return List.of(single(m, y, x));
    }

    private static PlotSeries single(RunMetrics m, YMetric y, XAxisKind x) {
        double[] xs = m.column(x.column());
        double[] ys = m.column(y.column());
        int n = 0;
        for (int i = 0; i < ys.length; i++) {
            if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(m.dir().resolve(METRICS) + ": no values of " + y.column() + " (the column is "
                    + "empty in all " + m.rows() + " rows: this run does not report it; " + available(m) + ")");
        }
        double[] px = new double[n];
        double[] py = new double[n];
        int j = 0;
        for (int i = 0; i < ys.length; i++) {
            if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                px[j] = xs[i];
                py[j] = ys[i];
                j++;
            }
        }
        return PlotSeries.of(m.name(), px, py);
    }

    private static String available(RunMetrics m) {
        List<String> have = new ArrayList<>();
        for (YMetric y : YMetric.values()) {
            double[] v = m.column(y.column());
            if (Arrays.stream(v).anyMatch(Double::isFinite)) {
                have.add(y.id());
            }
        }
        return have.isEmpty() ? "it reports none of " + Arrays.toString(YMetric.values()).toLowerCase(Locale.ROOT)
                : "try --y " + String.join(" or --y ", have);
    }

    /**
     * Reads a run folder's {@code metrics.csv} (and its name from {@code summary.json}).
     *
     * @throws IllegalArgumentException naming file and line for a missing file, a bad header, a row with the wrong
     *                                  number of cells, a cell that is not a number, rounds not increasing
     */
    public static RunMetrics readRun(Path dir) {
        Path f = dir.resolve(METRICS);
        List<String> lines = readLines(f);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException(f + ": empty file; expected the header " + org.edgeai.model.run.MetricsCsv.HEADER);
        }
        List<String> columns = parseCsvLine(lines.get(0), f, 1);
        for (String required : org.edgeai.model.run.MetricsCsv.HEADER.split(",")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException(f + ":1: the header has no column \"" + required + "\"; expected "
                        + org.edgeai.model.run.MetricsCsv.HEADER + "[,extra...], got " + lines.get(0));
            }
        }
        int rows = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                rows++;
            }
        }
        double[][] values = new double[columns.size()][rows];
        int roundCol = columns.indexOf("round");
        int r = 0;
        double lastRound = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = parseCsvLine(line, f, i + 1);
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(f + ":" + (i + 1) + ": expected " + columns.size() + " cells ("
                        + String.join(",", columns) + "), got " + cells.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                values[c][r] = number(cells.get(c), f, i + 1, columns.get(c));
            }
            double round = values[roundCol][r];
            if (!(round > lastRound) || round != Math.rint(round)) {
                throw new IllegalArgumentException(f + ":" + (i + 1) + ": round: expected an integer greater than the "
                        + "previous row's " + (lastRound == Double.NEGATIVE_INFINITY ? "(none)" : MetricsCsvText.of(lastRound))
                        + ", got " + cells.get(roundCol));
            }
            lastRound = round;
            r++;
        }
        return new RunMetrics(dir, runName(dir), List.copyOf(columns), values);
    }

    /** The experiment name from {@code summary.json}, else the folder's name. */
    static String runName(Path dir) {
        Path s = dir.resolve(SUMMARY);
        String folder = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isRegularFile(s)) {
            return folder;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(s, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(s + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(s + ": cannot read: " + e.getMessage());
        }
        JsonNode name = root == null ? null : root.path("experiment").path("name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : folder;
    }

    private static List<PlotSeries> sweepLines(Path dir, YMetric y, XAxisKind x, BandKind band) {
        Path f = dir.resolve(INDEX);
        List<String> lines = readLines(f);
        List<String> header = indexHeader(f, lines);
        int status = header.indexOf("status");
        List<String> paths = header.subList(1, status);
        int seedCol = paths.indexOf(SEED);
        // group points by their non-seed values, in the order of first appearance
        Map<List<String>, List<RunMetrics>> groups = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> cells = parseCsvLine(lines.get(i), f, i + 1);
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(f + ":" + (i + 1) + ": expected " + header.size() + " cells ("
                        + String.join(",", header) + "), got " + cells.size());
            }
            String pointId = cells.get(0);
            if (pointId.isEmpty() || pointId.contains("/") || pointId.contains("\\") || pointId.equals("..")) {
                throw new IllegalArgumentException(f + ":" + (i + 1) + ": point_id: expected a folder name, got \"" + pointId + "\"");
            }
            Path run = dir.resolve(RUNS).resolve(pointId);
            if (!Files.isRegularFile(run.resolve(METRICS))) {
                throw new IllegalArgumentException(f + ":" + (i + 1) + ": point " + pointId + " has no " + run.resolve(METRICS));
            }
            List<String> key = new ArrayList<>();
            for (int p = 0; p < paths.size(); p++) {
                if (p != seedCol) {
                    key.add(unquoteJson(cells.get(1 + p)));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(readRun(run));
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(f + ": no points listed (the sweep has not finished a point yet)");
        }
        List<String> keyPaths = new ArrayList<>(paths);
        if (seedCol >= 0) {
            keyPaths.remove(seedCol);
        }
        List<String> labels = labels(keyPaths, new ArrayList<>(groups.keySet()));
        List<PlotSeries> out = new ArrayList<>();
        int g = 0;
        for (Map.Entry<List<String>, List<RunMetrics>> e : groups.entrySet()) {
            String label = labels.get(g++);
            if (label == null) {
                label = e.getValue().get(0).name().equals(e.getValue().get(0).dir().getFileName().toString())
                        ? dir.toAbsolutePath().normalize().getFileName().toString() : e.getValue().get(0).name();
            }
            out.add(aggregate(label, e.getValue(), y, x, band));
        }
        return out;
    }

    /** Line labels from the values of the paths that vary between groups; null for a single group. */
    static List<String> labels(List<String> paths, List<List<String>> keys) {
        List<String> out = new ArrayList<>();
        if (keys.size() == 1) {
            out.add(null);
            return out;
        }
        List<Integer> varying = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            Set<String> seen = new HashSet<>();
            for (List<String> k : keys) {
                seen.add(k.get(p));
            }
            if (seen.size() > 1) {
                varying.add(p);
            }
        }
        for (boolean shortForm : new boolean[] {true, false}) {
            out.clear();
            for (List<String> k : keys) {
                StringBuilder sb = new StringBuilder();
                for (int p : varying) {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    String v = k.get(p);
                    String path = paths.get(p);
                    String type = shortForm ? typeOf(v) : null;
                    if (type != null) {
                        sb.append(type); // a swept section such as {"type":"ring","nodes":16} reads as "ring"
                    } else if (!shortForm) {
                        sb.append(path).append('=').append(v);
                    } else if (isNumberOrBoolean(v)) {
                        sb.append(path.substring(path.lastIndexOf('.') + 1)).append('=').append(v);
                    } else {
                        sb.append(v);
                    }
                }
                out.add(sb.toString());
            }
            if (new HashSet<>(out).size() == out.size()) {
                return out;
            }
        }
        return out; // full paths are unique because the keys are
    }

    /** The header of a sweep's {@code index.csv}, checked: {@code point_id}, the swept paths, {@code status}, .... */
    private static List<String> indexHeader(Path f, List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(f + ": empty file; expected the header point_id,<swept paths...>,status,...");
        }
        List<String> header = parseCsvLine(lines.get(0), f, 1);
        if (header.isEmpty() || !header.get(0).equals("point_id") || header.indexOf("status") < 1) {
            throw new IllegalArgumentException(f + ":1: expected the header point_id,<swept paths...>,status,..., got "
                    + lines.get(0));
        }
        return header;
    }

    /** The {@code type} of a JSON object cell ({@code {"type":"ring",...}}), or null. */
    private static String typeOf(String v) {
        if (!v.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(v);
            return n.isObject() && n.path("type").isTextual() ? n.get("type").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * One label per complete point of a sweep folder, in {@code index.csv} order, from the values that vary between
     * points (seeds included): what a legend shows when every point is a line of its own (the workbench's charts).
     *
     * @throws IllegalArgumentException naming the file and line when index.csv is not a sweep index
     */
    public static List<String> pointLabels(Path dir) {
        Path f = dir.resolve(INDEX);
        List<String> lines = readLines(f);
        List<String> header = indexHeader(f, lines);
        int status = header.indexOf("status");
        List<String> paths = header.subList(1, status);
        List<List<String>> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> cells = parseCsvLine(lines.get(i), f, i + 1);
            List<String> key = new ArrayList<>();
            for (int p = 0; p < paths.size() && 1 + p < cells.size(); p++) {
                key.add(unquoteJson(cells.get(1 + p)));
            }
            keys.add(key);
            ids.add(cells.get(0));
        }
        List<String> labels = labels(paths, keys);
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null || labels.get(i).isEmpty()) {
                labels.set(i, ids.get(i));
            }
        }
        return labels;
    }

    private static boolean isNumberOrBoolean(String v) {
        if (v.equals("true") || v.equals("false") || v.equals("null") || v.isEmpty()) {
            return true;
        }
        try {
            Double.parseDouble(v);
            return !v.endsWith("d") && !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A cell that holds a JSON string literal ({@code "ring"}) becomes its text ({@code ring}). */
    private static String unquoteJson(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            try {
                JsonNode n = JSON.readTree(v);
                if (n.isTextual()) {
                    return n.asText();
                }
            } catch (JsonProcessingException ignored) {
                // not JSON: keep the text
            }
        }
        return v;
    }

    /**
     * The mean line of runs repeated over seeds, matched by round, with a band of the given kind (none for a
     * single run).
     */
    static PlotSeries aggregate(String label, List<RunMetrics> runs, YMetric y, XAxisKind x, BandKind band) {
        if (runs.size() == 1) {
            return single(runs.get(0), y, x).withLabel(label);
        }
        TreeMap<Long, List<double[]>> byRound = new TreeMap<>();
        for (RunMetrics m : runs) {
            double[] rounds = m.column("round");
            double[] xs = m.column(x.column());
            double[] ys = m.column(y.column());
            for (int i = 0; i < rounds.length; i++) {
                if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                    byRound.computeIfAbsent((long) rounds[i], k -> new ArrayList<>()).add(new double[] {xs[i], ys[i]});
                }
            }
        }
        if (byRound.isEmpty()) {
            throw new IllegalArgumentException(runs.get(0).dir().getParent() + ": no values of " + y.column() + " in any of the "
                    + runs.size() + " runs of \"" + label + "\" (" + available(runs.get(0)) + ")");
        }
        int n = byRound.size();
        double[] px = new double[n];
        double[] py = new double[n];
        double[] lo = band == BandKind.NONE ? null : new double[n];
        double[] hi = band == BandKind.NONE ? null : new double[n];
        int[] count = new int[n];
        int j = 0;
        double[] xv = new double[runs.size()];
        double[] yv = new double[runs.size()];
        for (List<double[]> pts : byRound.values()) {
            int k = pts.size();
            for (int i = 0; i < k; i++) {
                xv[i] = pts.get(i)[0];
                yv[i] = pts.get(i)[1];
            }
            px[j] = Stats.mean(xv, k);
            py[j] = Stats.mean(yv, k);
            if (lo != null) {
                double h = Stats.halfWidth(band, yv, k);
                lo[j] = py[j] - h;
                hi[j] = py[j] + h;
            }
            count[j] = k;
            j++;
        }
        return new PlotSeries(label, px, py, lo, hi, count);
    }

    private static List<String> readLines(Path f) {
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<String> out = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(f + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(f + ": not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage());
        }
    }

    private static double number(String cell, Path f, int line, String column) {
        String c = cell.trim();
        if (c.isEmpty()) {
            return Double.NaN;
        }
        if (c.equals("inf") || c.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (c.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            if (c.endsWith("d") || c.endsWith("f") || c.endsWith("D") || c.endsWith("F")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(c);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f + ":" + line + ": column " + column + ": expected a number (or an empty "
                    + "cell), got \"" + cell + "\"");
        }
    }

    /** Splits one CSV line (RFC 4180 quoting: {@code "a,b"} and {@code ""} for a quote). */
    static List<String> parseCsvLine(String line, Path f, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(f + ":" + lineNo + ": a quoted cell is not closed");
        }
        out.add(cell.toString());
        return out;
    }

    /** Number text as metrics.csv writes it. */
    static final class MetricsCsvText {
        private MetricsCsvText() {
        }

        static String of(double v) {
            return org.edgeai.model.run.MetricsCsv.number(v);
        }
    }
}
