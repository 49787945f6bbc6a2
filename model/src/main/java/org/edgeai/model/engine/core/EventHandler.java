package org.edgeai.model.engine.core;

/**
 * The owner of scheduled events. The {@link Simulator} stores, per event, a reference to an existing handler
 * and three ints, and calls {@link #onEvent} when the event's time comes: no object is allocated per event
 * and no lambda is captured. The owner decodes {@code code} (its own constants) and the two arguments (node
 * indices, message handles, epochs...).
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Runs one event at the simulator's current time ({@link Simulator#now()}).
     *
     * @param code the owner's event code, as given to {@link Simulator#scheduleAt}
     * @param a    first argument as given
     * @param b    second argument as given
     */
    void onEvent(int code, int a, int b);
}
