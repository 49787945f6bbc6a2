package org.edgeai.model.pipeline.schedule;

import java.util.List;

/**
 * What a pipeline schedule asks of the simulated world: compute on a node and send bits between nodes, with
 * callbacks when done. Implementations apply DESIGN.md's "Network timing" rules exactly.
 *
 * <p>This interface isolates the schedules from the simulator underneath: {@link EnginePipelineNetwork}, an
 * adapter over the shared engine ({@code org.edgeai.model.engine}), so pipelines and learning runs share one
 * implementation of the timing rules.
 *
 * <p>Requests are made "now", i.e. at the virtual time of the event being handled; callbacks run as later
 * events, and events at equal times run in the order they were scheduled.
 */
public interface PipelineNetwork {

    /** Current virtual time in seconds. */
    double now();

    /**
     * Computes {@code flops} FLOPs on {@code node}: it takes flops / (computeGflops * 1e9) s; a node computes one
     * thing at a time, requests queue first come first served.
     */
    void compute(String node, double flops, ComputeDone done);

    /**
     * Sends {@code bits} (at least 1) from {@code from} to {@code to}: store and forward hop by hop along the
     * least-latency route; on each hop the message occupies the sender's direction of the link for
     * bits / bandwidth s, first come first served, and arrives latency after its last bit left. Sending to
     * the same node arrives at once.
     */
    void transfer(String from, String to, long bits, TransferDone done);

    /** Runs events until none are left. */
    void run();

    /** Bits carried so far by each link of the topology, in the topology's link order. */
    List<LinkBits> linkBits();

    /** Called when a computation ends. */
    @FunctionalInterface
    interface ComputeDone {
        void done(double start, double end);
    }

    /** Called when a message has fully arrived; {@code start} is when its first bit started on the first hop. */
    @FunctionalInterface
    interface TransferDone {
        void done(double start, double arrival);
    }

    /**
     * Bits over one link.
     *
     * @param source         the link's {@code source} as in the topology
     * @param target         the link's {@code target}
     * @param sourceToTarget bits sent in the source-to-target direction
     * @param targetToSource bits sent in the other direction
     */
    record LinkBits(String source, String target, long sourceToTarget, long targetToSource) {
        public long total() {
            return sourceToTarget + targetToSource;
        }
    }
}
