package org.edgeai.model.pipeline.partition;

import java.util.List;

/**
 * One pipeline stage: the contiguous layers {@code firstLayer..lastLayer} (0-based, inclusive) and the nodes
 * running it (one node, or several data-parallel replicas that split the micro-batches round robin).
 */
public record StagePlan(int firstLayer, int lastLayer, List<String> nodes) {

    public StagePlan {
        nodes = List.copyOf(nodes);
        if (firstLayer < 0 || lastLayer < firstLayer) {
            throw new IllegalArgumentException("stage layers must satisfy 0 <= first <= last, got " + firstLayer + ".." + lastLayer);
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a stage needs at least one node");
        }
    }

    public int layerCount() {
        return lastLayer - firstLayer + 1;
    }

    public int replicas() {
        return nodes.size();
    }
}
