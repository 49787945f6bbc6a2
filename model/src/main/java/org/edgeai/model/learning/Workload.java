package org.edgeai.model.learning;

/**
 * What the nodes learn (ALGORITHMS.md, DESIGN.md "Learning"): an immutable problem over N data-holding
 * nodes with d parameters each. Algorithms work on a {@link LearningState} made by {@link #newState()}.
 *
 * <p>Node indices are 0..N−1 over the data-holding nodes only; the engine maps topology nodes to them.
 */
public abstract class Workload {

    Workload() {
    }

    /** {@code consensus}, {@code least-squares} or {@code classification}. */
    public abstract String task();

    /** Number N of data-holding nodes (rows of X). */
    public abstract int nodes();

    /** Number d of parameters per node (columns of X; the d of the bit formulas). */
    public abstract int dimension();

    /** False for consensus, whose "gradient" is identically zero (x^{t+1} = W x^t exactly). */
    public abstract boolean hasGradient();

    /** Samples per minibatch (0 for consensus). */
    public abstract int batchSize();

    /**
     * n_i, the number of training samples node {@code i} holds: the weight of its contribution in
     * fedavg-style averages (1 for every node of a consensus task).
     */
    public abstract int samples(int node);

    /** FLOPs of one sample's forward and backward pass (0 for consensus); see the model's documentation. */
    public abstract long flopsPerSample();

    /**
     * FLOPs of one stochastic gradient at node {@code i}: {@code batchSize · flopsPerSample}, or 0 when
     * the node holds no sample or the task has no gradient. The engine turns it into time with the node's
     * {@code computeGflops}.
     */
    public long flopsPerGradient(int node) {
        return samples(node) == 0 || !hasGradient() ? 0 : (long) batchSize() * flopsPerSample();
    }

    /** FLOPs of the forward pass alone for one sample (0 for consensus). */
    public abstract long forwardFlopsPerSample();

    /**
     * FLOPs of one minibatch loss evaluation at node {@code i} (forward only, as zo-sgd needs):
     * {@code batchSize · forwardFlopsPerSample}, or 0 for an empty shard or a task without gradient.
     */
    public long flopsPerLoss(int node) {
        return samples(node) == 0 || !hasGradient() ? 0 : (long) batchSize() * forwardFlopsPerSample();
    }

    /** Writes the initial parameters of all nodes into {@code x} (N x d, row-major). */
    public abstract void initialize(float[] x);

    /** A fresh mutable state: X initialized, minibatch streams at their start. */
    public LearningState newState() {
        return new LearningState(this, LearningState.defaultParallelism());
    }

    /** As {@link #newState()}, computing gradients on up to {@code parallelism} threads (results do not depend on it). */
    public LearningState newState(int parallelism) {
        return new LearningState(this, parallelism);
    }

    /** One line for logs and the run summary. */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }
}
