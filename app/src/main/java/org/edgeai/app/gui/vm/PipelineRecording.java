package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.pipeline.PipelineResult;
import org.edgeai.model.pipeline.PipelineRunner;
import org.edgeai.model.pipeline.PipelineSpec;
import org.edgeai.model.pipeline.partition.StagePlan;
import org.edgeai.model.pipeline.schedule.EnginePipelineNetwork;
import org.edgeai.model.pipeline.schedule.Phase;
import org.edgeai.model.pipeline.schedule.PhaseRow;
import org.edgeai.model.pipeline.schedule.Transfer;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * A pipeline run turned into a {@link RunRecording}, so the canvas animation and the timeline play it like an engine
 * run, plus what a recording cannot hold: per computation its micro-batch, phase and stage, per hop its micro-batch
 * and what it carries. Immutable after construction; no JavaFX.
 *
 * <h2>Conversion</h2>
 * Every computation row of the schedule (forward, backward, recompute, update) becomes a
 * {@link SimEvent.ComputeStarted}/{@link SimEvent.ComputeFinished} on its node (index of the topology's node order)
 * with the schedule's exact times; round = minibatch. Every hop of every message (reported by
 * {@link EnginePipelineNetwork#setHopListener}) becomes a {@link SimEvent.HopStarted}/{@link SimEvent.HopArrived} with
 * its queueing, first-bit and arrival times, kind {@link MessageKind#ACTIVATION} for activations and
 * {@link MessageKind#GRADIENT} for input gradients and all-reduce chunks, added in queueing order as the recording
 * requires. Each minibatch ends with a {@link SimEvent.RoundFinished} at its end time (cumulative counts), so "step
 * round" steps through minibatches.
 */
public final class PipelineRecording {

    /** One hop as the network reported it. */
    public record Hop(int transfer, String from, String to, long bits, double queued, double start, double arrival) {
    }

    private final PipelineResult result;
    private final Topology topology;
    private final RunRecording recording;
    private final String[] nodeIds;
    private final int[] rowNodes;
    // per node, per computation k (the recording's index): micro-batch, phase ordinal, stage
    private final int[][] cMicrobatch;
    private final byte[][] cPhase;
    private final int[][] cStage;
    // per hop (the recording's index)
    private final int[] hMicrobatch;
    private final byte[] hTransferKind;
    private final int[] hTransfer;

    /**
     * Runs {@code spec} on {@code topology} with the network's hops recorded and converts the result.
     *
     * @throws org.edgeai.model.pipeline.SpecException when the spec does not fit the topology
     */
    public static PipelineRecording run(PipelineSpec spec, Topology topology) {
        EnginePipelineNetwork net = new EnginePipelineNetwork(topology);
        List<Hop> hops = new ArrayList<>();
        net.setHopListener((id, from, to, bits, queued, start, arrival) ->
                hops.add(new Hop(id, from, to, bits, queued, start, arrival)));
        PipelineResult r = PipelineRunner.run(spec, topology, net);
        return new PipelineRecording(r, topology, hops);
    }

    /**
     * Converts a result and the hops its network reported. O((rows + hops) log hops).
     *
     * @param topology the topology the pipeline ran on (node indices are its node order)
     */
    public PipelineRecording(PipelineResult result, Topology topology, List<Hop> hops) {
        this.result = result;
        this.topology = topology;
        int n = topology.nodeCount();
        nodeIds = new String[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        int i = 0;
        for (Node node : topology.nodes()) {
            nodeIds[i] = node.id();
            index.put(node.id(), i++);
        }
        recording = new RunRecording(n, topology.linkCount());
        int m = result.spec().effectiveMicroBatches();
        int minibatches = result.spec().minibatches();

        // computations, in start order (per node too: a node computes one thing at a time)
        int[] count = new int[n];
        for (PhaseRow row : result.rows()) {
            if (row.phase() != Phase.SEND) {
                count[index.get(row.node())]++;
            }
        }
        cMicrobatch = new int[n][];
        cPhase = new byte[n][];
        cStage = new int[n][];
        for (int v = 0; v < n; v++) {
            cMicrobatch[v] = new int[count[v]];
            cPhase[v] = new byte[count[v]];
            cStage[v] = new int[count[v]];
        }
        Arrays.fill(count, 0);
        double[] computeByMinibatch = new double[minibatches];
        for (PhaseRow row : result.rows()) {
            if (row.phase() == Phase.SEND) {
                continue;
            }
            int v = index.get(row.node());
            int j = row.microbatch() / m;
            double flops = (row.end() - row.start()) * topology.node(row.node()).computeGflops() * 1e9;
            recording.add(new SimEvent.ComputeStarted(v, j, flops, row.start(), row.end()));
            recording.add(new SimEvent.ComputeFinished(v, j, row.end()));
            int k = count[v]++;
            cMicrobatch[v][k] = row.microbatch();
            cPhase[v][k] = (byte) row.phase().ordinal();
            cStage[v][k] = row.stage();
            computeByMinibatch[j] += row.end() - row.start();
        }

        // hops, in queueing order (ties: first bit, then message, then as reported)
        List<Transfer> transfers = result.schedule().transfers();
        List<Hop> sorted = new ArrayList<>(hops);
        sorted.sort(Comparator.comparingDouble(Hop::queued).thenComparingDouble(Hop::start)
                .thenComparingInt(Hop::transfer));
        int h = sorted.size();
        hMicrobatch = new int[h];
        hTransferKind = new byte[h];
        hTransfer = new int[h];
        long[] messagesBy = new long[minibatches];
        long[] messageBitsBy = new long[minibatches];
        long[] hopsBy = new long[minibatches];
        long[] linkBitsBy = new long[minibatches];
        for (Transfer t : transfers) {
            int j = t.microbatch() / m;
            messagesBy[j]++;
            messageBitsBy[j] += Math.max(1, t.bits());
        }
        for (int k = 0; k < h; k++) {
            Hop hop = sorted.get(k);
            Transfer t = transfers.get(hop.transfer());
            int j = t.microbatch() / m;
            MessageKind kind = t.kind() == Transfer.Kind.ACTIVATION ? MessageKind.ACTIVATION : MessageKind.GRADIENT;
            int src = index.get(hop.from());
            int dst = index.get(hop.to());
            recording.add(new SimEvent.HopStarted(j, kind, src, dst, hop.bits(), hop.queued(), hop.start(), hop.arrival(),
                    hop.transfer()));
            recording.add(new SimEvent.HopArrived(j, kind, src, dst, hop.bits(), hop.start(), hop.arrival(), hop.transfer(),
                    hop.to().equals(t.to())));
            hMicrobatch[k] = t.microbatch();
            hTransferKind[k] = (byte) t.kind().ordinal();
            hTransfer[k] = hop.transfer();
            hopsBy[j]++;
            linkBitsBy[j] += hop.bits();
        }

        // one "round" per minibatch, with cumulative counts
        double[] ends = result.schedule().minibatchEnds();
        double[] makespans = result.minibatchMakespans();
        long messages = 0;
        long messageBits = 0;
        long hopCount = 0;
        long linkBits = 0;
        double compute = 0;
        for (int j = 0; j < minibatches; j++) {
            messages += messagesBy[j];
            messageBits += messageBitsBy[j];
            hopCount += hopsBy[j];
            linkBits += linkBitsBy[j];
            compute += computeByMinibatch[j];
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("minibatch_makespan_s", makespans[j]);
            recording.add(new SimEvent.RoundFinished(new RoundMetrics(j, ends[j], messages, messageBits, hopCount,
                    linkBits, compute, values)));
        }

        // rows: the stages' nodes in stage order (replicas together), then nodes that only relay messages
        List<Integer> rows = new ArrayList<>();
        for (int s = 0; s < result.partition().stageCount(); s++) {
            StagePlan sp = result.partition().stage(s);
            for (String id : sp.nodes()) {
                int v = index.get(id);
                if (!rows.contains(v)) {
                    rows.add(v);
                }
            }
        }
        for (Hop hop : sorted) {
            for (String id : new String[] {hop.from(), hop.to()}) {
                int v = index.get(id);
                if (!rows.contains(v)) {
                    rows.add(v);
                }
            }
        }
        rowNodes = rows.stream().mapToInt(Integer::intValue).toArray();
    }

    public PipelineResult result() {
        return result;
    }

    /** The topology the pipeline ran on; node indices of the recording are its node order. */
    public Topology topology() {
        return topology;
    }

    /** The recording the animation and the timeline play. */
    public RunRecording recording() {
        return recording;
    }

    /** The id of node index {@code v}. */
    public String nodeId(int v) {
        return nodeIds[v];
    }

    /** The nodes the timeline shows, as node indices: stage nodes in stage order, then relays. */
    public int[] rowNodes() {
        return rowNodes.clone();
    }

    /** Micro-batches per minibatch (M). */
    public int microBatches() {
        return result.spec().effectiveMicroBatches();
    }

    /** The micro-batch (global j*M + m) of computation {@code k} of node {@code v}. */
    public int computeMicrobatch(int v, int k) {
        return cMicrobatch[v][k];
    }

    /** The phase (forward, backward, recompute, update) of computation {@code k} of node {@code v}. */
    public Phase computePhase(int v, int k) {
        return Phase.values()[cPhase[v][k]];
    }

    /** The stage that ran computation {@code k} of node {@code v}. */
    public int computeStage(int v, int k) {
        return cStage[v][k];
    }

    /** The micro-batch of hop {@code h} (the recording's hop index). */
    public int hopMicrobatch(int h) {
        return hMicrobatch[h];
    }

    /** What hop {@code h} carries. */
    public Transfer.Kind hopTransferKind(int h) {
        return Transfer.Kind.values()[hTransferKind[h]];
    }

    /** The message (index of {@link org.edgeai.model.pipeline.schedule.ScheduleResult#transfers()}) of hop {@code h}. */
    public int hopTransfer(int h) {
        return hTransfer[h];
    }

    /** The bubble fraction as the command line prints it: {@code bubble fraction 0.1234}. */
    public String bubbleText() {
        return bubbleText(result.bubbleFraction());
    }

    /** {@code bubble fraction %.4f} (Locale.ROOT), the fragment the {@code pipeline} command prints. */
    public static String bubbleText(double fraction) {
        return String.format(java.util.Locale.ROOT, "bubble fraction %.4f", fraction);
    }

    /** {@code makespan %.6g s per minibatch, throughput %.6g samples/s}, as the {@code pipeline} command prints it. */
    public String summaryText() {
        return String.format(java.util.Locale.ROOT, "makespan %.6g s per minibatch, throughput %.6g samples/s",
                result.makespanSeconds(), result.throughput());
    }
}
