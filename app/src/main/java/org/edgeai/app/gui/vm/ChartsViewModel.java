package org.edgeai.app.gui.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.plot.ChartExport;
import org.edgeai.app.plot.PlotData;
import org.edgeai.app.plot.PlotOptions;
import org.edgeai.app.plot.PlotSeries;
import org.edgeai.app.plot.RunFolders;
import org.edgeai.app.plot.BandKind;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;

/**
 * The Charts view's state: one {@link ChartRun} per kept run (the session's live runs, in the session's order, then
 * runs read from folders: "Add run folder…" and the Compare dialog's sweeps), the x axis (round, bits, simulated
 * time), log scales per metric, the run table, and the selected run's per-node bits and per-link utilisation.
 * JavaFX thread; no {@code Node}s.
 *
 * <h2>Per frame</h2>
 * {@link #refresh()} copies only the rounds a live run finished since the last call (O(new rounds)); the values are
 * those {@code metrics.csv} holds (round 0 from the file's first row, {@link LiveRun#initialMetrics()}; the time
 * rounded to whole nanoseconds as the file writes it), so the lines on screen, the figures exported from here and
 * those {@code plot} draws from the run folders are the same numbers.
 * {@link #revisionProperty()} is bumped when points were added, {@link #structureProperty()} when the set of lines
 * changes (a run added, removed, shown or hidden; the x axis; a log scale): a view appends on the first and rebuilds
 * its charts on the second.
 */
public final class ChartsViewModel {

    /** The metrics shown as small multiples, in order. */
    public static final List<YMetric> METRICS = List.of(YMetric.LOSS, YMetric.ACCURACY, YMetric.CONSENSUS_ERROR);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunSession session;
    private final UiExecutors executors;
    private final ObservableList<ChartRun> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<XAxisKind> xAxis = new SimpleObjectProperty<>(XAxisKind.ROUND);
    private final Map<YMetric, BooleanProperty> logY = new EnumMap<>(YMetric.class);
    private final ObjectProperty<ChartRun> selected = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper structure = new ReadOnlyLongWrapper();
    private final ObjectProperty<String> message = new SimpleObjectProperty<>("");

    /**
     * @param session   the workbench's run session: its {@link RunSession#runs()} are overlaid
     * @param executors where folders are read ({@code background}) and the results come back ({@code ui})
     */
    public ChartsViewModel(RunSession session, UiExecutors executors) {
        this.session = Objects.requireNonNull(session, "session");
        this.executors = Objects.requireNonNull(executors, "executors");
        for (YMetric m : METRICS) {
            BooleanProperty p = new SimpleBooleanProperty(false);
            p.addListener((o, a, b) -> bumpStructure());
            logY.put(m, p);
        }
        xAxis.addListener((o, a, b) -> bumpStructure());
        for (LiveRun r : session.runs()) {
            addLive(r);
        }
        session.runs().addListener((ListChangeListener<LiveRun>) c -> syncLive());
        refresh();
    }

    // ------------------------------------------------------------------ state

    /** Every run on the charts, in legend order. */
    public ObservableList<ChartRun> runs() {
        return runs;
    }

    /** One row per run, in the order of {@link #runs()}. */
    public ObservableList<RunRow> rows() {
        return rows;
    }

    public ObjectProperty<XAxisKind> xAxisProperty() {
        return xAxis;
    }

    /** Whether metric {@code m}'s chart has a logarithmic y axis (all start linear: a log axis leaves out zeros, such as round 0's consensus error). */
    public BooleanProperty logYProperty(YMetric m) {
        BooleanProperty p = logY.get(m);
        if (p == null) {
            throw new IllegalArgumentException("metric: expected one of " + METRICS + ", got " + m);
        }
        return p;
    }

    /** The run whose per-node bits and per-link utilisation are shown (the newest run unless the user picks one). */
    public ObjectProperty<ChartRun> selectedProperty() {
        return selected;
    }

    /** Bumped whenever points were appended to runs. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Bumped whenever the set of lines or how they are drawn changes: views rebuild their charts. */
    public ReadOnlyLongProperty structureProperty() {
        return structure.getReadOnlyProperty();
    }

    /** The last problem (a folder that could not be read), or empty. */
    public ObjectProperty<String> messageProperty() {
        return message;
    }

    private void bumpStructure() {
        structure.set(structure.get() + 1);
    }

    // ------------------------------------------------------------------ runs

