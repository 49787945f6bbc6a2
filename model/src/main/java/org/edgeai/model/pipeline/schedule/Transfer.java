package org.edgeai.model.pipeline.schedule;

import java.util.Locale;

/**
 * One message of a pipeline run, end to end (for a timeline and the topology animation): what it carries, between
 * which nodes and stages, and when. The {@code send} row of the schedule is the same message without the receiver.
 *
 * @param id         the message's index among the run's {@link PipelineNetwork#transfer} calls, in call order (0-based);
 *                   a network that reports hops ({@link EnginePipelineNetwork#setHopListener}) names the same index
 * @param kind       activation (forward), gradient (backward) or a chunk of a replicated stage's all-reduce
 * @param from       the sending node
 * @param to         the receiving node
 * @param fromStage  the sender's stage
 * @param toStage    the receiver's stage (the sender's for an all-reduce chunk)
 * @param microbatch the micro-batch (global over the run: j*M + m); for an all-reduce chunk the minibatch's last
 * @param bits       bits sent (at least 1 on the wire)
 * @param start      when the first bit left the sender, seconds
 * @param arrival    when the message had fully arrived at {@code to}, seconds (after every hop)
 */
public record Transfer(int id, Kind kind, String from, String to, int fromStage, int toStage, int microbatch, long bits,
                       double start, double arrival) {

    /** What a transfer carries. */
    public enum Kind {
        /** A stage's output activations of a micro-batch, sent forward to the next stage. */
        ACTIVATION,
        /** The gradient of a stage's input for a micro-batch, sent back to the previous stage. */
        GRADIENT,
        /** One chunk of the ring all-reduce of a replicated stage's weight gradients. */
        ALLREDUCE;

        /** {@code activation}, {@code gradient}, {@code allreduce}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
