package org.edgeai.model.topology;

/** Default compute and memory of one node kind. */
public record NodeDefaults(double computeGflops, double memoryMb) {
    public NodeDefaults {
        if (!(computeGflops > 0) || !(memoryMb > 0)) {
            throw new IllegalArgumentException("node defaults must be > 0, got computeGflops=" + computeGflops
                    + ", memoryMb=" + memoryMb);
        }
    }
}
