package org.edgeai.model.engine.trace;

import org.edgeai.model.engine.core.MessageKind;

/**
 * Receives the run's trace: one record per transmitted hop, one row per finished round.
 *
 * <p>{@link #hop} is called on the engine thread when a hop has arrived (so rows come in order of arrival,
 * equal arrival times in event order); hops still in flight when the run ends are not recorded. Node
 * arguments are indices of the topology's node order. Implementations must not block for long: they run
 * inside the event loop.
 */
public interface TraceSink extends AutoCloseable {

    /**
     * One hop of one message.
     *
     * @param round    the round the message was sent for
     * @param tSendS   when the hop's first bit started on the link, seconds
     * @param tArriveS when the hop's last bit arrived at {@code dst} (last bit sent + latency), seconds
     * @param src      the hop's sending node
     * @param dst      the hop's receiving node
     * @param bits     the message's size, &ge; 1
     * @param kind     what the message carries
     */
    void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind);

    /** A round finished; {@code metrics} holds the engine's counters and the algorithm's values. */
    default void roundFinished(RoundMetrics metrics) {
    }

    /**
     * True for a sink that records nothing; the network then skips the per-hop call altogether
     * ({@code --trace none}).
     */
    default boolean discardsHops() {
        return false;
    }

    /** Flushes and releases resources; a closed sink must not receive more records. */
    @Override
    default void close() {
    }
}
