package org.edgeai.model.engine;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.net.MessageHandler;

/**
 * A running algorithm: reacts to the engine's events and asks it to compute and send through its
 * {@link SimulationContext} (given at creation by {@link AlgorithmProvider#create}). One instance per run;
 * it keeps its per-node state in arrays indexed by node.
 *
 * <p>All callbacks run on the engine thread, at the simulator's current time, and must not block. The
 * engine knows nothing about any algorithm; everything algorithm-specific lives behind this interface.
 */
public interface Algorithm extends MessageHandler, ComputeHandler, EventHandler {

    /** Called once, at time 0, before round 0 starts. */
    default void start() {
    }

    /** Round {@code round} begins (see {@link SimulationContext}'s round protocol). */
    void onRoundStart(int round);

    /** A message sent with this algorithm as handler has reached its destination. */
    @Override
    void onMessage(int msg, int src, int dst, long tag);

    /** Work given to {@link ComputeUnits#compute} with this algorithm as handler is done. */
    @Override
    default void onComputeDone(int node, int tag) {
        throw new UnsupportedOperationException(getClass().getName() + " gave work to node " + node
                + " but does not handle onComputeDone");
    }

    /** An event this algorithm scheduled on the simulator (its own timers, wake-ups, deadlines). */
    @Override
    default void onEvent(int code, int a, int b) {
        throw new UnsupportedOperationException(getClass().getName() + " scheduled event code " + code
                + " but does not handle onEvent");
    }

    /** The run is over (finished, stopped or failed): release what the algorithm holds. */
    default void close() {
    }
}