    private void syncLive() {
        List<LiveRun> live = session.runs();
        boolean changed = runs.removeIf(r -> r.live != null && !live.contains(r.live));
        for (LiveRun r : live) {
            if (runs.stream().noneMatch(c -> c.live == r)) {
                addLive(r);
                changed = true;
            }
        }
        if (changed) {
            // live runs first, in the session's order, then the folder runs in the order they came
            List<ChartRun> ordered = new ArrayList<>();
            for (LiveRun r : live) {
                runs.stream().filter(c -> c.live == r).findFirst().ifPresent(ordered::add);
            }
            runs.stream().filter(c -> c.live == null).forEach(ordered::add);
            runs.setAll(ordered);
            afterRunsChanged();
        }
    }

    private void addLive(LiveRun r) {
        ChartRun c = new ChartRun(r, r.dir(), r.label(), info(r.plan().filledExperiment(), r.plan().topology().nodeCount()),
                r.plan().rounds());
        runs.add(c);
        selected.set(c);
        c.visible.addListener((o, a, b) -> bumpStructure());
    }

    private void afterRunsChanged() {
        if (selected.get() != null && !runs.contains(selected.get())) {
            selected.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
        rows.setAll(runs.stream().map(ChartRun::row).toList());
        bumpStructure();
    }

    /**
     * Removes a run from the charts and the table; a live run also leaves the session (and is cancelled if it
     * still runs). Its folder stays on disk.
     */
    public void remove(ChartRun run) {
        if (run.live != null) {
            session.remove(run.live); // the session's list listener removes it here
        }
        if (runs.remove(run)) {
            afterRunsChanged();
        }
    }

    /** Removes every run. */
    public void clear() {
        for (ChartRun r : List.copyOf(runs)) {
            remove(r);
        }
    }

    /**
     * Adds the run folders of {@code dir} (a run folder, or a sweep folder: its points in {@code index.csv} order),
     * read in the background. {@code done} is told on the JavaFX thread with the runs added (empty on failure,
     * with {@link #messageProperty()} saying why).
     */
    public void addFolder(Path dir, java.util.function.Consumer<List<ChartRun>> done) {
        executors.background().execute(() -> {
            List<ChartRun> read;
            String problem = "";
            try {
                read = readFolder(dir, null);
            } catch (RuntimeException e) {
                read = List.of();
                problem = e.getMessage();
            }
            List<ChartRun> got = read;
            String p = problem;
            executors.ui().execute(() -> {
                message.set(p);
                addAll(got);
                if (done != null) {
                    done.accept(got);
                }
            });
        });
    }

    /** Adds runs already read ({@link #readFolder}); JavaFX thread. */
    public void addAll(List<ChartRun> read) {
        if (read.isEmpty()) {
            return;
        }
        for (ChartRun c : read) {
            runs.add(c);
            c.visible.addListener((o, a, b) -> bumpStructure());
        }
        selected.set(read.get(read.size() - 1));
        afterRunsChanged();
    }

    /**
     * Reads a run folder, or every point of a sweep folder. Any thread (no JavaFX state is touched).
     *
     * @param labels labels for the runs in order, or null: a run's experiment name (summary.json), a sweep point's
     *               varying values ({@link RunFolders#pointLabels}, e.g. "ring, seed=2")
     * @throws IllegalArgumentException naming the file when a folder cannot be read
     */
    public static List<ChartRun> readFolder(Path dir, List<String> labels) {
        List<Path> dirs = new ArrayList<>();
        boolean sweep = RunFolders.isSweep(dir);
        if (sweep) {
            List<String> lines = readLines(dir.resolve(RunFolders.INDEX));
            for (int i = 1; i < lines.size(); i++) {
                String id = lines.get(i).split(",", 2)[0];
                if (!id.isEmpty()) {
                    dirs.add(dir.resolve(RunFolders.RUNS).resolve(id));
                }
            }
        } else {
            dirs.add(dir);
        }
        List<String> pointLabels = sweep && labels == null ? RunFolders.pointLabels(dir) : null;
        List<ChartRun> out = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            String l = labels != null && i < labels.size() ? labels.get(i)
                    : pointLabels != null && i < pointLabels.size() ? pointLabels.get(i) : null;
            out.add(readRun(dirs.get(i), l));
        }
        return out;
    }

