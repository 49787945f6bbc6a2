package org.edgeai.model.engine;

/** Receives the end of a piece of work given to {@link ComputeUnits#compute}. */
@FunctionalInterface
public interface ComputeHandler {

    /**
     * @param node the node that finished
     * @param tag  the caller's tag, as given to {@code compute}
     */
    void onComputeDone(int node, int tag);
}
