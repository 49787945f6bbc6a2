package org.edgeai.model.run;

/**
 * Told about every finished round, on the thread that runs the simulation, after the round's row is in
 * {@code metrics.csv}. Must return quickly; to stop the run, set the run's stop flag
 * ({@link RunOptions#stop()}).
 */
@FunctionalInterface
public interface RunListener {

    void roundFinished(RunProgress progress);
}
