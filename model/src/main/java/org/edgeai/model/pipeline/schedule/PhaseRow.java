package org.edgeai.model.pipeline.schedule;

/**
 * One row of the schedule (a bar of a timeline).
 *
 * <p>For a computation: the node that computes, the stage, the micro-batch (global index j*M + m over the
 * run's minibatches), start and end in seconds. For {@code send}: the sending node and stage; start is when
 * the first bit leaves the sender, end when the message has arrived at the receiver (after every hop).
 * For {@code update} the micro-batch is the one whose backward completed the update's gradients (the
 * minibatch's last for gpipe and 1f1b). Gradient all-reduce messages between replicas are {@code send} rows
 * with the minibatch's last micro-batch.
 */
public record PhaseRow(String node, int stage, int microbatch, Phase phase, double start, double end) {
}
