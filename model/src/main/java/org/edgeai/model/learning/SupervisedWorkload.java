package org.edgeai.model.learning;

import java.util.Objects;

import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.models.Model;
import org.edgeai.model.learning.partition.Partition;

/**
 * Learning from data: a model, a training set partitioned over the nodes, a test set, a batch size.
 * All nodes start from the same parameters (the model's initialization with the workload's
 * {@code "init"} stream); minibatches come from the {@code "batches"} stream, one sub-stream per node.
 */
public class SupervisedWorkload extends Workload {

    private final String task;
    private final Model model;
    private final Dataset train;
    private final Dataset test;
    private final Partition partition;
    private final int batchSize;
    private final long seed;

    /**
     * @param task      {@code classification} or {@code least-squares}
     * @param model     the model; its feature count must match the data
     * @param train     training set (indices of {@code partition} refer to it)
     * @param test      test set, possibly empty
     * @param partition per node its training samples
     * @param batchSize &gt;= 1
     * @param seed      seed of initialization and minibatches
     */
    public SupervisedWorkload(String task, Model model, Dataset train, Dataset test, Partition partition,
                              int batchSize, long seed) {
        this.task = Objects.requireNonNull(task, "task");
        this.model = Objects.requireNonNull(model, "model");
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        this.partition = Objects.requireNonNull(partition, "partition");
        if (batchSize < 1) {
            throw new IllegalArgumentException("workload.batchSize: expected an integer >= 1, got " + batchSize);
        }
        if (model.features() != train.featureCount() || model.features() != test.featureCount()) {
            throw new IllegalArgumentException("model " + model.type() + " expects " + model.features()
                    + " features, data has " + train.featureCount());
        }
        if (partition.nodes() < 1) {
            throw new IllegalArgumentException("workload: expected at least 1 data-holding node");
        }
        if (partition.samples() != train.size()) {
            throw new IllegalArgumentException("partition of " + partition.samples() + " samples for a training set of " + train.size());
        }
        if (!model.type().equals("linear") && (!train.isClassification() || train.classes() != model.outputs())) {
            throw new IllegalArgumentException("model " + model.type() + " with " + model.outputs()
                    + " classes does not fit " + train);
        }
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public String task() {
        return task;
    }

    public Model model() {
        return model;
    }

    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    public Partition partition() {
        return partition;
    }

    @Override
    public int nodes() {
        return partition.nodes();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public boolean hasGradient() {
        return true;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int samples(int node) {
        return partition.size(node);
    }

    @Override
    public long flopsPerSample() {
        return model.flopsPerSample();
    }

    @Override
    public long forwardFlopsPerSample() {
        return model.forwardFlopsPerSample();
    }

    @Override
    public void initialize(float[] x) {
        int d = model.dimension();
        model.initialize(x, 0, Seeds.derive(seed, "init"));
        for (int i = 1; i < nodes(); i++) {
            System.arraycopy(x, 0, x, i * d, d);
        }
    }

    /** Seed of the per-node minibatch streams. */
    long batchSeed() {
        return Seeds.derive(seed, "batches");
    }

    @Override
    public String describe() {
        return task + "(" + model + ", train " + train.size() + ", test " + test.size() + ", " + partition.description()
                + ", nodes=" + nodes() + ", batchSize=" + batchSize + ")";
    }
}