    /** One run folder. */
    public static ChartRun readRun(Path dir, String label) {
        RunFolders.RunMetrics m = RunFolders.readRun(dir);
        JsonNode summary = null;
        Path s = dir.resolve(RunFolders.SUMMARY);
        if (Files.isRegularFile(s)) {
            try {
                summary = JSON.readTree(Files.readString(s, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException(s + ": cannot read: " + e.getMessage());
            }
        }
        JsonNode experiment = summary == null ? null : summary.path("experiment");
        int planned = summary == null ? m.rows() - 1 : summary.path("rounds_planned").asInt(m.rows() - 1);
        String name = label != null ? label : m.name();
        ChartRun c = new ChartRun(null, dir, name, info(experiment, -1), planned);
        double[] round = m.column("round");
        double[] bits = m.column("bits_sent");
        double[] time = m.column("sim_time_s");
        double[][] v = new double[METRICS.size()][];
        for (int k = 0; k < METRICS.size(); k++) {
            v[k] = m.column(METRICS.get(k).column());
        }
        for (int i = 0; i < round.length; i++) {
            c.append(round[i], bits[i], time[i], v[0][i], v[1][i], v[2][i]);
        }
        if (summary != null) {
            c.fingerprint = summary.path("fingerprint").asText("");
            c.status = summary.path("status").asText("");
        }
        c.folderNodeBits = bitsByNode(dir.resolve("messages.csv"), name);
        return c;
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage());
        }
    }

    /** Algorithm, topology and node count from an experiment as {@code summary.json} records it. */
    private static String[] info(JsonNode e, int nodes) {
        if (e == null || e.isMissingNode()) {
            return new String[] {"", "", nodes < 0 ? "" : Integer.toString(nodes)};
        }
        String algorithm = e.path("algorithm").path("type").asText("");
        if (algorithm.isEmpty() && e.has("pipeline")) {
            algorithm = "pipeline";
        }
        JsonNode topo = e.path("topology");
        String topology = topo.path("generator").path("type").asText("");
        if (topology.isEmpty()) {
            topology = "listed";
        }
        if (nodes < 0) {
            JsonNode gn = topo.path("generator").path("nodes");
            if (gn.isNumber()) {
                nodes = gn.asInt();
            } else if (topo.path("nodes").isArray() && topology.equals("listed")) {
                nodes = topo.path("nodes").size();
            }
        }
        return new String[] {algorithm, topology, nodes < 0 ? "" : Integer.toString(nodes)};
    }

    // ------------------------------------------------------------------ per frame

    /**
     * Copies the rounds the live runs finished since the last call into their lines and updates their table rows.
     * O(new rounds + runs). JavaFX thread, once a frame.
     *
     * @return whether points were added
     */
    public boolean refresh() {
        return refresh(true);
    }

    /**
     * {@link #refresh()}, with the table rows of changed runs replaced only when {@code syncRows} (a view replaces
     * rows a few times a second, {@link #syncRows()}, since a table lays itself out again on every change).
     */
    public boolean refresh(boolean syncRows) {
        boolean added = false;
        for (ChartRun c : runs) {
            if (c.live == null) {
                continue;
            }
            boolean grew = c.pull();
            LiveRun.State st = c.live.state();
            if (grew || st != c.lastState) {
                c.rowDirty = true;
            }
            c.lastState = st;
            added |= grew;
        }
        if (syncRows) {
            syncRows();
        }
        if (added) {
            revision.set(revision.get() + 1);
        }
        return added;
    }

    /** Replaces the table rows of the runs that changed since the last call. O(runs). */
    public void syncRows() {
        for (int i = 0; i < runs.size() && i < rows.size(); i++) {
            ChartRun c = runs.get(i);
            if (c.rowDirty) {
                c.rowDirty = false;
                rows.set(i, c.row());
            }
        }
    }

    // ------------------------------------------------------------------ what the charts and exports draw

    /**
     * The lines of metric {@code y} against the current x axis: one per visible run that has a value of the metric
     * (a run that does not report it has no line), its points the rows with a finite value, in round order.
     * Labels are the runs' labels. This is what the chart shows and what an export writes.
     */
    public PlotData plotData(YMetric y) {
        return plotData(y, xAxis.get());
    }

    /** {@link #plotData(YMetric)} against axis {@code x}. */
    public PlotData plotData(YMetric y, XAxisKind x) {
        List<PlotSeries> lines = new ArrayList<>();
        for (ChartRun c : runs) {
            if (c.visible.get()) {
                PlotSeries s = c.series(y, x);
                if (s != null) {
                    lines.add(s);
                }
            }
        }
        return new PlotData(y, x, BandKind.NONE, lines);
    }

