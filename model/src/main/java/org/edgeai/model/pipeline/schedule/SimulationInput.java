package org.edgeai.model.pipeline.schedule;

import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;

/**
 * What {@link PipelineSimulator} runs.
 *
 * @param model               the model's layer profiles
 * @param partition           stages and their nodes
 * @param kind                the schedule
 * @param microBatches        M, micro-batches per minibatch, &gt;= 1 (sequential: use 1 and the whole minibatch
 *                            as the micro-batch size)
 * @param microBatchSize      samples per micro-batch, &gt;= 1
 * @param minibatches         minibatches run one after another (pipedream: without a flush), &gt;= 1
 * @param precisionBits       bits per activation/gradient element and per weight (32 = fp32, 16 = fp16)
 * @param rematerialize       recompute each stage's forward just before its backward, keeping only the stage
 *                            input between the two
 * @param updateFlopsPerParam FLOPs of the weight update per parameter (0: the update is instantaneous)
 */
public record SimulationInput(ModelProfile model, Partition partition, ScheduleKind kind, int microBatches,
                              int microBatchSize, int minibatches, int precisionBits, boolean rematerialize,
                              double updateFlopsPerParam) {

    public SimulationInput {
        if (microBatches < 1 || microBatchSize < 1 || minibatches < 1 || precisionBits < 1) {
            throw new IllegalArgumentException("microBatches, microBatchSize, minibatches and precisionBits must be >= 1");
        }
        if (!(updateFlopsPerParam >= 0) || Double.isInfinite(updateFlopsPerParam)) {
            throw new IllegalArgumentException("updateFlopsPerParam must be finite and >= 0, got " + updateFlopsPerParam);
        }
        if (partition.layerCount() != model.layerCount()) {
            throw new IllegalArgumentException("the partition covers " + partition.layerCount() + " layers, the model has "
                    + model.layerCount());
        }
        if (kind == ScheduleKind.SEQUENTIAL && microBatches != 1) {
            throw new IllegalArgumentException("sequential runs one micro-batch per minibatch; got microBatches " + microBatches);
        }
        for (int s = 0; s < partition.stageCount(); s++) {
            if (partition.stage(s).replicas() > microBatches) {
                throw new IllegalArgumentException("stage " + s + " has " + partition.stage(s).replicas()
                        + " replicas but a minibatch has only " + microBatches + " micro-batches; every replica needs one");
            }
        }
    }
}
