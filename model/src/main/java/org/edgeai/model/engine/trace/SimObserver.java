package org.edgeai.model.engine.trace;

/**
 * Watches a run. Called on the engine thread, inside the event loop: an implementation must return at once
 * and never block or wait (hand the record to a bounded buffer such as {@link EventBuffer}, which drops or
 * keeps records but never makes the engine wait). An observer never changes a run's results.
 */
@FunctionalInterface
public interface SimObserver {

    void onSimEvent(SimEvent event);
}
