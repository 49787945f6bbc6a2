package org.edgeai.model.learning.models;

import org.edgeai.model.learning.data.Dataset;

/**
 * A model family with a fixed parameter layout (ALGORITHMS.md "Models"), evaluated on one parameter
 * vector at a time. Parameter vectors are slices {@code x[off .. off + dimension())} of a {@code float[]},
 * so that all N replicas can live in one row-major N x d array.
 *
 * <p>Implementations are immutable and thread-safe; all scratch memory is in a {@link Workspace} that a
 * thread creates once and reuses (the gradient path allocates nothing).
 */
public interface Model {

    /** {@code softmax}, {@code mlp} or {@code linear}. */
    String type();

    /** Number of parameters d. */
    int dimension();

    /** Input features per sample. */
    int features();

    /** Number of outputs: classes, or 1 for {@code linear}. */
    int outputs();

    /**
     * The initial parameters (ALGORITHMS.md: zero for softmax and linear, seeded Glorot-uniform weights
     * and zero biases for mlp), written to {@code x[off .. off + d)}.
     */
    void initialize(float[] x, int off, long seed);

    /**
     * FLOPs of one forward and backward pass for one sample (multiply and add counted separately),
     * derived from the shapes; the engine times a local step as {@code batch · flopsPerSample()} FLOPs.
     * The formula of each model is in its class documentation.
     */
    long flopsPerSample();

    /**
     * FLOPs of the forward pass alone for one sample (loss evaluation, e.g. zo-sgd's two evaluations):
     * the forward terms of {@link #flopsPerSample()}, stated in each model's documentation.
     */
    long forwardFlopsPerSample();

    /** Scratch buffers for batches of up to {@code maxBatch} samples; one per thread. */
    Workspace newWorkspace(int maxBatch);

    /**
     * The stochastic gradient of the mean loss over the samples {@code batch[0 .. batchLen)} of
     * {@code data} (repetitions count as often as they occur), written to {@code g[gOff .. gOff + d)};
     * zeros when {@code batchLen == 0}. O(batchLen · flopsPerSample()).
     */
    void gradient(float[] x, int xOff, Dataset data, int[] batch, int batchLen, float[] g, int gOff, Workspace ws);

    /** The mean loss on the samples {@code batch[0 .. batchLen)} (0 when empty). */
    double batchLoss(float[] x, int xOff, Dataset data, int[] batch, int batchLen, Workspace ws);

    /** The mean loss over all samples of {@code data} (NaN when it is empty), accumulated in double. */
    double loss(float[] x, int xOff, Dataset data, Workspace ws);

    /**
     * The fraction of samples of {@code data} whose predicted class (the arg max, lowest index on ties)
     * equals the label; for {@code linear} on a two-class set, the sign of the output predicts class 1
     * when positive. NaN when {@code data} is empty or has no classes.
     */
    double accuracy(float[] x, int xOff, Dataset data, Workspace ws);

    /** As {@link #loss(float[], int, Dataset, Workspace)} with a temporary workspace (allocates). */
    default double loss(float[] x, int xOff, Dataset data) {
        return loss(x, xOff, data, newWorkspace(1));
    }

    /** As {@link #accuracy(float[], int, Dataset, Workspace)} with a temporary workspace (allocates). */
    default double accuracy(float[] x, int xOff, Dataset data) {
        return accuracy(x, xOff, data, newWorkspace(1));
    }

    /** Opaque per-thread scratch memory of a model. */
    interface Workspace {
    }
}
