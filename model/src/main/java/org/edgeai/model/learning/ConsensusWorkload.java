package org.edgeai.model.learning;

import java.util.SplittableRandom;

/**
 * Average consensus: node i starts from its own seeded N(0, I) vector of the given dimension (stream
 * {@code Seeds.derive(seed, i)}); there is no gradient. The quantity to reach is the initial average
 * x̄⁰, so {@link LearningState#metrics()} reports as {@code loss} the mean squared distance of the nodes
 * to it, (1/N) Σ ||x_i − x̄⁰||² (= consensus error + ||x̄ − x̄⁰||²: it also shows an average that drifts,
 * e.g. under compression), and accuracy NaN.
 */
public final class ConsensusWorkload extends Workload {

    private final int nodes;
    private final int dimension;
    private final long seed;
    private final double[] initialMean;

    /**
     * @param nodes     N &gt;= 1
     * @param dimension d &gt;= 1
     */
    public ConsensusWorkload(int nodes, int dimension, long seed) {
        if (nodes < 1) {
            throw new IllegalArgumentException("consensus: expected at least 1 node, got " + nodes);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("workload.dimension: expected an integer >= 1, got " + dimension);
        }
        this.nodes = nodes;
        this.dimension = dimension;
        this.seed = seed;
        float[] x = new float[nodes * dimension];
        initialize(x);
        initialMean = new double[dimension];
        for (int i = 0; i < nodes; i++) {
            for (int k = 0; k < dimension; k++) {
                initialMean[k] += x[i * dimension + k];
            }
        }
        for (int k = 0; k < dimension; k++) {
            initialMean[k] /= nodes;
        }
    }

    @Override
    public String task() {
        return "consensus";
    }

    @Override
    public int nodes() {
        return nodes;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean hasGradient() {
        return false;
    }

    @Override
    public int batchSize() {
        return 0;
    }

    @Override
    public int samples(int node) {
        return 1;
    }

    @Override
    public long flopsPerSample() {
        return 0;
    }

    @Override
    public long forwardFlopsPerSample() {
        return 0;
    }

    @Override
    public void initialize(float[] x) {
        for (int i = 0; i < nodes; i++) {
            SplittableRandom r = new SplittableRandom(Seeds.derive(seed, i));
            for (int k = 0; k < dimension; k++) {
                x[i * dimension + k] = (float) Seeds.normal(r);
            }
        }
    }

    /** The average of the initial vectors, in double (a copy). */
    public double[] initialMean() {
        return initialMean.clone();
    }

    double[] initialMeanShared() {
        return initialMean;
    }

    @Override
    public String describe() {
        return "consensus(nodes=" + nodes + ", dimension=" + dimension + ")";
    }
}
