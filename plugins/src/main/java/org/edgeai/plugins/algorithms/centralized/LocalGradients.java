package org.edgeai.plugins.algorithms.centralized;

import java.util.Arrays;

import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.SupervisedWorkload;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.models.Model;

/**
 * The devices' local gradients: minibatch ones through the learning state's batched call, or with
 * {@code fullBatch} the exact gradient of a device's whole shard (the mean loss over its samples), computed
 * per device with the model's own kernel.
 */
final class LocalGradients {

    private final LearningState learning;
    private final boolean fullBatch;
    private final int d;
    private final Model model;
    private final SupervisedWorkload supervised;
    private final int[][] shards;
    private final Model.Workspace workspace;

    LocalGradients(LearningState learning, boolean fullBatch) {
        this.learning = learning;
        this.fullBatch = fullBatch;
        this.d = learning.dimension();
        Workload w = learning.workload();
        if (fullBatch && w instanceof SupervisedWorkload s && w.hasGradient()) {
            supervised = s;
            model = s.model();
            shards = new int[w.nodes()][];
            int max = 1;
            for (int i = 0; i < shards.length; i++) {
                shards[i] = s.partition().shard(i);
                max = Math.max(max, shards[i].length);
            }
            workspace = model.newWorkspace(max);
        } else {
            supervised = null;
            model = null;
            shards = null;
            workspace = null;
        }
    }

    /**
     * Writes each listed row's gradient at {@code params[r*d ..]} to {@code out[r*d ..]}: a fresh minibatch
     * (batched over the rows), or the whole shard with {@code fullBatch}. Zeros for a task without gradient.
     */
    void compute(int[] parts, float[] params, float[] out) {
        if (!fullBatch || model == null) {
            learning.gradients(parts, params, out);
            return;
        }
        for (int r : parts) {
            int[] shard = shards[r];
            if (shard.length == 0) {
                Arrays.fill(out, r * d, r * d + d, 0f);
            } else {
                model.gradient(params, r * d, supervised.train(), shard, shard.length, out, r * d, workspace);
            }
        }
    }

    /** FLOPs of one gradient of row r: batchSize (or its shard size) times the model's FLOPs per sample. */
    double flops(int r) {
        Workload w = learning.workload();
        if (!fullBatch) {
            return w.flopsPerGradient(r);
        }
        return w.hasGradient() ? (double) w.samples(r) * w.flopsPerSample() : 0;
    }
}
