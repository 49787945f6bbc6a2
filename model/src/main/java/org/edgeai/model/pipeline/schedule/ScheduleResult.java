package org.edgeai.model.pipeline.schedule;

import java.util.List;

/**
 * The outcome of a simulated pipeline run.
 *
 * @param rows           every computation and message, sorted by start, then stage, micro-batch, phase
 * @param stages         per stage
 * @param firstStart     first computation's start (0)
 * @param totalSeconds   end of the last computation or message
 * @param minibatchEnds  per minibatch, when its last computation or message ended
 * @param busySeconds    total busy time of all workers
 * @param workers        number of nodes running stages (replicas counted)
 * @param links          bits per topology link
 * @param transfers      every message end to end with its receiver and kind, in the order of {@link Transfer#id()}
 *                       (empty when the producer did not record them)
 */
public record ScheduleResult(List<PhaseRow> rows, List<StageStats> stages, double firstStart, double totalSeconds,
                             double[] minibatchEnds, double busySeconds, int workers,
                             List<PipelineNetwork.LinkBits> links, List<Transfer> transfers) {

    public ScheduleResult {
        transfers = List.copyOf(transfers);
    }

    /** A result without transfers (as before they were recorded). */
    public ScheduleResult(List<PhaseRow> rows, List<StageStats> stages, double firstStart, double totalSeconds,
                          double[] minibatchEnds, double busySeconds, int workers, List<PipelineNetwork.LinkBits> links) {
        this(rows, stages, firstStart, totalSeconds, minibatchEnds, busySeconds, workers, links, List.of());
    }

    /**
     * The bubble fraction: the idle share of the stages' time. With W workers (nodes running a stage;
     * replicas count) and span = (end of the last computation) - (start of the first), it is
     * 1 - (sum of the workers' busy compute time) / (W x span). Sending is not busy time (links do it).
     * With K equal stages, M micro-batches, no communication and instantaneous updates, gpipe and 1f1b give
     * exactly (K - 1) / (M + K - 1).
     */
    public double bubbleFraction() {
        double span = lastComputeEnd() - firstStart;
        return span <= 0 ? 0 : 1 - busySeconds / (workers * span);
    }

    /** End of the last computation. */
    public double lastComputeEnd() {
        double e = firstStart;
        for (PhaseRow r : rows) {
            if (r.phase() != Phase.SEND) {
                e = Math.max(e, r.end());
            }
        }
        return e;
    }
}