    /** The visible runs that have a line of {@code y}, in legend order (the chart's line i is element i). */
    public List<ChartRun> linesOf(YMetric y) {
        List<ChartRun> out = new ArrayList<>();
        for (ChartRun c : runs) {
            if (c.visible.get() && c.hasMetric(y)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * How the screen draws metric {@code y}: the IEEE column preset with a larger type for the screen and the
     * chart's log scale. The Export dialog starts from it.
     */
    public PlotOptions screenOptions(YMetric y) {
        return SCREEN.withLog(false, logYProperty(y).get());
    }

    /** The screen's look (before the log scale). */
    public static final PlotOptions SCREEN = PlotOptions.defaults().withFont(null, 11.0);

    /**
     * Writes the chart of metric {@code y} (the lines as shown: visible runs, current x axis, the chart's log scale)
     * to {@code file} through the plot layer, in the format of its extension (svg, pdf, png, tex, csv), with the
     * size, preset and DPI of {@code options}: the same file {@code plot} writes from the runs' folders with the same
     * options. Any thread that owns the view model (call it from a background task with {@link #plotData} taken
     * on the JavaFX thread for a long export: see {@link #exportInBackground}).
     */
    public ChartExport.Format export(YMetric y, PlotOptions options, Path file) {
        return ChartExport.write(plotData(y), options.withLog(options.logx(), logYProperty(y).get()), file);
    }

    /** {@link #export} with the data taken now and the file written in the background; {@code done} gets the error or null. */
    public void exportInBackground(YMetric y, PlotOptions options, Path file, java.util.function.Consumer<String> done) {
        PlotData data = plotData(y);
        PlotOptions o = options.withLog(options.logx(), logYProperty(y).get());
        executors.background().execute(() -> {
            String problem = null;
            try {
                ChartExport.write(data, o, file);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            String p = problem;
            executors.ui().execute(() -> done.accept(p));
        });
    }

    // ------------------------------------------------------------------ per node and per link

    /**
     * Bits each node of the selected live run has put on links so far ({@link RunRecording#bitsSentByNode()}),
     * with the nodes' ids; for a run read from a folder, the bits of its {@code messages.csv}; null when no run is
     * selected or the folder has no message trace.
     */
    public NodeBits nodeBits() {
        ChartRun c = selected.get();
        if (c != null && c.live == null) {
            return c.folderNodeBits;
        }
        if (c == null) {
            return null;
        }
        return new NodeBits(c.label, c.live.plan().topology().indexed().ids(), c.live.recording().bitsSentByNode());
    }

    /** Bits sent by each node of a run. */
    public record NodeBits(String run, List<String> ids, long[] bits) {
    }

    /**
     * Bits each node put on links in a run folder's {@code messages.csv} ({@code round,t_send_s,t_arrive_s,src,dst,
     * bits,kind}, one row a hop), nodes in natural order of their ids (n2 before n10); null when the file is absent (a run with
     * {@code --trace none}) or not in that form. One pass over the file; call it off the JavaFX thread.
     */
    static NodeBits bitsByNode(Path messages, String label) {
        if (!Files.isRegularFile(messages)) {
            return null;
        }
        Map<String, long[]> sums = new java.util.LinkedHashMap<>();
        try (java.io.BufferedReader r = Files.newBufferedReader(messages, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("round,t_send_s,t_arrive_s,src,dst,bits")) {
                return null;
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", 7);
                if (f.length >= 6) {
                    sums.computeIfAbsent(f[3], k -> new long[1])[0] += Long.parseLong(f[5]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        List<String> ids = new ArrayList<>(sums.keySet());
        ids.sort(ChartsViewModel::naturalOrder);
        long[] bits = new long[ids.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = sums.get(ids.get(i))[0];
        }
        return new NodeBits(label, List.copyOf(ids), bits);
    }

    /** Compares ids as text with their digit runs as numbers: "n2" before "n10". */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Per-link utilisation of the selected live run: for each link, the bits carried in its busier direction
     * divided by what that direction can carry in the run's simulated time so far (bandwidth per direction × time),
     * so 1 means the link was busy all the time in one direction; sorted from the busiest link. The hops recorded
     * since the last call are counted (O(new hops × degree)). Null when no live run is selected.
     */
    public List<LinkUse> linkUse() {
        ChartRun c = selected.get();
        if (c == null || c.live == null) {
            return null;
        }
        return c.linkUse();
    }

    /**
     * One link's use.
     *
     * @param link        "source–target"
     * @param bitsForward bits carried from source to target
     * @param bitsBack    bits carried from target to source
     * @param utilisation max(forward, back) / (bandwidth bit/s × simulated time s), in [0, 1] unless hops overlap
     */
    public record LinkUse(String link, long bitsForward, long bitsBack, double utilisation) {
    }

    // ------------------------------------------------------------------ a run on the charts

    /**
     * One run's lines: columns growing by doubling (round, bits, time, loss, accuracy, consensus error; NaN where
     * the run has no value). JavaFX thread (a folder run is built on a background thread before it is added).
     */
    public static final class ChartRun {
        private final LiveRun live;
        private final Path dir;
        private final String label;
        private final String[] info;
        private final int planned;
        private final BooleanProperty visible = new SimpleBooleanProperty(true);
        private double[] round = new double[16];
        private double[] bits = new double[16];
        private double[] time = new double[16];
        private final double[][] values = new double[METRICS.size()][16];
        private final int[] finite = new int[METRICS.size()];
        private int size;
        private int consumed; // recording rounds copied
        private LiveRun.State lastState;
        private boolean rowDirty;
        private String fingerprint = "";
        private String status = "";
        private NodeBits folderNodeBits; // a folder run's bits per node, from its messages.csv (or null)
        // link use (live runs): lazily built link lookup and running sums
        private long[] linkForward;
        private long[] linkBack;
        private int hopsCounted;

        ChartRun(LiveRun live, Path dir, String label, String[] info, int planned) {
            this.live = live;
            this.dir = dir;
            this.label = label;
            this.info = info;
            this.planned = planned;
        }

        /** The live run, or null for a run read from a folder. */
        public LiveRun live() {
            return live;
        }

        public Path dir() {
            return dir;
        }

        public String label() {
            return label;
        }

        /** Shown on the charts (the table's check box). */
        public BooleanProperty visibleProperty() {
            return visible;
        }

        /** Rows so far (round 0 included once it is known). */
        public int size() {
            return size;
        }

        /** The x value of row i on axis {@code x}. */
        public double x(XAxisKind x, int i) {
            return switch (x) {
                case ROUND -> round[i];
                case BITS -> bits[i];
                case TIME -> time[i];
            };
        }

        /** Metric {@code y} at row i, NaN when the run has no value there. */
        public double y(YMetric y, int i) {
            return values[METRICS.indexOf(y)][i];
        }

        /** Whether some row has a finite value of {@code y}. */
        public boolean hasMetric(YMetric y) {
            return finite[METRICS.indexOf(y)] > 0;
        }

        PlotSeries series(YMetric y, XAxisKind x) {
            int k = METRICS.indexOf(y);
            int n = finite[k];
            if (n == 0) {
                return null;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            int j = 0;
            for (int i = 0; i < size; i++) {
                double v = values[k][i];
                if (Double.isFinite(v)) {
                    xs[j] = x(x, i);
                    ys[j] = v;
                    j++;
                }
            }
            return PlotSeries.of(label, xs, ys);
        }

        void append(double r, double b, double t, double loss, double acc, double cons) {
            if (size == round.length) {
                int cap = size * 2;
                round = Arrays.copyOf(round, cap);
                bits = Arrays.copyOf(bits, cap);
                time = Arrays.copyOf(time, cap);
                for (int k = 0; k < values.length; k++) {
                    values[k] = Arrays.copyOf(values[k], cap);
                }
            }
            round[size] = r;
            bits[size] = b;
            time[size] = t;
            double[] v = {loss, acc, cons};
            for (int k = 0; k < values.length; k++) {
                values[k][size] = v[k];
                if (Double.isFinite(v[k])) {
                    finite[k]++;
                }
            }
            size++;
        }

        /** Copies the live run's new rounds; round 0 first, from the run's metrics.csv. */
        boolean pull() {
            boolean grew = false;
            if (size == 0) {
                Map<String, Double> row0 = live.initialMetrics();
                if (row0 == null && live.state() == LiveRun.State.RUNNING) {
                    return false; // the rounds wait for row 0, so lines stay in round order
                }
                if (row0 != null) {
                    append(0, 0, 0, value(row0, YMetric.LOSS), value(row0, YMetric.ACCURACY),
                            value(row0, YMetric.CONSENSUS_ERROR));
                    grew = true;
                } // else the run ended without a readable row 0: its rounds alone
            }
            List<RoundMetrics> rs = live.recording().rounds();
            int n = rs.size();
            if (size == 0 && n == 0) {
                return grew;
            }
            for (int i = consumed; i < n; i++) {
                RoundMetrics m = rs.get(i);
                // the time as metrics.csv writes it (whole nanoseconds), so screen, export and `plot` agree
                double t = Double.parseDouble(MessageTraceCsv.formatSeconds(m.timeS()));
                append(m.round() + 1, m.linkBits(), t, value(m.values(), YMetric.LOSS),
                        value(m.values(), YMetric.ACCURACY), value(m.values(), YMetric.CONSENSUS_ERROR));
            }
            grew |= n > consumed;
            consumed = n;
            return grew;
        }

        private static double value(Map<String, Double> m, YMetric y) {
            Double v = m.get(y.column());
            return v == null ? Double.NaN : v;
        }

        /** The run table's row. */
        public RunRow row() {
            int last = size - 1;
            String fp = fingerprint;
            String st = status;
            if (live != null) {
                RunSummary s = live.summary();
                LiveRun.State state = live.state();
                fp = s != null && state != LiveRun.State.RUNNING ? s.fingerprint() : "";
                st = state.name().toLowerCase(java.util.Locale.ROOT);
            }
            return new RunRow(this, label, info[0], info[1], info[2], Math.max(0, size - 1), planned,
                    last < 0 ? Double.NaN : lastFinite(0), last < 0 ? Double.NaN : lastFinite(1),
                    last < 0 ? Double.NaN : lastFinite(2), last < 0 ? 0 : (long) bits[last],
                    last < 0 ? 0 : time[last], st, fp, dir.toString());
        }

        private double lastFinite(int k) {
            for (int i = size - 1; i >= 0; i--) {
                if (Double.isFinite(values[k][i])) {
                    return values[k][i];
                }
            }
            return Double.NaN;
        }

        List<LinkUse> linkUse() {
            Topology topo = live.plan().topology();
            IndexedGraph g = topo.indexed();
            int m = g.linkCount();
            if (linkForward == null) {
                linkForward = new long[m];
                linkBack = new long[m];
            }
            RunRecording rec = live.recording();
            int h = rec.hopCount();
            for (int i = hopsCounted; i < h; i++) {
                int s = rec.hopSrc(i);
                int d = rec.hopDst(i);
                if (s < 0 || s >= g.nodeCount()) {
                    continue;
                }
                for (int k = 0, deg = g.degree(s); k < deg; k++) {
                    if (g.neighbour(s, k) == d) {
                        int e = g.neighbourLink(s, k);
                        if (g.linkSource(e) == s) {
                            linkForward[e] += rec.hopBits(i);
                        } else {
                            linkBack[e] += rec.hopBits(i);
                        }
                        break;
                    }
                }
            }
            hopsCounted = h;
            double t = size > 1 ? time[size - 1] : rec.frontier();
            List<Link> links = new ArrayList<>(topo.links());
            List<LinkUse> out = new ArrayList<>(m);
            for (int e = 0; e < m; e++) {
                Link l = links.get(e);
                double capacity = l.bandwidthMbps() * 1e6 * t;
                long busier = Math.max(linkForward[e], linkBack[e]);
                out.add(new LinkUse(g.id(g.linkSource(e)) + "\u2013" + g.id(g.linkTarget(e)), linkForward[e], linkBack[e],
                        capacity > 0 ? busier / capacity : 0));
            }
            out.sort((a, b) -> Double.compare(b.utilisation(), a.utilisation()));
            return Collections.unmodifiableList(out);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A row of the run table.
     *
     * @param run         the run
     * @param label       legend label
     * @param algorithm   algorithm type ({@code pipeline} for a pipeline), or empty
     * @param topology    generator type, or {@code listed}
     * @param nodes       node count, or empty when unknown
     * @param roundsDone  rounds finished (rows after round 0)
     * @param roundsPlanned {@code run.rounds}
     * @param finalLoss   the last reported loss, NaN when none
     * @param finalAccuracy the last reported accuracy, NaN when none
     * @param finalConsensusError the last reported consensus error, NaN when none
     * @param bits        bits carried by links so far
     * @param simTimeS    simulated time of the last round, seconds
     * @param status      running, completed, stopped, ... (empty when unknown)
     * @param fingerprint SHA-256 of messages.csv once the run has ended, else empty
     * @param folder      the run's folder
     */
    public record RunRow(ChartRun run, String label, String algorithm, String topology, String nodes, int roundsDone,
                         int roundsPlanned, double finalLoss, double finalAccuracy, double finalConsensusError, long bits,
                         double simTimeS, String status, String fingerprint, String folder) {
    }
}
