package org.edgeai.model.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.pipeline.partition.StagePlan;
import org.edgeai.model.pipeline.schedule.PhaseRow;
import org.edgeai.model.pipeline.schedule.PipelineNetwork.LinkBits;
import org.edgeai.model.pipeline.schedule.ScheduleResult;
import org.edgeai.model.pipeline.schedule.StageStats;
import org.edgeai.model.topology.Topology;

/**
 * The result of {@link PipelineRunner#run}: the plan (path, partition) and the simulated schedule, with the
 * figures of the run and the writers of {@code schedule.csv} and {@code summary.json}. Immutable.
 */
public final class PipelineResult {

    /** Header of {@code schedule.csv}. */
    public static final String SCHEDULE_HEADER = "node,stage,microbatch,phase,t_start_s,t_end_s";

    private final PipelineSpec spec;
    private final ModelProfile model;
    private final List<String> path;
    private final Partition partition;
    private final ScheduleResult schedule;
    private final Topology topology;

    PipelineResult(PipelineSpec spec, ModelProfile model, List<String> path, Partition partition, ScheduleResult schedule,
                   Topology topology) {
        this.spec = spec;
        this.model = model;
        this.path = List.copyOf(path);
        this.partition = partition;
        this.schedule = schedule;
        this.topology = topology;
    }

    public PipelineSpec spec() {
        return spec;
    }

    public ModelProfile model() {
        return model;
    }

    /** The nodes the pipeline runs on, in order. */
    public List<String> path() {
        return path;
    }

    public Partition partition() {
        return partition;
    }

    /** The simulated schedule (rows for a timeline, per-stage statistics, link bits). */
    public ScheduleResult schedule() {
        return schedule;
    }

    /** Every computation and message of the run, sorted by start time (for a timeline). */
    public List<PhaseRow> rows() {
        return schedule.rows();
    }

    /** End of the run in seconds (all minibatches). */
    public double totalSeconds() {
        return schedule.totalSeconds();
    }

    /** Mean time per minibatch in seconds: total time / minibatches (the whole run for one minibatch). */
    public double makespanSeconds() {
        return schedule.totalSeconds() / spec.minibatches();
    }

    /** Per minibatch j: its end minus the previous minibatch's end (the first's from time 0). */
    public double[] minibatchMakespans() {
        double[] ends = schedule.minibatchEnds();
        double[] out = new double[ends.length];
        double prev = 0;
        for (int j = 0; j < ends.length; j++) {
            out[j] = ends[j] - prev;
            prev = ends[j];
        }
        return out;
    }

    /** Samples per second over the run: minibatches x microBatches x microBatchSize / total time. */
    public double throughput() {
        return spec.minibatches() * (double) spec.samplesPerMinibatch() / schedule.totalSeconds();
    }

    /** See {@link ScheduleResult#bubbleFraction()}. */
    public double bubbleFraction() {
        return schedule.bubbleFraction();
    }

    /** Writes {@code schedule.csv} and {@code summary.json} into {@code dir} (created if missing). */
    public void writeOutputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeScheduleCsv(dir.resolve("schedule.csv"));
        JsonOut.write(dir.resolve("summary.json"), summaryJson());
    }

    /** {@code schedule.csv}: header {@link #SCHEDULE_HEADER}, one row per {@link PhaseRow}, in order. */
    public void writeScheduleCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(SCHEDULE_HEADER);
            w.write('\n');
            for (PhaseRow r : schedule.rows()) {
                w.write(r.node() + "," + r.stage() + "," + r.microbatch() + "," + r.phase().id() + ","
                        + Numbers.format(r.start()) + "," + Numbers.format(r.end()) + "\n");
            }
        }
    }

    /**
     * {@code summary.json}: {@code makespan_s} (mean per minibatch), {@code throughput_samples_s},
     * {@code bubble_fraction}, {@code total_time_s}, {@code minibatch_makespans_s}, the plan
     * ({@code schedule, partitioner, model, nodes, micro_batches, micro_batch_size, minibatches,
     * precision_bits, rematerialize}), {@code stages} (per stage: {@code stage, layers} (names), {@code node},
     * {@code replicas}, {@code compute_s}, {@code peak_memory_bytes}, {@code weight_versions}, {@code weight_bytes},
     * {@code peak_activation_bytes}, {@code peak_in_flight}, {@code max_staleness}, {@code mean_staleness},
     * {@code node_memory_bytes}, {@code fits_memory}) and {@code links} (per topology link: {@code source, target,
     * bits, bits_source_to_target, bits_target_to_source}). Keys in this order.
     */
    public ObjectNode summaryJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("makespan_s", makespanSeconds());
        o.put("throughput_samples_s", throughput());
        o.put("bubble_fraction", bubbleFraction());
        o.put("total_time_s", totalSeconds());
        ArrayNode mm = o.putArray("minibatch_makespans_s");
        for (double d : minibatchMakespans()) {
            mm.add(d);
        }
        o.put("schedule", spec.schedule().id());
        o.put("partitioner", spec.partitioner());
        o.put("model", model.name());
        ArrayNode pn = o.putArray("nodes");
        path.forEach(pn::add);
        o.put("micro_batches", spec.microBatches());
        o.put("micro_batch_size", spec.microBatchSize());
        o.put("minibatches", spec.minibatches());
        o.put("precision_bits", spec.precisionBits());
        o.put("rematerialize", spec.rematerialize());
        ArrayNode stages = o.putArray("stages");
        for (int s = 0; s < partition.stageCount(); s++) {
            StagePlan sp = partition.stage(s);
            StageStats st = schedule.stages().get(s);
            ObjectNode so = stages.addObject();
            so.put("stage", s);
            ArrayNode layers = so.putArray("layers");
            for (int i = sp.firstLayer(); i <= sp.lastLayer(); i++) {
                layers.add(model.layer(i).name());
            }
            so.put("node", sp.nodes().get(0));
            ArrayNode reps = so.putArray("replicas");
            sp.nodes().forEach(reps::add);
            so.put("compute_s", st.computeSeconds());
            so.put("peak_memory_bytes", st.peakMemoryBytes());
            so.put("weight_versions", st.weightVersions());
            so.put("weight_bytes", st.weightBytes());
            so.put("peak_activation_bytes", st.peakActivationBytes());
            so.put("peak_in_flight", st.peakInFlight());
            so.put("max_staleness", st.maxStaleness());
            so.put("mean_staleness", st.meanStaleness());
            long mem = Long.MAX_VALUE;
            for (String n : sp.nodes()) {
                mem = Math.min(mem, (long) (topology.node(n).memoryMb() * 1e6));
            }
            so.put("node_memory_bytes", mem);
            so.put("fits_memory", st.peakMemoryBytes() <= mem);
        }
        ArrayNode links = o.putArray("links");
        for (LinkBits lb : schedule.links()) {
            ObjectNode lo = links.addObject();
            lo.put("source", lb.source());
            lo.put("target", lb.target());
            lo.put("bits", lb.total());
            lo.put("bits_source_to_target", lb.sourceToTarget());
            lo.put("bits_target_to_source", lb.targetToSource());
        }
        return o;
    }
}
