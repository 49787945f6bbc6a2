package org.edgeai.model.pipeline.layers;

import java.util.List;

/**
 * A model as the pipeline sees it: input shape and per-layer profiles (per sample). Immutable.
 */
public record ModelProfile(String name, Shape input, List<LayerProfile> layers) {

    public ModelProfile {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no layers");
        }
    }

    public int layerCount() {
        return layers.size();
    }

    public LayerProfile layer(int i) {
        return layers.get(i);
    }

    /** Total trainable parameters. */
    public long params() {
        long p = 0;
        for (LayerProfile l : layers) {
            p += l.params();
        }
        return p;
    }

    /** Total forward FLOPs per sample. */
    public double forwardFlops() {
        double f = 0;
        for (LayerProfile l : layers) {
            f += l.forwardFlops();
        }
        return f;
    }

    /** Total backward FLOPs per sample. */
    public double backwardFlops() {
        double f = 0;
        for (LayerProfile l : layers) {
            f += l.backwardFlops();
        }
        return f;
    }

    /** Elements of one input sample. */
    public long inputElements() {
        return input.elements();
    }

    /**
     * Elements entering layer {@code i} (0-based): the input sample for layer 0, else layer i-1's output.
     */
    public long inputElementsOf(int i) {
        return i == 0 ? input.elements() : layers.get(i - 1).outputElements();
    }
}
