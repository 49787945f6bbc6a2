package org.edgeai.model.engine;

import java.util.Map;
import java.util.Optional;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Topology;

/**
 * What the engine offers an {@link Algorithm}: the clock, the network, the processors, the faults, the
 * random streams, and the round protocol. All calls are made on the engine thread, from the algorithm's
 * callbacks.
 *
 * <h2>Round protocol</h2>
 * The engine calls {@link Algorithm#onRoundStart(int)} for round 0 at time 0 and, for round r + 1, at the
 * instant round r finished. The algorithm calls {@link #finishRound(int, Map)} when round r is complete
 * (ALGORITHMS.md: when its last message of the round has arrived and been applied; for asynchronous
 * algorithms, after its own unit of work, e.g. N gossip wake-ups); the engine then records the metrics row.
 */
public interface SimulationContext {

    /** The topology of the run (a snapshot: do not edit it during a run). */
    Topology topology();

    /** Index view of the topology: node i and link e as the network and trace use them. */
    IndexedGraph graph();

    Simulator simulator();

    /** Current virtual time, seconds. */
    default double now() {
        return simulator().now();
    }

    Network network();

    ComputeUnits compute();

    Faults faults();

    /** Random streams of this experiment; algorithms use names of their own (e.g. {@code algorithm.sampling}). */
    SeedStreams streams();

    /** Number of rounds the run is to have. */
    int rounds();

    /** Rounds finished so far. */
    int roundsFinished();

    /** When round {@code round} started (it must have started), seconds. */
    double roundStartTime(int round);

    /**
     * Records that round {@code round} is complete, with the algorithm's metrics (loss, accuracy, ...), and
     * lets the engine start the next one.
     *
     * @param round must be {@link #roundsFinished()}: rounds finish in order, once each
     * @param values metrics by name, written in this order; may be empty
     * @throws IllegalArgumentException for a round out of order
     */
    void finishRound(int round, Map<String, Double> values);

    /**
     * Schedules {@code handler.onEvent(code, round, 0)} at the configured deadline of round {@code round}
     * (its start time + {@code roundDeadlineS}). Does nothing when no deadline is configured.
     *
     * @return the deadline's time, or +Infinity when there is none
     */
    double scheduleRoundDeadline(int round, EventHandler handler, int code);

    /**
     * Something the run was set up with for the algorithm (for example the learning workload or the
     * compressor, provided by their owners): looked up by type.
     */
    <T> Optional<T> extension(Class<T> type);
}
