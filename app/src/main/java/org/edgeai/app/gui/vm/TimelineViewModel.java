package org.edgeai.app.gui.vm;

import static org.edgeai.app.gui.run.SortedTimes.lowerBound;
import static org.edgeai.app.gui.run.SortedTimes.upperBound;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.pipeline.PipelineResult;
import org.edgeai.model.pipeline.schedule.Phase;
import org.edgeai.model.pipeline.schedule.ScheduleResult;
import org.edgeai.model.pipeline.schedule.StageStats;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * The Timeline view's state: a Gantt chart of the run the session shows ({@link RunSession#recording()}), one row per
 * node, with its computations and the hops it sends and receives on the simulated time axis, the playback cursor, a
 * zoomable window of time, and for a pipeline the micro-batch and phase of every block, the bubble fraction and the
 * per-stage figures. JavaFX properties only, no Node; the view paints the {@link Frame} this fills.
 *
 * <h2>Blocks</h2>
 * A row has three lanes: computations (the recording's, per node); sends (per hop, the sender's transmission
 * [first bit, first bit + bits / bandwidth of the hop's link]); receives (the receiver's reception [arrival − bits /
 * bandwidth, arrival], i.e. the transmission shifted by the latency). Without a link between the hop's ends (the
 * topology changed) a send spans first bit to arrival.
 *
 * <h2>Cost</h2>
 * The lanes are kept per node in start order, filled incrementally from the recording ({@link #sync()}: O(new
 * records) a frame, plus the hops whose arrival is still unknown). A frame ({@link #frame}) visits only the visible
 * rows, finds the first visible block of a lane by binary search, and merges blocks narrower than
 * {@link #MIN_BLOCK_PX} into runs, jumping over the merged ones by binary search: O(visible rows × (drawn rects ×
 * log blocks)), at most about one rect per pixel column per lane whatever the number of blocks.
 */
public final class TimelineViewModel {

    /** Height of a row, px. */
    public static final double ROW_HEIGHT = 26;
    /** Blocks narrower than this (px) are merged with their neighbours into runs. */
    public static final double MIN_BLOCK_PX = 2;

    /** Lane (category) of a block: a computation, a sent hop, a received hop. */
    public static final int COMPUTE = 0;
    public static final int SEND = 1;
    public static final int RECEIVE = 2;
    /** Style bit: a run of merged sub-pixel blocks. */
    public static final int MERGED = 8;
    /** Colour index meaning "none" (not a pipeline). */
    public static final int NO_COLOUR = 255;
    /** Phases in a computation's style: none (engine run), then {@link Phase} ordinal + 1. */
    public static final int NO_PHASE = 0;

    private final RunSession session;
    private final PipelineRunViewModel pipelines;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No run yet: run an experiment (a pipeline "
            + "experiment shows its schedule here).");
    private final ReadOnlyStringWrapper bubble = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper rowsVersion = new ReadOnlyLongWrapper();

    private RunRecording rec;
    private PipelineRecording pipe;
    private Topology topology;
    private int[] rowNodes = new int[0];
    private String[] rowLabels = new String[0];
    private String[] rowDetails = new String[0];
    private Lane[][] lanes = new Lane[0][]; // per node: compute, send, receive
    private int hopsIndexed;
    private int[] pending = new int[16];
    private int pendingCount;
    private final Map<Long, Double> linkBps = new HashMap<>();

    // the window of time shown
    private double t0;
    private double spp = 1e-3; // seconds per pixel
    private boolean fit = true;
    private double plotWidth = 800;
    private int firstRow;
    private final Frame frame = new Frame();

    /**
     * @param pipelines where pipeline runs come from (their per-block data), or null
     */
    public TimelineViewModel(RunSession session, PipelineRunViewModel pipelines) {
        this.session = session;
        this.pipelines = pipelines;
        session.recordingProperty().addListener((o, a, r) -> reset(r));
        reset(session.recording());
    }

    // ------------------------------------------------------------------ texts

    /** What is shown: the pipeline (schedule, model, stages, micro-batches) or the run. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** For a pipeline, {@code bubble fraction 0.1234} exactly as the {@code pipeline} command prints it; else empty. */
    public ReadOnlyStringProperty bubbleProperty() {
        return bubble.getReadOnlyProperty();
    }

    /** For a pipeline, makespan and throughput as the command prints them; else the recorded span. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Bumped when the rows change (another run shown): the view re-reads labels and the row count. */
    public ReadOnlyLongProperty rowsVersionProperty() {
        return rowsVersion.getReadOnlyProperty();
    }

    public int rowCount() {
        return rowNodes.length;
    }

    /** The node index (topology order) of row {@code r}. */
    public int rowNode(int r) {
        return rowNodes[r];
    }

    /** The row's node label (for a pipeline with its stage). */
    public String rowLabel(int r) {
        return rowLabels[r];
    }

    /** A second line: for a pipeline the stage's busy time and share of the span; else empty. */
    public String rowDetail(int r) {
        return rowDetails[r];
    }

    /** The pipeline shown, or null. */
    public PipelineRecording pipeline() {
        return pipe;
    }

    // ------------------------------------------------------------------ the run shown

    private void reset(RunRecording r) {
        rec = r;
        pipe = null;
        if (pipelines != null && pipelines.current() != null && pipelines.current().recording() == r) {
            pipe = pipelines.current();
        }
        topology = pipe != null ? pipe.topology()
                : session.editorProperty().get() != null ? session.editorProperty().get().topology().copy() : null;
        hopsIndexed = 0;
        pendingCount = 0;
        firstRow = 0;
        fit = true;
        linkBps.clear();
        int n = r == null ? 0 : r.nodes();
        String[] ids = new String[n];
        String[] labels = new String[n];
        boolean matches = topology != null && topology.nodeCount() == n;
        int i = 0;
        if (matches) {
            Map<String, Integer> index = new HashMap<>();
            for (Node node : topology.nodes()) {
                ids[i] = node.id();
                labels[i] = node.label().isEmpty() ? node.id() : node.label();
                index.put(node.id(), i++);
            }
            for (Link l : topology.links()) {
                int a = index.get(l.source());
                int b = index.get(l.target());
                linkBps.put(pair(a, b), l.bitsPerSecond());
                linkBps.put(pair(b, a), l.bitsPerSecond());
            }
        } else {
            for (; i < n; i++) {
                ids[i] = "node " + i;
                labels[i] = ids[i];
            }
        }
        lanes = new Lane[n][];
        for (int v = 0; v < n; v++) {
            lanes[v] = new Lane[] {new Lane(), new Lane(), new Lane()};
        }
        if (pipe != null) {
            pipelineTexts(labels);
        } else {
            rowNodes = new int[n];
            for (int v = 0; v < n; v++) {
                rowNodes[v] = v;
            }
            rowLabels = labels;
            rowDetails = new String[n];
            Arrays.fill(rowDetails, "");
            bubble.set("");
            summary.set("");
            title.set(r == null ? "No run yet: run an experiment (a pipeline experiment shows its schedule here)."
                    : "Run on " + n + " nodes: computations and hops per node");
        }
        sync();
        rowsVersion.set(rowsVersion.get() + 1);
    }

    private void pipelineTexts(String[] labels) {
        PipelineResult result = pipe.result();
        ScheduleResult s = result.schedule();
        rowNodes = pipe.rowNodes();
        rowLabels = new String[rowNodes.length];
        rowDetails = new String[rowNodes.length];
        double span = s.lastComputeEnd() - s.firstStart();
        Map<String, Integer> stageOf = new HashMap<>();
        for (int st = 0; st < result.partition().stageCount(); st++) {
            for (String id : result.partition().stage(st).nodes()) {
                stageOf.putIfAbsent(id, st);
            }
        }
        for (int r = 0; r < rowNodes.length; r++) {
            String id = pipe.nodeId(rowNodes[r]);
            Integer st = stageOf.get(id);
            rowLabels[r] = labels[rowNodes[r]] + (st == null ? " (relay)" : "  · stage " + st);
            if (st == null) {
                rowDetails[r] = "forwards messages";
            } else {
                StageStats ss = s.stages().get(st);
                int replicas = result.partition().stage(st).replicas();
                double busyShare = span <= 0 ? 0 : ss.computeSeconds() / (replicas * span);
                rowDetails[r] = String.format(Locale.ROOT, "busy %s (%.0f%%)", duration(ss.computeSeconds() / replicas),
                        100 * busyShare);
            }
        }
        var spec = result.spec();
        title.set(String.format(Locale.ROOT, "%s · %s · %d stages · %d micro-batches × %d samples · %d minibatch%s",
                scheduleName(spec.schedule().id()), result.model().name(), result.partition().stageCount(),
                spec.effectiveMicroBatches(), spec.effectiveMicroBatchSize(), spec.minibatches(),
                spec.minibatches() == 1 ? "" : "es"));
        bubble.set(pipe.bubbleText());
        summary.set(pipe.summaryText());
    }

    private static String scheduleName(String id) {
        return switch (id) {
            case "gpipe" -> "GPipe";
            case "1f1b" -> "1F1B";
            case "pipedream" -> "PipeDream";
            default -> id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
        };
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    /** Moves what the recording gained since the last call into the lanes. O(new records + hops still open). */
    public void sync() {
        if (rec == null) {
            return;
        }
        for (int v = 0; v < lanes.length; v++) {
            Lane c = lanes[v][COMPUTE];
            int n = rec.computeCount(v);
            for (int k = c.n; k < n; k++) {
                c.add(rec.computeStart(v, k), rec.computeEnd(v, k), k);
            }
        }
        int h = rec.hopCount();
        for (int i = hopsIndexed; i < h; i++) {
            int src = rec.hopSrc(i);
            if (src < 0 || src >= lanes.length) {
                continue;
            }
            double send = rec.hopSend(i);
            double arrive = rec.hopArrive(i);
            double tx = transmission(i);
            lanes[src][SEND].add(send, Double.isNaN(tx) ? (Double.isNaN(arrive) ? send : arrive) : send + tx, i);
            if (Double.isNaN(arrive)) {
                if (pendingCount == pending.length) {
                    pending = Arrays.copyOf(pending, pendingCount * 2);
                }
                pending[pendingCount++] = i;
            } else {
                addReceive(i, arrive, tx);
            }
        }
        hopsIndexed = h;
        int kept = 0;
        for (int p = 0; p < pendingCount; p++) {
            int i = pending[p];
            double arrive = rec.hopArrive(i);
            if (Double.isNaN(arrive)) {
                pending[kept++] = i;
            } else {
                addReceive(i, arrive, transmission(i));
            }
        }
        pendingCount = kept;
    }

    private double transmission(int hop) {
        Double bps = linkBps.get(pair(rec.hopSrc(hop), rec.hopDst(hop)));
        return bps == null ? Double.NaN : Math.max(1, rec.hopBits(hop)) / bps;
    }

    private void addReceive(int hop, double arrive, double tx) {
        int dst = rec.hopDst(hop);
        if (dst < 0 || dst >= lanes.length) {
            return;
        }
        double start = Double.isNaN(tx) ? rec.hopSend(hop) : Math.max(rec.hopSend(hop), arrive - tx);
        lanes[dst][RECEIVE].add(start, arrive, hop);
    }

    /** Blocks in a node's lane (for tests and statistics). */
    public int laneSize(int node, int lane) {
        return lanes[node][lane].n;
    }

    /** Start of block {@code i} of a node's lane, in start order, seconds. */
    public double laneStart(int node, int lane, int i) {
        return lanes[node][lane].s[i];
    }

    /** End of block {@code i} of a node's lane, seconds. */
    public double laneEnd(int node, int lane, int i) {
        return lanes[node][lane].e[i];
    }

    /** The recording's index of block {@code i} of a lane: computation k of the node, or the hop. */
    public int laneId(int node, int lane, int i) {
        return lanes[node][lane].id[i];
    }

    // ------------------------------------------------------------------ the window of time

    /** Time at the left edge of the plot, seconds. */
    public double windowStart() {
        return t0;
    }

    /** Seconds per pixel. */
    public double secondsPerPixel() {
        return spp;
    }

    /** Whether the window follows the whole recording (fit), as it does until the user zooms or pans. */
    public boolean isFit() {
        return fit;
    }

    /** Time at plot x (px), seconds. */
    public double timeAt(double x) {
        return t0 + x * spp;
    }

    /** Plot x (px) of time {@code t}. */
    public double xOf(double t) {
        return (t - t0) / spp;
    }

    /** Shows the whole recording (and keeps following it as it grows). */
    public void fit() {
        fit = true;
        applyFit();
    }

    private void applyFit() {
        double end = rec == null ? 0 : rec.frontier();
        t0 = 0;
        spp = Math.max(end, 1e-9) * 1.02 / Math.max(1, plotWidth);
    }

    /**
     * Zooms by {@code factor} (&gt; 1 in) keeping the time under plot x {@code x} in place; 1 ns to 1 day per pixel.
     */
    public void zoomAt(double factor, double x) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be > 0, got " + factor);
        }
        double t = timeAt(x);
        spp = Math.max(1e-9, Math.min(86_400, spp / factor));
        t0 = t - x * spp;
        fit = false;
    }

    /** Moves the window by {@code dx} pixels (positive: earlier times come into view). */
    public void panBy(double dx) {
        t0 -= dx * spp;
        fit = false;
    }

    /** Shows the time span [a, b] across the plot. */
    public void showSpan(double a, double b) {
        if (!(b > a)) {
            throw new IllegalArgumentException("span must have b > a, got [" + a + ", " + b + "]");
        }
        t0 = a;
        spp = (b - a) / Math.max(1, plotWidth);
        fit = false;
    }

    /** Puts the playback cursor at the time under plot x (a click on the timeline). */
    public void seekAt(double x) {
        session.seek(Math.max(0, timeAt(x)));
    }

    /** The first row shown (vertical scrolling). */
    public int firstRow() {
        return firstRow;
    }

    public void setFirstRow(int r) {
        firstRow = Math.max(0, Math.min(r, Math.max(0, rowNodes.length - 1)));
    }

    // ------------------------------------------------------------------ ticks

    /** The distance between labelled ticks for the current zoom: 1, 2 or 5 × 10^k s, at least {@code minPx} apart. */
    public double tickStep(double minPx) {
        double raw = minPx * spp;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A tick's label with the unit of the step: {@code 250 ms}, {@code 1.5 s}, {@code 20 µs}. */
    public static String tickLabel(double t, double step) {
        double scale;
        String unit;
        if (step >= 0.1 - 1e-12) {
            scale = 1;
            unit = " s";
        } else if (step >= 1e-4 - 1e-16) {
            scale = 1e3;
            unit = " ms";
        } else {
            scale = 1e6;
            unit = " µs";
        }
        double v = t * scale;
        double s = step * scale;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(s) - 1e-9));
        if (Math.abs(v) < s * 1e-6) {
            v = 0;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v) + unit;
    }

    /** A duration with a fitting unit. */
    public static String duration(double s) {
        return org.edgeai.app.gui.run.PlaybackClock.duration(s);
    }

    // ------------------------------------------------------------------ the frame

    /**
     * What to draw: rects in plot coordinates (x from the plot's left edge, px; rows as indices from
     * {@link #firstRow()}), each with a style ({@link #category}, {@link #phase}, {@link #colour}, {@link #MERGED})
     * and a label (the micro-batch within its minibatch for a pipeline block wide enough, else -1). Reused by every
     * frame: read it before the next call.
     */
    public static final class Frame {
        int n;
        int[] row = new int[256];
        double[] x0 = new double[256];
        double[] x1 = new double[256];
        int[] style = new int[256];
        int[] label = new int[256];
        /** The cursor's plot x, px. */
        public double cursorX;
        /** Rows visible: [firstRow, firstRow + rows). */
        public int firstRow;
        public int rows;
        /** Blocks visited while filling (statistics). */
        public long visited;

        void clear() {
            n = 0;
            visited = 0;
        }

        void add(int r, double a, double b, int s, int l) {
            if (n == row.length) {
                int c = n * 2;
                row = Arrays.copyOf(row, c);
                x0 = Arrays.copyOf(x0, c);
                x1 = Arrays.copyOf(x1, c);
                style = Arrays.copyOf(style, c);
                label = Arrays.copyOf(label, c);
            }
            row[n] = r;
            x0[n] = a;
            x1[n] = b;
            style[n] = s;
            label[n] = l;
            n++;
        }

        public int size() {
            return n;
        }

        /** Row of rect i, relative to {@link #firstRow}. */
        public int row(int i) {
            return row[i];
        }

        public double x0(int i) {
            return x0[i];
        }

        public double x1(int i) {
            return x1[i];
        }

        public int style(int i) {
            return style[i];
        }

        public int label(int i) {
            return label[i];
        }
    }

    /** {@link #COMPUTE}, {@link #SEND} or {@link #RECEIVE}. */
    public static int category(int style) {
        return style & 3;
    }

    /** For a computation: {@link #NO_PHASE} or {@link Phase} ordinal + 1; for a hop: its {@link MessageKind} ordinal. */
    public static int phase(int style) {
        return (style >> 4) & 15;
    }

    /** The micro-batch colour index, or {@link #NO_COLOUR}. */
    public static int colour(int style) {
        return (style >> 8) & 255;
    }

    public static boolean merged(int style) {
        return (style & MERGED) != 0;
    }

    /** Palette size the colour indices cycle through. */
    public static final int PALETTE = 10;

    /**
     * Syncs the lanes, moves the window (fit, or following the cursor while playing) and fills the frame for a
     * plot of {@code width} x {@code height} px. JavaFX thread.
     */
    public Frame frame(double width, double height) {
        plotWidth = Math.max(1, width);
        sync();
        if (fit) {
            applyFit();
        } else if (rec != null && !session.clock().isPaused()) {
            double c = session.clock().cursor();
            double right = t0 + 0.97 * plotWidth * spp;
            if (c > right || c < t0) {
                t0 = c - 0.1 * plotWidth * spp; // page to keep the playing cursor in view
            }
        }
        frame.clear();
        frame.cursorX = xOf(session.clock().cursor());
        int visible = (int) Math.ceil(height / ROW_HEIGHT);
        frame.firstRow = firstRow;
        frame.rows = Math.max(0, Math.min(visible, rowNodes.length - firstRow));
        double t1 = t0 + plotWidth * spp;
        for (int r = 0; r < frame.rows; r++) {
            int v = rowNodes[firstRow + r];
            for (int lane = 0; lane < 3; lane++) {
                emit(r, v, lane, t1);
            }
        }
        return frame;
    }

    private void emit(int r, int v, int laneKind, double t1) {
        Lane lane = lanes[v][laneKind];
        int n = lane.n;
        if (n == 0) {
            return;
        }
        double[] s = lane.s;
        double[] e = lane.e;
        int i;
        if (laneKind == COMPUTE) { // a node computes one thing at a time: ends are in order too
            i = Math.max(0, upperBound(s, 0, n, t0) - 1);
        } else {
            i = lowerBound(s, 0, n, t0 - lane.maxDur);
        }
        while (i < n && s[i] < t1) {
            frame.visited++;
            if (e[i] < t0) {
                i++;
                continue;
            }
            double x0 = (s[i] - t0) / spp;
            double x1 = (e[i] - t0) / spp;
            if (x1 - x0 >= MIN_BLOCK_PX) {
                frame.add(r, x0, x1, style(v, laneKind, lane.id[i]), label(v, laneKind, lane.id[i]));
                i++;
                continue;
            }
            int first = i;
            double a = x0;
            double b = Math.max(x1, x0 + 1);
            while (true) {
                int j = lowerBound(s, i + 1, n, t0 + b * spp); // blocks i..j-1 start left of b: merged
                double maxEnd = Math.max(e[i], e[j - 1]);
                b = Math.max(b, (maxEnd - t0) / spp);
                frame.visited += j - i;
                i = j;
                if (i >= n || s[i] >= t1) {
                    break;
                }
                double nx0 = (s[i] - t0) / spp;
                double nx1 = (e[i] - t0) / spp;
                if (nx0 > b + 1 || nx1 - nx0 >= MIN_BLOCK_PX) {
                    break;
                }
                b = Math.max(b, Math.max(nx1, nx0 + 1));
            }
            frame.add(r, a, b, style(v, laneKind, lane.id[first]) | MERGED, -1);
        }
    }

    private int style(int v, int laneKind, int id) {
        int phase = NO_PHASE;
        int colour = NO_COLOUR;
        if (laneKind == COMPUTE) {
            if (pipe != null) {
                phase = pipe.computePhase(v, id).ordinal() + 1;
                colour = pipe.computeMicrobatch(v, id) % pipe.microBatches() % PALETTE;
            }
        } else {
            phase = rec.hopKind(id).ordinal();
            if (pipe != null) {
                colour = pipe.hopMicrobatch(id) % pipe.microBatches() % PALETTE;
            }
        }
        return laneKind | (phase << 4) | (colour << 8);
    }

    private int label(int v, int laneKind, int id) {
        if (pipe == null || laneKind != COMPUTE || pipe.computePhase(v, id) == Phase.UPDATE) {
            return -1;
        }
        return pipe.computeMicrobatch(v, id) % pipe.microBatches();
    }

    /** Blocks of one lane of one node, in start order (insertion from the end: records come almost in order). */
    static final class Lane {
        double[] s = new double[8];
        double[] e = new double[8];
        int[] id = new int[8];
        int n;
        double maxDur;

        void add(double start, double end, int ident) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
                id = Arrays.copyOf(id, n * 2);
            }
            int i = n;
            while (i > 0 && s[i - 1] > start) {
                s[i] = s[i - 1];
                e[i] = e[i - 1];
                id[i] = id[i - 1];
                i--;
            }
            s[i] = start;
            e[i] = end;
            id[i] = ident;
            n++;
            maxDur = Math.max(maxDur, end - start);
        }
    }
}
