package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import org.edgeai.app.gui.run.PlaybackClock;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.split.SplitInference;
import org.edgeai.model.pipeline.split.SplitResult;
import org.edgeai.model.pipeline.split.SplitRow;
import org.edgeai.model.pipeline.split.SplitSpec;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;

/**
 * The split-inference chart: total latency against the cut point, with its parts (device compute, transfer,
 * server compute) from {@link SplitInference#evaluate}, the best cut, and a bandwidth slider on a log scale that sets
 * every link of the device–server route to one bandwidth (as the file's {@code bandwidthSweepMbps} does) and
 * recomputes at once.
 *
 * <p>Recomputing is O(layers + route links) after a copy of the topology (O(nodes + links)); for the models and
 * topologies of a split experiment it takes microseconds, so it runs on the JavaFX thread as the slider moves.
 * JavaFX properties only, no Node.
 */
public final class SplitViewModel {

    /** Slider range, Mbit/s: 0.1 Mbit/s (a poor uplink) to 10 Gbit/s. */
    public static final double MIN_MBPS = 0.1;
    public static final double MAX_MBPS = 10_000;

    private final DoubleProperty slider = new SimpleDoubleProperty(0.5);
    private final ReadOnlyObjectWrapper<List<SplitRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper bestCut = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bandwidth = new ReadOnlyStringWrapper("");
    private SplitSpec spec;
    private Topology topology;
    private ModelProfile model;
    private List<String> route = List.of();
    private double fileMbps = Double.NaN;

    public SplitViewModel() {
        slider.addListener((o, a, b) -> recompute());
    }

    /**
     * A split experiment checked and profiled, ready to show: made by {@link #prepare} (off the JavaFX thread: building
     * a preset model and checking the route take a while the first time).
     */
    public record Prepared(SplitSpec spec, Topology topology, ModelProfile model, List<String> route, double fileMbps,
                           String name) {
    }

    /**
     * Checks a split spec against its topology and profiles its model. Any thread.
     *
     * @throws org.edgeai.model.pipeline.SpecException when the spec does not fit the topology
     */
    public static Prepared prepare(SplitSpec spec, Topology topology, String name) {
        SplitResult r = SplitInference.run(spec, topology); // validates nodes and route
        List<String> route = r.route();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < route.size(); i++) {
            Link l = topology.findLink(route.get(i), route.get(i + 1)).orElseThrow();
            min = Math.min(min, l.bandwidthMbps());
        }
        return new Prepared(spec, topology.copy(), r.model(), route, route.size() < 2 ? Double.NaN : min, name);
    }

    /** As {@link #show(Prepared)} after {@link #prepare}, on the calling thread. */
    public void show(SplitSpec spec, Topology topology, String name) {
        show(prepare(spec, topology, name));
    }

    /** Shows a prepared split experiment: the chart starts at the route's own bandwidth (its slowest link). */
    public void show(Prepared p) {
        this.spec = p.spec();
        this.topology = p.topology();
        this.model = p.model();
        this.route = p.route();
        this.fileMbps = p.fileMbps();
        title.set(p.name() + ": " + model.name() + ", " + String.join(" → ", route));
        double pos = Double.isNaN(fileMbps) ? 0.5 : positionOf(fileMbps);
        if (slider.get() == pos) {
            recompute();
        } else {
            slider.set(pos); // recomputes
        }
    }

    /** Whether an experiment is shown. */
    public boolean isShown() {
        return spec != null;
    }

    /** The slider position in [0, 1], log scale over [{@link #MIN_MBPS}, {@link #MAX_MBPS}]. */
    public DoubleProperty sliderProperty() {
        return slider;
    }

    /** The bandwidth at slider position {@code p}, Mbit/s. */
    public static double mbpsAt(double p) {
        double q = Math.max(0, Math.min(1, p));
        return MIN_MBPS * Math.pow(MAX_MBPS / MIN_MBPS, q);
    }

    /** The slider position of {@code mbps} (clamped to the range). */
    public static double positionOf(double mbps) {
        double p = Math.log(mbps / MIN_MBPS) / Math.log(MAX_MBPS / MIN_MBPS);
        return Math.max(0, Math.min(1, p));
    }

    /** The bandwidth every route link has in the chart, Mbit/s. */
    public double bandwidthMbps() {
        return mbpsAt(slider.get());
    }

    /** Sets the bandwidth (moves the slider). */
    public void setBandwidthMbps(double mbps) {
        slider.set(positionOf(mbps));
    }

    /** The route's own slowest link in the file, Mbit/s (NaN when device and server are one node). */
    public double fileBandwidthMbps() {
        return fileMbps;
    }

    /** One row per cut 0..L at the slider's bandwidth. */
    public ReadOnlyObjectProperty<List<SplitRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<SplitRow> rows() {
        return rows.get();
    }

    /** The best cut (layers on the device) at the slider's bandwidth, -1 when nothing is shown. */
    public ReadOnlyIntegerProperty bestCutProperty() {
        return bestCut.getReadOnlyProperty();
    }

    public int bestCut() {
        return bestCut.get();
    }

    /** Experiment name, model and route. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** E.g. "best: cut after layer 5 (pool2), total 41.2 ms". */
    public ReadOnlyStringProperty bestTextProperty() {
        return bestText.getReadOnlyProperty();
    }

    /** E.g. "10 Mbit/s". */
    public ReadOnlyStringProperty bandwidthTextProperty() {
        return bandwidth.getReadOnlyProperty();
    }

    public String bandwidthText() {
        return bandwidth.get();
    }

    /** Category labels of the cuts: {@code 0 input}, {@code 1 conv1}, ... */
    public List<String> cutLabels() {
        List<String> out = new ArrayList<>();
        for (SplitRow r : rows.get()) {
            out.add(r.cutAfterLayer() + " " + layerName(r.cutAfterLayer()));
        }
        return out;
    }

    /** The name of the layer a cut falls after ({@code input} for 0). */
    public String layerName(int cut) {
        return cut == 0 ? "input" : model.layer(cut - 1).name();
    }

    private void recompute() {
        double mbps = bandwidthMbps();
        bandwidth.set(mbpsText(mbps));
        if (spec == null) {
            return;
        }
        Topology t = SplitInference.withRouteBandwidth(topology, route, mbps);
        List<SplitRow> r = List.copyOf(SplitInference.evaluate(model, t, route, spec));
        SplitRow best = SplitInference.best(r);
        rows.set(r);
        bestCut.set(best.cutAfterLayer());
        bestText.set(String.format(Locale.ROOT, "best: cut after layer %d (%s), total %s", best.cutAfterLayer(),
                layerName(best.cutAfterLayer()), PlaybackClock.duration(best.totalSeconds())));
    }

    /** A bandwidth as text: 0.5 Mbit/s, 12.3 Mbit/s, 1.5 Gbit/s. */
    public static String mbpsText(double mbps) {
        return mbps >= 1000 ? trim(mbps / 1000) + " Gbit/s" : trim(mbps) + " Mbit/s";
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.3g", v);
        if (t.contains(".") && !t.contains("e")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return t;
    }
}
