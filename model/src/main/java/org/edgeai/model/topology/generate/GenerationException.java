package org.edgeai.model.topology.generate;

/** A generator could not produce a graph that meets its constraints (e.g. connectivity) within its bounded tries. */
public class GenerationException extends RuntimeException {
    public GenerationException(String message) {
        super(message);
    }
}
