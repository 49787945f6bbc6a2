package org.edgeai.app.gui.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.run.RunRegistries;
import org.edgeai.model.sweep.SweepListener;
import org.edgeai.model.sweep.SweepPoint;
import org.edgeai.model.sweep.SweepRunner;
import org.edgeai.model.sweep.SweepSpec;

/**
 * The Compare dialog's state: a sweep grid built from the open experiment (up to {@link #MAX_AXES} JSON paths,
 * each with a list of values), run in the background by the model's {@link SweepRunner} into a sweep folder
 * ({@code DIR/compare.json} (the sweep file), {@code DIR/runs/<point-id>/}, {@code DIR/index.csv}: the folder
 * {@code sweep} writes, so {@code plot DIR} draws it), and its finished points overlaid on the charts. No
 * {@code Node}s.
 *
 * <p>Values are written as in a sweep file's grid, separated by commas: JSON values ({@code 0.05}, {@code true},
 * {@code null}, {@code "ring"}, {@code {"type": "qsgd"}}), a bare word being a string ({@code ring, complete}).
 */
public final class CompareViewModel {

    /** Parameters a comparison may vary at once. */
    public static final int MAX_AXES = 3;
    /** The sweep file written into the sweep folder. */
    public static final String SWEEP_FILE = "compare.json";

    /** Paths offered first (when the experiment has them or could have them). */
    public static final List<String> COMMON = List.of("topology.generator.type", "topology.generator.nodes",
            "algorithm.type", "algorithm.learningRate", "compression", "compression.type", "compression.ratio", "seed",
            "run.rounds");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One swept parameter: a JSON path and its values' text. */
    public static final class Axis {
        private final StringProperty path = new SimpleStringProperty("");
        private final StringProperty values = new SimpleStringProperty("");

        public StringProperty pathProperty() {
            return path;
        }

        public StringProperty valuesProperty() {
            return values;
        }
    }

    private final Path experimentFile;
    private final ObjectNode experiment;
    private final RunRegistries registries;
    private final UiExecutors executors;
    private final ChartsViewModel charts;
    private final Path sweepDir;
    private final ObservableList<Axis> axes = FXCollections.observableArrayList();
    private final ObservableList<String> parameters = FXCollections.observableArrayList();
    private final Map<String, String> current = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param experimentFile the experiment to compare settings of (read now)
     * @param registries     what the points are validated and run with
     * @param executors      where the sweep runs ({@code background}) and its runs come back ({@code ui})
     * @param charts         where the finished points' runs are overlaid
     * @param sweepDir       the sweep folder to write (created; must not hold another sweep)
     * @throws IllegalArgumentException when the file is not a JSON object
     */
    public CompareViewModel(Path experimentFile, RunRegistries registries, UiExecutors executors, ChartsViewModel charts,
                            Path sweepDir) {
        this.experimentFile = Objects.requireNonNull(experimentFile, "experimentFile");
        this.registries = Objects.requireNonNull(registries, "registries");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.sweepDir = Objects.requireNonNull(sweepDir, "sweepDir");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(experimentFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(experimentFile + ": cannot read: " + e.getMessage());
        }
        if (!(root instanceof ObjectNode o)) {
            throw new IllegalArgumentException(experimentFile + ": expected an experiment (a JSON object)");
        }
        experiment = o;
        JsonNode own = experiment.remove(SweepSpec.SECTION); // a sweep file's own grid starts the dialog
        collect("", experiment);
        List<String> offered = new ArrayList<>();
        for (String p : COMMON) {
            offered.add(p);
        }
        for (String p : current.keySet()) {
            if (!offered.contains(p)) {
                offered.add(p);
            }
        }
        parameters.setAll(offered);
        axes.addListener((javafx.collections.ListChangeListener<Axis>) c -> updateSummary());
        JsonNode ownGrid = own == null ? null : own.path("grid");
        if (ownGrid != null && ownGrid.isObject() && ownGrid.size() > 0) {
            Iterator<Map.Entry<String, JsonNode>> it = ownGrid.fields();
            while (it.hasNext() && axes.size() < MAX_AXES) {
                Map.Entry<String, JsonNode> e = it.next();
                addAxis();
                Axis a = axes.get(axes.size() - 1);
                a.path.set(e.getKey());
                StringBuilder sb = new StringBuilder();
                for (JsonNode v : e.getValue()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(v.isTextual() ? v.asText() : v.toString());
                }
                a.values.set(sb.toString());
            }
        } else {
            addAxis();
            axes.get(0).path.set("topology.generator.type");
        }
        updateSummary();
    }

