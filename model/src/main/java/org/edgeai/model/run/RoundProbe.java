package org.edgeai.model.run;

import org.edgeai.model.engine.Faults;

/**
 * Looks at the learning state after every finished round, on the thread that runs the simulation, before the
 * next round starts (so the state is quiet). It may read {@code setup.learning()} but must not change it, draw
 * from any of the run's random streams or keep references to its arrays: the workbench copies per-node values
 * (distance to the average model, local loss) for colouring nodes, and a run with a probe gives the same files
 * as one without.
 */
@FunctionalInterface
public interface RoundProbe {

    /**
     * @param round the file's round number (1-based, as in {@code metrics.csv})
     * @param setup  the run's learning state, rows and compression
     * @param faults the run's per-round dropouts, stragglers and speed factors (e.g. to show the next round's)
     */
    void afterRound(int round, RunSetup setup, Faults faults);
}
