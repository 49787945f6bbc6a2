package org.edgeai.model.pipeline.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Contiguous stages covering every layer of a model exactly once, in order, each on its own nodes (no node
 * runs two stages). Immutable.
 */
public record Partition(List<StagePlan> stages) {

    public Partition {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a partition needs at least one stage");
        }
        int next = 0;
        Set<String> used = new HashSet<>();
        for (StagePlan s : stages) {
            if (s.firstLayer() != next) {
                throw new IllegalArgumentException("stages must be contiguous: a stage starts at layer " + s.firstLayer()
                        + ", expected " + next);
            }
            next = s.lastLayer() + 1;
            for (String n : s.nodes()) {
                if (!used.add(n)) {
                    throw new IllegalArgumentException("node '" + n + "' runs more than one stage");
                }
            }
        }
    }

    public int stageCount() {
        return stages.size();
    }

    public StagePlan stage(int i) {
        return stages.get(i);
    }

    /** Layers covered (the model's layer count). */
    public int layerCount() {
        return stages.get(stages.size() - 1).lastLayer() + 1;
    }

    /** Layers per stage, e.g. {@code [5, 5, 6]}. */
    public int[] layersPerStage() {
        return stages.stream().mapToInt(StagePlan::layerCount).toArray();
    }

    /** Builds single-node stages from layer counts: stage s gets {@code counts[s]} layers on {@code nodes[s]}. */
    public static Partition ofCounts(int[] counts, List<String> nodes) {
        if (counts.length != nodes.size()) {
            throw new IllegalArgumentException("need one node per stage: " + counts.length + " stages, " + nodes.size() + " nodes");
        }
        List<StagePlan> out = new ArrayList<>();
        int first = 0;
        for (int s = 0; s < counts.length; s++) {
            out.add(new StagePlan(first, first + counts[s] - 1, List.of(nodes.get(s))));
            first += counts[s];
        }
        return new Partition(out);
    }
}
