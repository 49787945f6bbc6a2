package org.edgeai.model.run;

import java.util.concurrent.atomic.AtomicBoolean;

import org.edgeai.model.engine.Engine;

/**
 * Stops a run from another thread, in two strengths:
 * <ul>
 *   <li>{@link #stopAfterRound()}: the round in progress finishes, so the files describe whole rounds (what the
 *       command line's Ctrl-C does);</li>
 *   <li>{@link #cancel()}: the engine returns before its next event, in the middle of a round if need be, so a
 *       long round never keeps the user waiting (the workbench's Cancel). The metrics still hold whole rounds
 *       only; {@code messages.csv} may end with hops of the unfinished round.</li>
 * </ul>
 * Both are safe from any thread, at any time (before the run starts too). One control per run.
 */
public final class RunControl {

    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile Engine engine;

    /** The flag {@link ExperimentRunner} reads between rounds. */
    AtomicBoolean stopFlag() {
        return stop;
    }

    /** Ends the run when the round in progress finishes. */
    public void stopAfterRound() {
        stop.set(true);
    }

    /** Ends the run before the engine's next event. */
    public void cancel() {
        cancelled = true;
        stop.set(true);
        Engine e = engine;
        if (e != null) {
            e.requestStop();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Called by the runner once the engine exists; a cancel that came before takes effect now. */
    void attach(Engine e) {
        engine = e;
        if (cancelled) {
            e.requestStop();
        }
    }
}
