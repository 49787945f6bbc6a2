package org.edgeai.model.engine.trace;

import org.edgeai.model.engine.core.MessageKind;

/**
 * An immutable record of something that happened in a run, published to a {@link SimObserver} (the GUI's
 * animation and charts). Times are virtual seconds; nodes and links are indices of the topology's order.
 * Records are created only when an observer is attached, so a headless run pays nothing for them.
 */
public sealed interface SimEvent {

    /** The virtual time the record refers to (its start for intervals), seconds. */
    double timeS();

    /**
     * A hop was committed to a link direction. Published when the engine commits it, at {@code tQueuedS}, which is
     * before {@code tSendS} when the hop queues behind others on the link; {@code tArriveS} is known at once when
     * neither endpoint shares an access capacity and the link has no scheduled down/up events, else it is
     * {@code NaN} (see the matching {@link HopArrived}).
     *
     * @param message the network's handle of the message (recycled after delivery)
     */
    record HopStarted(int round, MessageKind kind, int src, int dst, long bits, double tQueuedS, double tSendS,
                      double tArriveS, int message) implements SimEvent {
        @Override
        public double timeS() {
            return tSendS;
        }
    }

    /**
     * A hop arrived at {@code dst}; {@code delivered} when {@code dst} is the message's destination.
     */
    record HopArrived(int round, MessageKind kind, int src, int dst, long bits, double tSendS, double tArriveS,
                      int message, boolean delivered) implements SimEvent {
        @Override
        public double timeS() {
            return tArriveS;
        }
    }

    /** A node was given {@code flops} of work; it runs from {@code tStartS} to {@code tEndS} (FIFO per node). */
    record ComputeStarted(int node, int round, double flops, double tStartS, double tEndS) implements SimEvent {
        @Override
        public double timeS() {
            return tStartS;
        }
    }

    /** A node finished a piece of work. */
    record ComputeFinished(int node, int round, double tEndS) implements SimEvent {
        @Override
        public double timeS() {
            return tEndS;
        }
    }

    /** A link went down or came up. */
    record LinkStateChanged(int link, boolean up, double timeS) implements SimEvent {
    }

    /** A round finished with these metrics. */
    record RoundFinished(RoundMetrics metrics) implements SimEvent {
        @Override
        public double timeS() {
            return metrics.timeS();
        }
    }
}