    /** Scalar settings of the experiment by JSON path (listed nodes and links left out). */
    private void collect(String prefix, JsonNode n) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                String p = prefix.isEmpty() ? k : prefix + "." + k;
                if (p.equals("schemaVersion") || p.equals("name") || p.equals("description") || p.equals("topology.nodes")
                        || p.equals("topology.links") || p.equals("network.linkEvents")) {
                    continue;
                }
                collect(p, e.getValue());
            }
        } else if (n.isValueNode()) {
            current.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }

    /** The swept parameters (one to {@link #MAX_AXES}). */
    public ObservableList<Axis> axes() {
        return axes;
    }

    /** Adds a parameter row; false when there are {@link #MAX_AXES} already. */
    public boolean addAxis() {
        if (axes.size() >= MAX_AXES) {
            return false;
        }
        Axis a = new Axis();
        a.path.addListener((o, x, y) -> updateSummary());
        a.values.addListener((o, x, y) -> updateSummary());
        axes.add(a);
        return true;
    }

    /** JSON paths offered for a parameter: the common ones, then every scalar setting of the experiment. */
    public ObservableList<String> parameters() {
        return parameters;
    }

    /** The experiment's current value at {@code path}, or empty (absent: the documented default applies). */
    public String currentValue(String path) {
        return current.getOrDefault(path, "");
    }

    /** "n points" or what is wrong with the grid. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Path sweepDir() {
        return sweepDir;
    }

    private void updateSummary() {
        try {
            Map<String, List<JsonNode>> g = grid();
            int n = 1;
            for (List<JsonNode> v : g.values()) {
                n *= v.size();
            }
            summary.set(n + " run" + (n == 1 ? "" : "s") + " into " + sweepDir);
        } catch (IllegalArgumentException e) {
            summary.set(e.getMessage());
        }
    }

    /**
     * The grid as a sweep file holds it, in the rows' order.
     *
     * @throws IllegalArgumentException naming the row when a path is empty or repeated or has no values
     */
    public Map<String, List<JsonNode>> grid() {
        Map<String, List<JsonNode>> g = new LinkedHashMap<>();
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            String p = a.path.get() == null ? "" : a.path.get().trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("parameter " + (i + 1) + ": choose a setting (a JSON path such as algorithm.type)");
            }
            if (g.containsKey(p)) {
                throw new IllegalArgumentException("parameter " + (i + 1) + ": " + p + " is already compared above");
            }
            List<JsonNode> v = parseValues(a.values.get());
            if (v.isEmpty()) {
                throw new IllegalArgumentException("parameter " + (i + 1) + " (" + p + "): give its values, separated by commas");
            }
            g.put(p, v);
        }
        return g;
    }

    /**
     * Values separated by top-level commas; each a JSON value, or a bare word taken as a string.
     * {@code ring, complete} → ["ring", "complete"]; {@code 0.1, 0.05} → [0.1, 0.05]; {@code null, {"type": "qsgd"}}.
     */
    public static List<JsonNode> parseValues(String text) {
        List<JsonNode> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length()) {
                    cur.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(out, cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        add(out, cur.toString());
        return out;
    }

    private static void add(List<JsonNode> out, String token) {
        String t = token.trim();
        if (t.isEmpty()) {
            return;
        }
        try {
            out.add(JSON.readTree(t));
        } catch (JsonProcessingException e) {
            out.add(TextNode.valueOf(t));
        }
    }

    // ------------------------------------------------------------------ running

    /** What a finished sweep gave: the runner's result and its complete points' runs, labelled, in point order. */
    public record Outcome(SweepRunner.Result result, List<ChartsViewModel.ChartRun> runs) {
    }

    /** Asks a running sweep to stop (its running points stop at the end of their round). Any thread. */
    public void cancel() {
        cancel.set(true);
    }

    /**
     * Writes the sweep file, validates and runs every point, and reads the complete points' runs back. Blocking: a
     * background thread (or a test).
     *
     * @param listener progress, or null
     * @throws IllegalArgumentException for a bad grid; the model's exceptions for a bad point (located)
     */
    public Outcome runSweep(SweepListener listener) {
        Map<String, List<JsonNode>> g = grid();
        ObjectNode file = experiment.deepCopy();
        ObjectNode sweep = file.putObject(SweepSpec.SECTION);
        ObjectNode grid = sweep.putObject("grid");
        g.forEach((p, v) -> {
            ArrayNode a = grid.putArray(p);
            v.forEach(a::add);
        });
        Path sweepFile = sweepDir.resolve(SWEEP_FILE);
        try {
            Files.createDirectories(sweepDir);
            Files.writeString(sweepFile, PrettyJson.write(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sweepFile + ": " + e.getMessage(), e);
        }
        SweepSpec spec = SweepSpec.load(sweepFile, List.of(), registries);
        cancel.set(false);
        SweepRunner.Options o = SweepRunner.Options.defaults().withCancel(cancel).withClock(System::nanoTime)
                .withListener(listener);
        SweepRunner.Result r = new SweepRunner(spec, registries).run(sweepDir, o);
        List<ChartsViewModel.ChartRun> runs = new ArrayList<>();
        for (SweepPoint p : spec.points()) {
            Path run = sweepDir.resolve("runs").resolve(p.id());
            if (Files.isRegularFile(run.resolve("summary.json"))) {
                runs.add(ChartsViewModel.readRun(run, label(p, g)));
            }
        }
        return new Outcome(r, runs);
    }

    /** A point's legend label: the values of the parameters that vary ({@code ring, learningRate=0.05}). */
    static String label(SweepPoint p, Map<String, List<JsonNode>> grid) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
            if (e.getValue().size() < 2 && grid.size() > 1) {
                continue;
            }
            JsonNode v = p.values().get(e.getKey());
            String path = e.getKey();
            String text;
            if (v.isTextual()) {
                text = v.asText();
            } else if (v.isObject() && v.has("type")) {
                text = path.substring(path.lastIndexOf('.') + 1) + "=" + v.get("type").asText();
            } else {
                text = path.substring(path.lastIndexOf('.') + 1) + "=" + v;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(text);
        }
        return sb.length() == 0 ? p.id() : sb.toString();
    }

    private Runnable onFinished = () -> { };

    /** What to do once the runs are on the charts (the window shows the Charts view). */
    public void setOnFinished(Runnable r) {
        onFinished = r == null ? () -> { } : r;
    }

    /** Overlays an outcome's runs on the charts, then brings the charts forward. JavaFX thread. */
    public void finish(Outcome o) {
        charts.addAll(o.runs());
        if (!o.runs().isEmpty()) {
            onFinished.run();
        }
    }

    /**
     * The sweep as a JavaFX task (for ControlsFX's {@code TaskProgressView}): progress per point, the point being run
     * as its message, the runs overlaid when it succeeds. Start it with {@link #start}.
     */
    public Task<Outcome> task() {
        return new Task<>() {
            {
                updateTitle("Compare: " + sweepDir.getFileName());
            }

            @Override
            protected Outcome call() {
                SweepListener l = new SweepListener() {
                    @Override
                    public void pointStarted(SweepPoint point, Counts c) {
                        updateMessage("running " + point.id() + " (" + (c.done() + 1) + " of " + c.total() + ")");
                        updateProgress(c.done(), c.total());
                    }

                    @Override
                    public void pointFinished(SweepPoint point, org.edgeai.model.run.RunSummary s, Counts c) {
                        updateProgress(c.done(), c.total());
                    }

                    @Override
                    public void pointFailed(SweepPoint point, RuntimeException e, Counts c) {
                        updateMessage(point.id() + " failed: " + e.getMessage());
                        updateProgress(c.done(), c.total());
                    }
                };
                return runSweep(l);
            }

            @Override
            protected void succeeded() {
                finish(getValue());
            }

            @Override
            public boolean cancel(boolean mayInterrupt) {
                CompareViewModel.this.cancel(); // the runner stops at the end of the running round
                return super.cancel(mayInterrupt);
            }
        };
    }

    /** Runs {@code task} on the background executor. */
    public void start(Task<Outcome> task) {
        executors.background().execute(task);
    }

    /** The experiment file the comparison starts from. */
    public Path experimentFile() {
        return experimentFile;
    }
}
