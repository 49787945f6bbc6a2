package org.edgeai.model.pipeline.split;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.JsonOut;
import org.edgeai.model.pipeline.Numbers;
import org.edgeai.model.pipeline.layers.ModelProfile;

/** The outcome of {@link SplitInference#run}: every cut, the best, the bandwidth sweep; and the writers. */
public final class SplitResult {

    /** Header of {@code split.csv}. */
    public static final String SPLIT_HEADER = "cut_after_layer,device_s,transfer_s,server_s,total_s,bits";
    /** Header of {@code sweep.csv}. */
    public static final String SWEEP_HEADER = "bandwidth_mbps,best_cut_after_layer,best_total_s,device_only_s,server_only_s";

    private final SplitSpec spec;
    private final ModelProfile model;
    private final List<String> route;
    private final List<SplitRow> rows;
    private final List<SweepPoint> sweep;

    SplitResult(SplitSpec spec, ModelProfile model, List<String> route, List<SplitRow> rows, List<SweepPoint> sweep) {
        this.spec = spec;
        this.model = model;
        this.route = List.copyOf(route);
        this.rows = List.copyOf(rows);
        this.sweep = List.copyOf(sweep);
    }

    public SplitSpec spec() {
        return spec;
    }

    public ModelProfile model() {
        return model;
    }

    /** Device ... server, the least-latency route. */
    public List<String> route() {
        return route;
    }

    /** One row per cut 0..L. */
    public List<SplitRow> rows() {
        return rows;
    }

    public SplitRow best() {
        return SplitInference.best(rows);
    }

    public List<SweepPoint> sweep() {
        return sweep;
    }

    /** The name of the layer after which a cut falls ({@code input} for cut 0). */
    public String layerName(int cut) {
        return cut == 0 ? "input" : model.layer(cut - 1).name();
    }

    /** Writes {@code split.csv}, {@code summary.json} and, with a sweep, {@code sweep.csv} into {@code dir}. */
    public void writeOutputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("split.csv"), StandardCharsets.UTF_8)) {
            w.write(SPLIT_HEADER + "\n");
            for (SplitRow r : rows) {
                w.write(r.cutAfterLayer() + "," + Numbers.format(r.deviceSeconds()) + "," + Numbers.format(r.transferSeconds())
                        + "," + Numbers.format(r.serverSeconds()) + "," + Numbers.format(r.totalSeconds()) + ","
                        + Numbers.format(r.bits()) + "\n");
            }
        }
        if (!sweep.isEmpty()) {
            try (Writer w = Files.newBufferedWriter(dir.resolve("sweep.csv"), StandardCharsets.UTF_8)) {
                w.write(SWEEP_HEADER + "\n");
                for (SweepPoint p : sweep) {
                    w.write(Numbers.format(p.bandwidthMbps()) + "," + p.best().cutAfterLayer() + ","
                            + Numbers.format(p.best().totalSeconds()) + "," + Numbers.format(p.deviceOnlySeconds()) + ","
                            + Numbers.format(p.serverOnlySeconds()) + "\n");
                }
            }
        }
        JsonOut.write(dir.resolve("summary.json"), summaryJson());
    }

    private ObjectNode rowJson(SplitRow r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cut_after_layer", r.cutAfterLayer());
        o.put("layer", layerName(r.cutAfterLayer()));
        o.put("device_s", r.deviceSeconds());
        o.put("transfer_s", r.transferSeconds());
        o.put("server_s", r.serverSeconds());
        o.put("total_s", r.totalSeconds());
        o.put("bits", r.bits());
        return o;
    }

    /**
     * {@code summary.json}: {@code best} (the best cut's row with its layer name), {@code model}, {@code device},
     * {@code server}, {@code route}, {@code layers}, {@code batch_size}, {@code precision_bits},
     * {@code device_only_s}, {@code server_only_s}, {@code early_exit} (or null) and {@code sweep} (per bandwidth:
     * {@code bandwidth_mbps, best_cut_after_layer, best_layer, best_total_s}). Keys in this order.
     */
    public ObjectNode summaryJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("best", rowJson(best()));
        o.put("model", model.name());
        o.put("device", spec.device());
        o.put("server", spec.server());
        ArrayNode r = o.putArray("route");
        route.forEach(r::add);
        o.put("layers", model.layerCount());
        o.put("batch_size", spec.batchSize());
        o.put("precision_bits", spec.precisionBits());
        o.put("device_only_s", rows.get(rows.size() - 1).totalSeconds());
        o.put("server_only_s", rows.get(0).totalSeconds());
        if (spec.earlyExit() == null) {
            o.putNull("early_exit");
        } else {
            ObjectNode e = o.putObject("early_exit");
            e.put("after_layer", spec.earlyExit().afterLayer());
            e.put("fraction", spec.earlyExit().fraction());
            e.put("exit_flops", spec.earlyExit().exitFlops());
        }
        ArrayNode s = o.putArray("sweep");
        for (SweepPoint p : sweep) {
            ObjectNode po = s.addObject();
            po.put("bandwidth_mbps", p.bandwidthMbps());
            po.put("best_cut_after_layer", p.best().cutAfterLayer());
            po.put("best_layer", layerName(p.best().cutAfterLayer()));
            po.put("best_total_s", p.best().totalSeconds());
        }
        return o;
    }
}
